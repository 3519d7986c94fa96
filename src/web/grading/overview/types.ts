// GET /api/grading/groups: "Betygsprocess" – the term, its grading period and the teacher's groups with progress.

export interface GradingTerm {
  id: string;
  label: string;
  kind: 'HT' | 'VT';
}

export interface GradingPeriodInfo {
  from: string;
  to: string;
  daysLeft: number;
  open: boolean;
}

export interface GradingGroupSummary {
  id: string;
  name: string;
  subject: { code: string; name: string };
  pupils: number;
  /** pupils who should get a grade this term */
  expected: number;
  graded: number;
  confirmed: number;
}

export interface GradingOverview {
  term: GradingTerm;
  period: GradingPeriodInfo | null;
  groups: GradingGroupSummary[];
}

/** How far a count has come: nothing yet, some, all (or nothing to do). */
export type Progress = 'none' | 'partial' | 'done' | 'nothingToDo';

export function progressOf(done: number, of: number): Progress {
  if (of <= 0) return 'nothingToDo';
  if (done <= 0) return 'none';
  return done >= of ? 'done' : 'partial';
}

/** A group still has grades to register when fewer than the expected pupils have one. */
export const stillToGrade = (g: GradingGroupSummary) => g.graded < g.expected;

/** Which state the period is in today, as the server reported it. */
export type PeriodState = 'none' | 'open' | 'notStarted' | 'closed';

export function periodState(p: GradingPeriodInfo | null): PeriodState {
  if (!p) return 'none';
  if (p.open) return 'open';
  // the server gives 0 days left once the period has ended; days left before it starts
  return p.daysLeft > 0 ? 'notStarted' : 'closed';
}

export const gradingGroupPath = (groupId: string) => `/betyg/grupp/${encodeURIComponent(groupId)}`;
