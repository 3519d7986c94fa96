// GET /api/grading/periods, PUT /api/grading/periods/:termId (administrator).

export interface PeriodTerm {
  id: string;
  label: string;
  startDate: string;
  endDate: string;
}

export interface SetPeriod {
  from: string;
  to: string;
  version: number;
}

export interface TermPeriod {
  term: PeriodTerm;
  period: SetPeriod | null;
  /** The organiser's default grading period for the term: pre-fills a period not yet set. */
  suggested?: { from: string; to: string } | null;
}

/** 409 stale_version carries the period as it is now (null when none is set). */
export interface StalePeriod {
  from: string;
  to: string;
  version: number;
}

/** A real calendar date written YYYY-MM-DD (the format is the same in every UI language). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The term being graded today: the running one, else the last one that has ended (as the server decides). */
export function currentTermId(items: TermPeriod[], today: string): string | null {
  const running = items.find((i) => i.term.startDate <= today && today <= i.term.endDate);
  if (running) return running.term.id;
  const ended = items.filter((i) => i.term.endDate < today).sort((a, b) => b.term.endDate.localeCompare(a.term.endDate));
  return ended[0]?.term.id ?? null;
}
