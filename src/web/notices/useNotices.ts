// Server state of "Meddelanden": own notices with the unread count, and marking one read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../app/api';

export interface Notice { id: string; kind: string; pupilId: string | null; day: string; title: string; body: string; createdAt: string; readAt: string | null }
export interface Notices { unread: number; notices: Notice[] }

export const noticesPath = '/meddelanden';
const KEY = ['notices'] as const;

export function useNotices(personRole: string) {
  return useQuery({ queryKey: [...KEY, personRole], queryFn: () => apiGet<Notices>('/api/notices'), staleTime: 60_000, refetchInterval: 5 * 60_000 });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<Notices>(`/api/notices/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
