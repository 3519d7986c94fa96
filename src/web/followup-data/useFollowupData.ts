import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import { uploadFile } from '../file-import/uploadFile';
import { useCurrentSession } from '../session/useSession';
import type { Reference, UnitBackgroundRow } from './types';

export const BACKGROUND_KEY = ['followup', 'background', 'units'] as const;
const REFERENCE_KEY = ['followup', 'reference'] as const;

export const useUnitBackground = (enabled: boolean) =>
  useQuery({ queryKey: BACKGROUND_KEY, queryFn: () => apiGet<{ rows: UnitBackgroundRow[] }>('/api/followup/background/units'), enabled });

export const useReference = (enabled: boolean) =>
  useQuery({ queryKey: REFERENCE_KEY, queryFn: () => apiGet<Reference>('/api/followup/reference'), enabled });

/** Uploads a new reference file (a .json file); the figures in force are read again. */
export function useUploadReference() {
  const session = useCurrentSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<Reference>('/api/followup/reference', file, session.csrfToken, 'PUT'),
    onSuccess: (data) => qc.setQueryData(REFERENCE_KEY, data),
  });
}

