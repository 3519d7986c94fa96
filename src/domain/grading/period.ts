/** Grading period (betygsperiod): optional from/to dates per unit and term in which teachers register. */
export interface GradingPeriod { from: string; to: string }

/** Null when registration is open today (inside the period, or no period set), else which side we are on. */
export function periodProblem(period: GradingPeriod | null, today: string): 'before_period' | 'after_period' | null {
  if (!period) return null;
  if (today < period.from) return 'before_period';
  if (today > period.to) return 'after_period';
  return null;
}

/** Days left of the period including today (0 when it has ended). Dates are YYYY-MM-DD. */
export function daysLeft(period: GradingPeriod, today: string): number {
  const ms = Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}

export interface TermRef { id: string; schoolYear: string; kind: 'HT' | 'VT'; startDate: string; endDate: string }

/** The term being graded today: the one running, or else the last one that has ended (e.g. in summer). */
export function currentTerm<T extends TermRef>(terms: T[], today: string): T | null {
  const running = terms.find((t) => t.startDate <= today && today <= t.endDate);
  if (running) return running;
  return [...terms].filter((t) => t.endDate < today).sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? null;
}
