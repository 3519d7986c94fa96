import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut, isApiError } from '../app/api';
import type { Grid, GridPupil, ResultInput, TestResult } from './types';

export interface GridParams { groupId: string; subjectCode: string; gradeYear: number }

export const gridKey = (p: GridParams) => ['national-tests', p.groupId, p.subjectCode, p.gradeYear] as const;

export function useGrid(p: GridParams | null) {
  return useQuery({
    queryKey: p ? gridKey(p) : ['national-tests', 'none'],
    queryFn: () => apiGet<Grid>(`/api/national-tests?${new URLSearchParams({ groupId: p!.groupId, subjectCode: p!.subjectCode, gradeYear: String(p!.gradeYear) })}`),
    enabled: p !== null,
  });
}

export type SaveStatus = { state: 'saving' | 'saved' } | { state: 'error'; code: string };

/** Saves one pupil's result at once (with the version read); a stale save shows the current result. */
export function useSaveResult(grid: Grid, params: GridParams) {
  const client = useQueryClient();
  const [status, setStatus] = useState<Record<string, SaveStatus>>({});
  const key = gridKey(params);
  const setResult = (pupilId: string, result: TestResult | null) => client.setQueryData<Grid>(key, (g) => g && {
    ...g, pupils: g.pupils.map((p) => (p.id === pupilId ? { ...p, result } : p)),
  });
  const mutation = useMutation({
    mutationFn: ({ pupil, input }: { pupil: GridPupil; input: ResultInput }) =>
      apiPut<{ pupilId: string; result: TestResult | null }>(`/api/national-tests/${encodeURIComponent(pupil.id)}`, {
        subjectCode: grid.subjectCode, gradeYear: grid.gradeYear, schoolYear: grid.schoolYear, ...input, version: pupil.result?.version ?? null,
      }),
    onMutate: ({ pupil }) => setStatus((s) => ({ ...s, [pupil.id]: { state: 'saving' } })),
    onSuccess: (res) => {
      setResult(res.pupilId, res.result);
      setStatus((s) => ({ ...s, [res.pupilId]: { state: 'saved' } }));
    },
    onError: (error, { pupil }) => {
      const code = isApiError(error) ? error.code : 'generic';
      if (isApiError(error, 409) && error.body && 'current' in error.body) setResult(pupil.id, error.body.current as TestResult | null);
      else void client.invalidateQueries({ queryKey: key });
      setStatus((s) => ({ ...s, [pupil.id]: { state: 'error', code } }));
    },
  });
  return { status, save: (pupil: GridPupil, input: ResultInput) => mutation.mutate({ pupil, input }) };
}
