// How Lärka's study data maps to the values of SS 12000 v2.1 (Activity, Grade, Syllabus, CalendarEvent).

/** Grade states of our process (registered → confirmed → decided → locked): only a grade whose catalogue
 *  is signed (decided) or later locked is a decision and is given out; registered and confirmed are drafts. */
export const SERVED_GRADE_STATES = ['decided', 'locked'] as const;

export function gradeIsServed(state: string, value: string | null): boolean {
  return (SERVED_GRADE_STATES as readonly string[]).includes(state) && value !== null;
}

/** Our term kind is the standard's Code_Semester as is. */
export const semesterOf = (termKind: string): 'HT' | 'VT' => (termKind === 'VT' ? 'VT' : 'HT');

/** Grade.year is the calendar year the term lies in (HT 2025 and VT 2026 of school year 2025/2026). */
export const gradeYearOf = (termStartDate: string): number => Number(termStartDate.slice(0, 4));

/** A formal correction of a decided grade (grade_event action) as the standard's Code_GradeCorrectionType. */
export function correctionTypeOf(action: string | null): 'Ändring' | 'Rättelse' | undefined {
  if (action === 'andring') return 'Ändring';
  if (action === 'rattelse') return 'Rättelse';
  return undefined;
}

/** Grade.adaptedStudyPlan is required: the kind of adaptation when the pupil's enrolment had an adapted
 *  study path (anpassad studiegång), an empty text when none was used. */
export const adaptedStudyPlanText = (adapted: boolean): string => (adapted ? 'Anpassad studiegång' : '');

/** Our curriculum versions as the standard's Code_Curriculum (none for a version the code list lacks). */
export function curriculumCodeOf(versionName: string): 'GR2011' | undefined {
  return versionName === 'Lgr11' ? 'GR2011' : undefined;
}

/** Syllabus codes of Skolverket (GRGRMAT01) are official; any other code is our own. */
export const isOfficialSyllabusCode = (code: string): boolean => /^GR[A-Z]{3,}\d{2}$/.test(code);

/** The school type of a syllabus from its code: GRGR… grundskola, GRSÄ…/GRSA… anpassad grundskola. */
export function schoolTypeOfSyllabus(code: string): 'GR' | 'GRS' {
  return /^GRS[AÄ]/.test(code) ? 'GRS' : 'GR';
}

/** A local time at a UTC offset in minutes as RFC 3339, e.g. ('2026-03-02T08:15:00', 60) → …+01:00. */
export function rfc3339At(localDateTime: string, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${localDateTime.slice(0, 19)}${sign}${hh}:${mm}`;
}
