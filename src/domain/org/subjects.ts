/**
 * Subject reference list (ämnen) for grundskola, as on a Swedish grade document: the designation
 * (code) with its syllabus (kursplan) from reference/curriculum/lgr11-grundskola. Modern
 * languages are språkval M2xxx named by the language (syllabus GRGRMSP01); Dans (elevens val) has no
 * designation in the syllabus list, so it is given DA. Shared by all organisers (the `subject` table).
 */
export interface SubjectRef {
  code: string;
  name: string;
  syllabusCode: string;
  sortOrder: number;
}

const LIST: Omit<SubjectRef, 'sortOrder'>[] = [
  { code: 'BL', name: 'Bild', syllabusCode: 'GRGRBIL01' },
  { code: 'BI', name: 'Biologi', syllabusCode: 'GRGRBIO01' },
  { code: 'DA', name: 'Dans', syllabusCode: 'GRGRDAN01' },
  { code: 'EN', name: 'Engelska', syllabusCode: 'GRGRENG01' },
  { code: 'FY', name: 'Fysik', syllabusCode: 'GRGRFYS01' },
  { code: 'GE', name: 'Geografi', syllabusCode: 'GRGRGEO01' },
  { code: 'HI', name: 'Historia', syllabusCode: 'GRGRHIS01' },
  { code: 'HKK', name: 'Hem- och konsumentkunskap', syllabusCode: 'GRGRHKK01' },
  { code: 'IDH', name: 'Idrott och hälsa', syllabusCode: 'GRGRIDR01' },
  { code: 'KE', name: 'Kemi', syllabusCode: 'GRGRKEM01' },
  { code: 'MA', name: 'Matematik', syllabusCode: 'GRGRMAT01' },
  { code: 'M2FRA', name: 'Franska', syllabusCode: 'GRGRMSP01' },
  { code: 'M2SPA', name: 'Spanska', syllabusCode: 'GRGRMSP01' },
  { code: 'M2TYS', name: 'Tyska', syllabusCode: 'GRGRMSP01' },
  { code: 'ML', name: 'Modersmål', syllabusCode: 'GRGRMOD01' },
  { code: 'MU', name: 'Musik', syllabusCode: 'GRGRMUS01' },
  { code: 'RE', name: 'Religionskunskap', syllabusCode: 'GRGRREL01' },
  { code: 'SH', name: 'Samhällskunskap', syllabusCode: 'GRGRSAM01' },
  { code: 'SL', name: 'Slöjd', syllabusCode: 'GRGRSLJ01' },
  { code: 'SV', name: 'Svenska', syllabusCode: 'GRGRSVE01' },
  { code: 'SVA', name: 'Svenska som andraspråk', syllabusCode: 'GRGRSVA01' },
  { code: 'TK', name: 'Teknik', syllabusCode: 'GRGRTEK01' },
];

const collator = new Intl.Collator('sv');

/** All subjects, in grade-document order (alphabetical by Swedish name), sortOrder 10, 20, … */
export const SUBJECTS: readonly SubjectRef[] = [...LIST]
  .sort((a, b) => collator.compare(a.name, b.name))
  .map((s, i) => ({ ...s, sortOrder: (i + 1) * 10 }));

export type SubjectCode = (typeof LIST)[number]['code'];

/** Modern languages (språkval): graded from year 7 in older rules, hence their own first graded year. */
export const isModernLanguage = (code: string) => /^M[12][A-Z]{3}$/.test(code);

/** The first school year with term grades for a subject (default 6; språkval 7). */
export const defaultFirstGradedYear = (code: string) => (isModernLanguage(code) ? 7 : 6);

export const subjectByCode = (code: string) => SUBJECTS.find((s) => s.code === code);
