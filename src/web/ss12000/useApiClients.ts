import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../app/api';
import type { ApiClient, ApiClientFields, WithSecret } from './types';

const KEY = ['ss12000', 'clients'] as const;
const enc = encodeURIComponent;

export const useApiClients = () => useQuery({ queryKey: KEY, queryFn: () => apiGet<ApiClient[]>('/api/ss12000/clients') });

/** A change of the clients: afterwards the list is read again. */
function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: async () => { await qc.invalidateQueries({ queryKey: KEY }); } });
}

export const useCreateApiClient = () => useChange((c: ApiClientFields & { clientId: string | null }) => apiPost<WithSecret>('/api/ss12000/clients', c));
export const useUpdateApiClient = () =>
  useChange(({ id, ...c }: ApiClientFields & { id: string; version: number }) => apiPut<ApiClient>(`/api/ss12000/clients/${enc(id)}`, c));
export const useRotateSecret = () => useChange((id: string) => apiPost<WithSecret>(`/api/ss12000/clients/${enc(id)}/secret`));
export const useRevokeApiClient = () => useChange((id: string) => apiPost<ApiClient>(`/api/ss12000/clients/${enc(id)}/revoke`));
