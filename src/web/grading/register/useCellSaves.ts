// Saving a grade at once: one PUT per user action with a fresh requestId (a retry reuses it), saves of
// the same cell queued so that each is sent with the version the previous one produced.
import { useCallback, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPut, isApiError } from '../../app/api';
import { cellKey, type Cell, type Column, type Register, type SaveStatus } from './types';

export type SaveOutcome = 'saved' | 'failed' | 'conflict';

/** A random v4 UUID, also where crypto.randomUUID is missing (plain http on another host). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const KNOWN_CODES = ['step_not_allowed', 'column_not_allowed', 'not_in_group', 'grades_not_requested', 'before_period', 'after_period', 'network'];

/** A Swedish (or English) message for a failed grading request. */
export function useErrorText() {
  const { t } = useTranslation();
  return (e: unknown) =>
    isApiError(e) && KNOWN_CODES.includes(e.code) ? t(`gradeRegister.errors.${e.code}`) : t('gradeRegister.errors.other');
}

export function useCellSaves(groupId: string, queryKey: QueryKey) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [status, setStatus] = useState<Record<string, SaveStatus>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const chains = useRef(new Map<string, Promise<unknown>>());

  const cellOf = useCallback(
    (pupilId: string, column: Column) => qc.getQueryData<Register>(queryKey)?.pupils.find((p) => p.id === pupilId)?.cells[column],
    [qc, queryKey],
  );
  const putCell = useCallback(
    (pupilId: string, column: Column, cell: Cell) =>
      qc.setQueryData<Register>(queryKey, (old) =>
        old && { ...old, pupils: old.pupils.map((p) => (p.id === pupilId ? { ...p, cells: { ...p.cells, [column]: cell } } : p)) },
      ),
    [qc, queryKey],
  );
  const setOne = (key: string, s: SaveStatus) => setStatus((all) => ({ ...all, [key]: s }));

  /** Runs `job` after every earlier save of the same cell. */
  const enqueue = <T,>(key: string, job: () => Promise<T>): Promise<T> => {
    const run = (chains.current.get(key) ?? Promise.resolve()).then(job, job);
    chains.current.set(key, run.catch(() => undefined));
    return run;
  };

  const attempt = async (pupilId: string, column: Column, value: string | null, version: number | null, requestId: string): Promise<SaveOutcome> => {
    const key = cellKey(pupilId, column);
    setOne(key, { kind: 'saving', value });
    try {
      const cell = await apiPut<Cell>(`/api/grading/groups/${encodeURIComponent(groupId)}/cells`, { pupilId, column, value, version, requestId });
      putCell(pupilId, column, cell);
      setOne(key, { kind: 'saved' });
      return 'saved';
    } catch (e) {
      if (isApiError(e, 409)) {
        const current = e.body?.current as Cell | undefined;
        if (current) putCell(pupilId, column, current);
        else {
          // someone saved at the same instant: reload the whole register
          setNotice(t('gradeRegister.reloaded'));
          await qc.invalidateQueries({ queryKey });
        }
        setOne(key, { kind: 'conflict' });
        return 'conflict';
      }
      const retry = () => void enqueue(key, () => attempt(pupilId, column, value, version, requestId));
      setOne(key, { kind: 'failed', value, message: errorText(e), retry });
      return 'failed';
    }
  };

  /** Saves `value` (null clears) in a cell as one new user action. */
  const save = (pupilId: string, column: Column, value: string | null): Promise<SaveOutcome> => {
    const key = cellKey(pupilId, column);
    setOne(key, { kind: 'saving', value });
    return enqueue(key, () => attempt(pupilId, column, value, cellOf(pupilId, column)?.version ?? null, newRequestId()));
  };

  return { status, save, notice, clearNotice: () => setNotice(null) };
}
