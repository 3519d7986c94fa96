import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';

export interface Organiser {
  name: string;
  contact: string | null;
}

/** The organiser of this deployment (public: the login page shows it before anyone signs in). */
export function useOrganiser() {
  return useQuery({ queryKey: ['organiser'], queryFn: () => apiGet<Organiser>('/api/organiser'), staleTime: Infinity });
}
