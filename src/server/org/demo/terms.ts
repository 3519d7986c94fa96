/** School years run August–June: HT ≈ 18 Aug – 22 Dec, VT ≈ 8 Jan – 12 Jun. */
export interface TermPlan { schoolYear: string; kind: 'HT' | 'VT'; startDate: string; endDate: string }

export const htStart = (year: number) => `${year}-08-18`;

/** The calendar year in which the current school year began: the last HT start on or before today
 *  (so in the summer holiday the school year that just ended is still the current one). */
export function currentSchoolYearStart(today: string): number {
  const y = Number(today.slice(0, 4));
  return today >= htStart(y) ? y : y - 1;
}

/** HT and VT of the current school year and the three before it, oldest first. */
export function termsFor(today: string, previousYears = 3): TermPlan[] {
  const current = currentSchoolYearStart(today);
  const out: TermPlan[] = [];
  for (let y = current - previousYears; y <= current; y++) {
    const label = `${y}/${y + 1}`;
    out.push({ schoolYear: label, kind: 'HT', startDate: htStart(y), endDate: `${y}-12-22` });
    out.push({ schoolYear: label, kind: 'VT', startDate: `${y + 1}-01-08`, endDate: `${y + 1}-06-12` });
  }
  return out;
}
