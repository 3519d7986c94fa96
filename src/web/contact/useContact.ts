import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut } from '../app/api';
import type { Contact } from './types';

export const CONTACT_KEY = ['me', 'contact'] as const;

export function useContact() {
  return useQuery({ queryKey: CONTACT_KEY, queryFn: () => apiGet<Contact>('/api/me/contact') });
}

export function useSaveContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Contact) => apiPut<Contact>('/api/me/contact', body),
    onSuccess: (saved) => qc.setQueryData(CONTACT_KEY, saved),
  });
}
