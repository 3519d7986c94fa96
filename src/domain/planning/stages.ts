/**
 * The stages of a syllabus as a planning offers them for picking: the stages that hold the school year of
 * the planning's groups first (a year-8 group: "Årskurs 7–9"), then the others in the syllabus's order.
 * Any stage may be picked from; this is only the order.
 */
export interface StageRange { yearFrom: number; yearTo: number }

export function stagesForYears<S extends StageRange>(stages: S[], years: number[]): S[] {
  const holds = (s: S) => years.some((y) => y >= s.yearFrom && y <= s.yearTo);
  return [...stages.filter(holds), ...stages.filter((s) => !holds(s))];
}
