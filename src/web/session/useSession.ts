import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost, apiPut, setCsrfToken } from '../app/api';
import type { SessionBody, SessionContext } from './types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionBody> {
  const body = await apiGet<SessionBody>('/api/session');
  setCsrfToken(body.csrfToken);
  return body;
}

function storeSession(qc: QueryClient, body: SessionBody): void {
  setCsrfToken(body.csrfToken);
  qc.setQueryData(SESSION_KEY, body);
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

/** The session of a page inside the shell (the guard has already loaded it). */
export function useCurrentSession(): SessionBody {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside the session guard');
  return data;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (creds: { username: string; password: string }) =>
      apiPost<SessionBody>('/api/session', creds),
    onSuccess: (body) => {
      qc.removeQueries();
      storeSession(qc, body);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiDelete<null>('/api/session'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

/** Switch role or unit; afterwards everything shown is refetched for the new context. */
export function useSwitchContext() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ctx: SessionContext) => apiPut<SessionBody>('/api/session/context', ctx),
    onSuccess: async (body) => {
      storeSession(qc, body);
      await qc.invalidateQueries();
    },
  });
}
