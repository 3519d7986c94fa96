import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { isApiError, onSessionEnded, SESSION_ENDED_KEY } from './api';
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
});

// A 401 on any call (a page's data, a save) means the session has ended (idle timeout, expiry, logout in
// another tab): reload the session, and the guard goes to /login.
// The login page then says why.
onSessionEnded(() => {
  sessionStorage.setItem(SESSION_ENDED_KEY, '1');
  void queryClient.resetQueries({ queryKey: ['session'] });
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
