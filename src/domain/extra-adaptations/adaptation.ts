/**
 * Extra anpassningar (skollagen 3 kap. 5 §): support within the ordinary teaching, for a pupil in a subject
 * or in general, written down with a description, a start (and perhaps an end), a responsible member of staff
 * and the next follow-up. Follow-up notes are added as it runs; an evaluation closes it. Shared, the pupil and
 * the guardians read it.
 */
export type AdaptationStatus = 'planned' | 'active' | 'ended' | 'evaluated';

export interface AdaptationFact { startDate: string; endDate: string | null; followUpOn: string | null; evaluatedOn: string | null; shared: boolean }

type Dated = Omit<AdaptationFact, 'shared'>;

export type AdaptationProblem =
  | 'end_before_start' | 'follow_up_before_start' | 'not_responsible_candidate' | 'evaluated'
  | 'already_shared' | 'evaluation_before_start' | 'note_before_start';

/** Where it stands on `today`: evaluated (closed), not begun, running, or past its end but not yet evaluated. */
export function adaptationStatus(a: Dated, today: string): AdaptationStatus {
  if (a.evaluatedOn) return 'evaluated';
  if (a.startDate > today) return 'planned';
  if (a.endDate !== null && a.endDate < today) return 'ended';
  return 'active';
}

const RANK: Record<AdaptationStatus, number> = { active: 0, planned: 1, ended: 2, evaluated: 3 };

/** The list's order: active ones first (the next follow-up soonest), then coming, then ended and not yet
 *  evaluated, then evaluated; within each, the latest start first. */
export function adaptationOrder(today: string) {
  return (a: Dated, b: Dated): number => {
    const ra = RANK[adaptationStatus(a, today)], rb = RANK[adaptationStatus(b, today)];
    if (ra !== rb) return ra - rb;
    const fa = a.followUpOn ?? '9999-12-31', fb = b.followUpOn ?? '9999-12-31';
    if (ra < 2 && fa !== fb) return fa < fb ? -1 : 1;
    return b.startDate.localeCompare(a.startDate);
  };
}

/** The dates of an adaptation, and its responsible among those who may be: the pupil's teachers and mentor
 *  today and the principal. */
export function adaptationProblem(a: { startDate: string; endDate: string | null; followUpOn: string | null; responsibleId: string },
  candidates: readonly string[]): AdaptationProblem | null {
  if (a.endDate !== null && a.endDate < a.startDate) return 'end_before_start';
  if (a.followUpOn !== null && a.followUpOn < a.startDate) return 'follow_up_before_start';
  if (!candidates.includes(a.responsibleId)) return 'not_responsible_candidate';
  return null;
}

/** An evaluated adaptation is closed: no more changes, notes or a second evaluation. */
export const changeProblem = (a: Pick<AdaptationFact, 'evaluatedOn'>): AdaptationProblem | null => (a.evaluatedOn ? 'evaluated' : null);

/** A follow-up note is dated within the adaptation, and not on a closed one. */
export function noteProblem(a: AdaptationFact, notedOn: string): AdaptationProblem | null {
  return changeProblem(a) ?? (notedOn < a.startDate ? 'note_before_start' : null);
}

/** The evaluation closes it, dated on or after its start. */
export function evaluationProblem(a: AdaptationFact, evaluatedOn: string): AdaptationProblem | null {
  return changeProblem(a) ?? (evaluatedOn < a.startDate ? 'evaluation_before_start' : null);
}

export const shareAdaptationProblem = (a: Pick<AdaptationFact, 'shared'>): AdaptationProblem | null => (a.shared ? 'already_shared' : null);
