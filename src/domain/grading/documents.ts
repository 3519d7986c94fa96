/**
 * Grade documents (DOMAIN.md §3 steps 7–9): made once all of a pupil's grades on it are locked;
 * term grade documents are signed by the principal or a delegate with `sign_term_grades`, final grade
 * documents ONLY by the principal; handed out only when signed — and only then visible at home.
 */
export type DocumentKind = 'term' | 'final';

export type ProduceProblem = 'no_grades' | 'not_locked';

export function produceProblem(states: string[]): ProduceProblem | null {
  if (states.length === 0) return 'no_grades';
  return states.every((s) => s === 'locked') ? null : 'not_locked';
}

export type DocumentSignProblem = 'already_signed' | 'principal_only' | 'not_allowed';

export function documentSignProblem(kind: DocumentKind, signed: boolean, who: { isPrincipal: boolean; hasTermDelegation: boolean }): DocumentSignProblem | null {
  if (signed) return 'already_signed';
  if (who.isPrincipal) return null;
  if (kind === 'final') return 'principal_only';
  return who.hasTermDelegation ? null : 'not_allowed';
}

export const mayHandOut = (signed: boolean) => signed;
