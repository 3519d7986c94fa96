// Saving a matrix cell at once, like the grade register: saves of one cell are queued so that each is sent
// with the version the previous one produced; the cell's state (saving, saved, failed, conflict) is kept.
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiPut, isApiError } from '../app/api';
import { cellKey, type Matrix, type MatrixCell } from './types';
import { matrixKey } from './useAssessment';

export type CellStatus = { kind: 'saving'; level: string | null } | { kind: 'saved' } | { kind: 'failed'; invalid: boolean } | { kind: 'conflict' };

export function useMatrixSaves(planningId: string) {
  const qc = useQueryClient();
  const key = matrixKey(planningId);
  const [status, setStatus] = useState<Record<string, CellStatus>>({});
  const chains = useRef(new Map<string, Promise<unknown>>());
  const setOne = (k: string, s: CellStatus) => setStatus((all) => ({ ...all, [k]: s }));

  const current = useCallback((pupilId: string, requirementId: string) =>
    qc.getQueryData<Matrix>(key)?.cells.find((c) => c.pupilId === pupilId && c.requirementId === requirementId), [qc, key]);

  const put = useCallback((pupilId: string, requirementId: string, cell: MatrixCell | null) => qc.setQueryData<Matrix>(key, (old) => {
    if (!old) return old;
    const others = old.cells.filter((c) => !(c.pupilId === pupilId && c.requirementId === requirementId));
    return { ...old, cells: cell && cell.level !== null ? [...others, cell] : others };
  }), [qc, key]);

  /** Saves a level (null clears) and, when given, the comment; the comment stays as it is otherwise. */
  const save = (pupilId: string, requirementId: string, level: string | null, comment?: string | null) => {
    const k = cellKey(pupilId, requirementId);
    setOne(k, { kind: 'saving', level });
    const job = async () => {
      const before = current(pupilId, requirementId);
      try {
        const cell = await apiPut<MatrixCell>(`/api/plannings/${encodeURIComponent(planningId)}/assessments`, {
          pupilId, requirementId, level, comment: comment === undefined ? before?.comment ?? null : comment, version: before?.version ?? null,
        });
        put(pupilId, requirementId, cell);
        setOne(k, { kind: 'saved' });
        return true;
      } catch (e) {
        if (isApiError(e, 409)) {
          await qc.invalidateQueries({ queryKey: key });
          setOne(k, { kind: 'conflict' });
        } else setOne(k, { kind: 'failed', invalid: isApiError(e, 422) });
        return false;
      }
    };
    const run = (chains.current.get(k) ?? Promise.resolve()).then(job, job);
    chains.current.set(k, run.catch(() => undefined));
    return run;
  };

  return { status, save };
}
