/**
 * Åtgärdsprogram as the Education Act sets it out (skollagen 3 kap. 7–12 §§):
 *
 *   investigation ──decide(programme)──▶ programme ──evaluate──▶ evaluated
 *         └────────decide(no_programme)──▶ no_programme
 *
 * - An investigation of the need for special support comes first; no programme exists without a decision.
 * - The decision — a programme, or none — is the principal's, or their delegate's (decide_action_programme);
 *   never a teacher's on their own. Both decisions are reasoned and can be appealed.
 * - A programme states the pupil's needs, the measures with who is responsible and when each is followed
 *   up, and when the programme is evaluated. It is decided as written: needs and measures are fixed by the
 *   decision; follow-ups and the evaluation are recorded afterwards. A changed programme is a new decision.
 */
export type ActionProgrammeStatus = 'investigation' | 'no_programme' | 'programme' | 'evaluated';
export type ActionProgrammeDecision = 'programme' | 'no_programme';

export interface ProgrammeDraft {
  status: ActionProgrammeStatus;
  investigationFindings: string;
  needs: string;
  evaluateBy: string | null;
  measures: { measure: string; responsibleId: string; followUpOn: string }[];
}

export type ActionProgrammeProblem =
  | 'not_decider' | 'already_decided' | 'no_findings' | 'no_reason' | 'no_needs' | 'no_measures'
  | 'no_evaluation_date' | 'not_a_programme' | 'no_evaluation' | 'decided_content_fixed' | 'evaluation_before_decision';

/** Whether the decision may be taken now, by this decider, on this draft (null = it may). */
export function decisionProblem(
  draft: ProgrammeDraft,
  decision: ActionProgrammeDecision,
  d: { mayDecide: boolean; reason: string; decidedOn: string },
): ActionProgrammeProblem | null {
  if (!d.mayDecide) return 'not_decider';
  if (draft.status !== 'investigation') return 'already_decided';
  if (!draft.investigationFindings.trim()) return 'no_findings';
  if (!d.reason.trim()) return 'no_reason';
  if (decision === 'no_programme') return null;
  if (!draft.needs.trim()) return 'no_needs';
  if (draft.measures.length === 0 || draft.measures.some((m) => !m.measure.trim() || !m.responsibleId || !m.followUpOn)) return 'no_measures';
  if (!draft.evaluateBy || draft.evaluateBy < d.decidedOn) return 'no_evaluation_date';
  return null;
}

/** The state after a decision. */
export const statusAfterDecision = (decision: ActionProgrammeDecision): ActionProgrammeStatus =>
  decision === 'programme' ? 'programme' : 'no_programme';

/** The investigation, the needs and the measures may be edited only until the decision. */
export function contentEditProblem(status: ActionProgrammeStatus): ActionProgrammeProblem | null {
  return status === 'investigation' ? null : 'decided_content_fixed';
}

/** A measure's follow-up may be recorded only in a programme in force. */
export function followUpProblem(status: ActionProgrammeStatus): ActionProgrammeProblem | null {
  return status === 'programme' ? null : status === 'investigation' ? 'evaluation_before_decision' : 'not_a_programme';
}

/** The programme is evaluated once, with a written evaluation, and is then closed. */
export function evaluationProblem(status: ActionProgrammeStatus, evaluation: string): ActionProgrammeProblem | null {
  if (status === 'investigation') return 'evaluation_before_decision';
  if (status !== 'programme') return 'not_a_programme';
  if (!evaluation.trim()) return 'no_evaluation';
  return null;
}

/** How the decision can be appealed, as the decision document states it (skollagen 28 kap. 16 § 1,
 *  förvaltningslagen 44 §). */
export const APPEAL_INSTRUCTIONS = [
  'Beslutet kan överklagas hos Skolväsendets överklagandenämnd (skollagen 28 kap. 16 §).',
  'Överklagandet ska vara skriftligt. Skriv vilket beslut ni överklagar och hur ni vill att det ska ändras.',
  'Skicka överklagandet till skolan (rektor), inte direkt till nämnden. Det ska ha kommit in inom tre veckor från den dag ni fick del av beslutet.',
  'Skolan prövar först om beslutet ska ändras och skickar sedan överklagandet vidare till Skolväsendets överklagandenämnd.',
] as const;

export interface Deadline { kind: 'measure_follow_up' | 'programme_evaluation' | 'adaptation_follow_up' | 'followup_measure'; due: string; id: string }

/** Deadlines that concern someone today: overdue, or due within `withinDays`, soonest first. */
export function dueDeadlines<D extends Deadline>(all: D[], today: string, withinDays = 14): (D & { overdue: boolean })[] {
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + withinDays);
  const last = horizon.toISOString().slice(0, 10);
  return all.filter((d) => d.due <= last).map((d) => ({ ...d, overdue: d.due < today }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

/** What a case waits for, for the staff's lists: the decision (an investigation), or in a programme in force
 *  its evaluation, else the next follow-up of a measure, when overdue or due within `withinDays`. */
export function caseAttention(
  p: { id: string; status: ActionProgrammeStatus; evaluateBy: string | null; nextFollowUp: string | null },
  today: string,
  withinDays = 14,
): 'decision' | 'evaluation' | 'follow_up' | null {
  if (p.status === 'investigation') return 'decision';
  if (p.status !== 'programme') return null;
  const due = (date: string | null, kind: Deadline['kind']) => date !== null && dueDeadlines([{ kind, due: date, id: p.id }], today, withinDays).length > 0;
  if (due(p.evaluateBy, 'programme_evaluation')) return 'evaluation';
  if (due(p.nextFollowUp, 'measure_follow_up')) return 'follow_up';
  return null;
}
