/** The result of an import run: per kind of record how many were created, updated, unchanged and deleted
 *  (or ended), and every rejected record with its reason. */
import type { Rejection } from './records.js';

export const COUNTED = ['units', 'persons', 'enrolments', 'guardianships', 'groups', 'memberships', 'duties', 'teachers', 'mentors'] as const;
export type Counted = typeof COUNTED[number];
export interface Count { created: number; updated: number; unchanged: number; deleted: number }
export interface ImportResult { counts: Record<Counted, Count>; rejected: Rejection[]; rejectedTotal: number }

/** Rejections kept in the result (the count is always complete). */
export const MAX_REJECTIONS_KEPT = 2_000;

export function emptyResult(): ImportResult {
  return { counts: Object.fromEntries(COUNTED.map((c) => [c, { created: 0, updated: 0, unchanged: 0, deleted: 0 }])) as Record<Counted, Count>, rejected: [], rejectedTotal: 0 };
}

export function addRejections(result: ImportResult, rejections: Rejection[]) {
  result.rejectedTotal += rejections.length;
  for (const r of rejections) if (result.rejected.length < MAX_REJECTIONS_KEPT) result.rejected.push(r);
}

/** Nothing was written: every count is unchanged. */
export const changedNothing = (result: ImportResult) =>
  Object.values(result.counts).every((c) => c.created === 0 && c.updated === 0 && c.deleted === 0);
