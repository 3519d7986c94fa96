// Server state of the curriculum pages: reference data, the same for everyone, kept for a while.
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import type { CurriculumVersion, Syllabus, SyllabusRef } from './types';

const HOUR = 3_600_000;

export const useCurriculumVersions = () =>
  useQuery({ queryKey: ['curriculum', 'versions'], queryFn: () => apiGet<CurriculumVersion[]>('/api/curriculum/versions'), staleTime: HOUR });

export const useSyllabuses = (versionId: string | null) => useQuery({
  queryKey: ['curriculum', 'syllabuses', versionId], enabled: !!versionId, staleTime: HOUR,
  queryFn: () => apiGet<{ syllabuses: SyllabusRef[] }>(`/api/curriculum/versions/${encodeURIComponent(versionId ?? '')}/syllabuses`),
});

export const useSyllabus = (syllabusId: string | null) => useQuery({
  queryKey: ['curriculum', 'syllabus', syllabusId], enabled: !!syllabusId, staleTime: HOUR,
  queryFn: () => apiGet<Syllabus>(`/api/curriculum/syllabuses/${encodeURIComponent(syllabusId ?? '')}`),
});
