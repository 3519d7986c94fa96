/**
 * Which of our subjects an activity teaches: its syllabus names the subject by Skolverket's code (GRGRBIO01)
 * or designation (BI). Where one syllabus is several of our subjects (the modern languages M2FRA, M2SPA …
 * share GRGRMSP01), the activity's name decides when it names one of them by code or name. Pure.
 */
export interface OurSubject { code: string; name: string; syllabusCode: string }
export interface SyllabusNaming { subjectCode?: string; subjectDesignation?: string }

export function subjectOfActivity(subjects: OurSubject[], syllabus: SyllabusNaming | undefined, activityName: string | undefined): string | null {
  if (!syllabus) return null;
  const byDesignation = subjects.filter((s) => syllabus.subjectDesignation && s.code === syllabus.subjectDesignation);
  if (byDesignation.length === 1) return byDesignation[0].code;
  const candidates = subjects.filter((s) => s.code === syllabus.subjectCode || s.syllabusCode === syllabus.subjectCode);
  if (candidates.length <= 1) return candidates[0]?.code ?? null;
  const name = (activityName ?? '').toLowerCase();
  const named = candidates.filter((s) => new RegExp(`(^|[^\\p{L}\\d])(${s.code.toLowerCase()}|${s.name.toLowerCase()})($|[^\\p{L}\\d])`, 'u').test(name));
  return named.length === 1 ? named[0].code : null;
}
