import { sql } from 'drizzle-orm';
import { currentTerm, type TermRef } from '../../domain/grading/period.js';
import type { Column } from '../../domain/grading/columns.js';
import { rows, type Queryable } from '../platform/db/database.js';

export interface GradingTerms { current: TermRef; ht: TermRef | null; vt: TermRef | null }

/** The term being graded today and the HT/VT terms of its school year (the register's columns). */
export async function loadGradingTerms(q: Pick<Queryable, 'execute'>, organiserId: string, today: string): Promise<GradingTerms | null> {
  const terms = await cachedTerms(q, organiserId);
  const current = currentTerm(terms, today);
  if (!current) return null;
  const ofYear = (kind: 'HT' | 'VT') => terms.find((t) => t.schoolYear === current.schoolYear && t.kind === kind) ?? null;
  return { current, ht: ofYear('HT'), vt: ofYear('VT') };
}

/** Terms change a few times a year: read them at most once a minute per organiser (every save needs them). */
const termCache = new Map<string, { at: number; terms: Promise<TermRef[]> }>();
function cachedTerms(q: Pick<Queryable, 'execute'>, organiserId: string): Promise<TermRef[]> {
  const hit = termCache.get(organiserId);
  if (hit && Date.now() - hit.at < 60_000) return hit.terms;
  const terms = readTerms(q, organiserId);
  termCache.set(organiserId, { at: Date.now(), terms });
  terms.catch(() => termCache.delete(organiserId));
  return terms;
}

/** Forgets the organiser's terms at once after a term was created or moved (this process; others within a minute). */
export function forgetTerms(organiserId: string): void {
  termCache.delete(organiserId);
}

function readTerms(q: Pick<Queryable, 'execute'>, organiserId: string): Promise<TermRef[]> {
  return rows<TermRef>(q, sql`select id, school_year as "schoolYear", kind,
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
    from term where organiser_id = ${organiserId}`);
}

/** The term a column's grade belongs to: HT/VT of the school year; a final grade to the current term. */
export function termOfColumn(terms: GradingTerms, column: Column): TermRef | null {
  return column === 'HT' ? terms.ht : column === 'VT' ? terms.vt : terms.current;
}

export const termLabel = (t: TermRef) => `${t.kind} ${t.kind === 'HT' ? t.schoolYear.slice(0, 4) : t.schoolYear.slice(5, 9)}`;
