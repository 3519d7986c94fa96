// Saving a grade at once: one PUT per user action with a fresh requestId (a retry reuses it), saves of
// the same cell queued so that each is sent with the version the previous one produced.
import { useCallback, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPut, isApiError } from '../../app/api';
import { cellKey, type Cell, type Column, type Register, type SaveStatus } from './types';

/** 'nothing_to_carry_over': a carry-over found no earlier term grade of the pupil in the subject. */
export type SaveOutcome = 'saved' | 'failed' | 'conflict' | 'nothing_to_carry_over';

/** A random v4 UUID, also where crypto.randomUUID is missing (plain http on another host). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const KNOWN_CODES = ['step_not_allowed', 'column_not_allowed', 'not_in_group', 'grades_not_requested', 'before_period', 'after_period', 'network', 'nothing_to_carry_over'];

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

  const attempt = async (
    pupilId: string, column: Column, value: string | null, version: number | null, requestId: string, carryOver: boolean,
  ): Promise<SaveOutcome> => {
    const key = cellKey(pupilId, column);
    setOne(key, { kind: 'saving', value, carryOver });
    try {
      const body = { pupilId, column, value, version, requestId, ...(carryOver ? { carryOver: true } : {}) };
      const cell = await apiPut<Cell>(`/api/grading/groups/${encodeURIComponent(groupId)}/cells`, body);
      putCell(pupilId, column, cell);
      setOne(key, { kind: 'saved', carryOver });
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
      if (carryOver && isApiError(e, 400) && e.code === 'nothing_to_carry_over') {
        // trying again cannot help: the message itself is shown in the cell
        setOne(key, { kind: 'failed', value, message: errorText(e), carryOver });
        return 'nothing_to_carry_over';
      }
      const retry = () => void enqueue(key, () => attempt(pupilId, column, value, version, requestId, carryOver));
      setOne(key, { kind: 'failed', value, message: errorText(e), retry, carryOver });
      return 'failed';
    }
  };

  /** Saves `value` (null clears) in a cell as one new user action. */
  const save = (pupilId: string, column: Column, value: string | null): Promise<SaveOutcome> => {
    const key = cellKey(pupilId, column);
    setOne(key, { kind: 'saving', value });
    return enqueue(key, () => attempt(pupilId, column, value, cellOf(pupilId, column)?.version ?? null, newRequestId(), false));
  };

  /** Carries the pupil's latest earlier term grade over into an HT/VT cell (överfört) as one new user action. */
  const carryOver = (pupilId: string, column: Column): Promise<SaveOutcome> => {
    const key = cellKey(pupilId, column);
    const shown = cellOf(pupilId, column)?.value ?? null;
    setOne(key, { kind: 'saving', value: shown, carryOver: true });
    return enqueue(key, () => attempt(pupilId, column, null, cellOf(pupilId, column)?.version ?? null, newRequestId(), true));
  };

  return { status, save, carryOver, notice, clearNotice: () => setNotice(null) };
}
