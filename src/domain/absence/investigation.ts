/**
 * Frånvaroutredning: the principal's investigation of a pupil's absence. Entries are contacts with the
 * home, measures (each with a follow-up date), follow-ups and notes; a closed investigation takes no
 * more entries.
 */
export const ENTRY_KINDS = ['contact', 'measure', 'follow_up', 'note'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface EntryFact { kind: EntryKind; occurredOn: string; followUpOn: string | null; seq: number }

/** A measure is followed up by a follow-up entry recorded after it (a later entry, dated on or after the
 *  measure). The next follow-up of an investigation is the earliest follow-up date of a measure not yet
 *  followed up; it is due when that day has come. */
export function nextFollowUp(entries: readonly EntryFact[]): string | null {
  const pending = entries.filter((m) => m.kind === 'measure' && m.followUpOn !== null
    && !entries.some((f) => f.kind === 'follow_up' && f.seq > m.seq && f.occurredOn >= m.occurredOn));
  return pending.map((m) => m.followUpOn!).sort()[0] ?? null;
}

export const followUpDue = (next: string | null, today: string) => next !== null && next <= today;

export interface InvestigationFact { status: 'open' | 'closed'; openedOn: string; nextFollowUp: string | null }

/** The list's order: open ones first; among them those with a follow-up due, earliest first; then the most
 *  recently opened. */
export function investigationOrder(today: string) {
  return (a: InvestigationFact, b: InvestigationFact): number => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    const da = followUpDue(a.nextFollowUp, today), db = followUpDue(b.nextFollowUp, today);
    if (da !== db) return da ? -1 : 1;
    if (da && db && a.nextFollowUp !== b.nextFollowUp) return a.nextFollowUp! < b.nextFollowUp! ? -1 : 1;
    return b.openedOn.localeCompare(a.openedOn);
  };
}

/** Why an entry cannot be added: the investigation is closed, a measure lacks its follow-up date (or it
 *  lies before the measure), or another kind carries one. */
export function entryProblem(status: 'open' | 'closed', e: { kind: EntryKind; occurredOn: string; followUpOn: string | null }):
  'closed' | 'follow_up_date_required' | 'follow_up_date_before_measure' | 'follow_up_date_only_for_measures' | null {
  if (status === 'closed') return 'closed';
  if (e.kind === 'measure') {
    if (!e.followUpOn) return 'follow_up_date_required';
    if (e.followUpOn < e.occurredOn) return 'follow_up_date_before_measure';
  } else if (e.followUpOn) return 'follow_up_date_only_for_measures';
  return null;
}
