import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { isApiError } from './api';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';
import './i18n';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers do not get better by asking again
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache({
    onError: (error, query) => {
      // a 401 on any page means the session has ended: reload the session, the guard goes to /login
      if (isApiError(error, 401) && query.queryKey[0] !== 'session') {
        void queryClient.resetQueries({ queryKey: ['session'] });
      }
    },
  }),
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
