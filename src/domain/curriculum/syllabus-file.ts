/**
 * One syllabus file of the shape Skolverket's syllabuses are published in (reference/curriculum/README.md):
 * purposes, and per stage ("course") the central content under headings and the knowledge requirements with
 * their wording per step. `parseSyllabusFile` turns it into what the syllabus tables hold; it throws on a
 * file that is not of that shape, so a wrong file is refused before anything is written.
 */
export interface ParsedSyllabus {
  code: string;
  designation: string | null;
  name: string;
  description: string | null;
  purposes: { heading: string; lines: string[] }[];
  stages: ParsedStage[];
}

export interface ParsedStage {
  code: string;
  /** Display name in Swedish, e.g. "Årskurs 7–9" or "Årskurs 4–9, språkval". */
  name: string;
  yearFrom: number;
  yearTo: number;
  /** One item per line under a heading; a heading without lines (the stage's own title) gives no item. */
  content: { heading: string; text: string }[];
  requirements: { paragraph: number; text: string; choices: Record<string, string> }[];
}

const VARIANTS: Record<string, string> = {
  WITHIN_STUDENT_CHOICE: 'elevens val',
  WITHIN_LANGUAGE_CHOICE: 'språkval',
  WITHIN_STUDENT_CHOICE_CHINESE: 'elevens val, kinesiska',
  WITHIN_LANGUAGE_CHOICE_CHINESE: 'språkval, kinesiska',
};

/** "Årskurs 1-3  FIN_LANGUAGE_FIRST" → "Årskurs 1–3, förstaspråk"; unknown variants are kept as written. */
export function stageDisplayName(raw: string, yearFrom: number, yearTo: number): string {
  const variant = raw.replace(/^Årskurs\s+\d+\s*-\s*\d+\s*/, '').trim();
  const base = `Årskurs ${yearFrom}–${yearTo}`;
  if (!variant) return base;
  const known = VARIANTS[variant]
    ?? (variant.endsWith('_LANGUAGE_FIRST') ? 'förstaspråk' : variant.endsWith('_LANGUAGE_SECOND') ? 'andraspråk' : variant);
  return `${base}, ${known}`;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const fail = (what: string): never => { throw new Error(`Not a syllabus file: ${what}`); };

export function parseSyllabusFile(json: unknown): ParsedSyllabus {
  const f = json as any;
  if (!f || typeof f !== 'object') fail('not an object');
  if (!isText(f.code) || !f.code) fail('no code');
  if (!isText(f.name) || !f.name) fail(`${f.code}: no name`);
  if (!Array.isArray(f.courses) || f.courses.length === 0) fail(`${f.code}: no courses`);
  const purposes = (Array.isArray(f.purposes) ? f.purposes : []).map((p: any) => ({
    heading: isText(p?.heading) ? p.heading : '',
    lines: Array.isArray(p?.lines) ? p.lines.filter(isText) : [],
  }));
  const stages = f.courses.map((c: any, i: number): ParsedStage => {
    const code = isText(c?.code) && c.code ? c.code : fail(`${f.code}: course ${i} has no code`);
    const yearFrom = Number(c?.year?.start);
    const yearTo = Number(c?.year?.end);
    if (!Number.isInteger(yearFrom) || !Number.isInteger(yearTo) || yearFrom < 1 || yearTo > 9 || yearFrom > yearTo) {
      fail(`${code}: years ${c?.year?.start}–${c?.year?.end}`);
    }
    const content = (Array.isArray(c.centralContent) ? c.centralContent : []).flatMap((h: any) =>
      (Array.isArray(h?.lines) ? h.lines.filter(isText) : []).map((text: string) => ({ heading: isText(h.heading) ? h.heading : '', text })));
    const requirements = (Array.isArray(c.knowledgeRequirementParagraphs) ? c.knowledgeRequirementParagraphs : []).flatMap((p: any, paragraph: number) =>
      (Array.isArray(p?.knowledgeRequirements) ? p.knowledgeRequirements : []).map((r: any) => {
        if (!isText(r?.text)) fail(`${code}: a requirement without text`);
        const choices = Object.fromEntries(Object.entries(r.knowledgeRequirementChoice ?? {}).filter(([, v]) => isText(v))) as Record<string, string>;
        if (Object.keys(choices).length === 0) fail(`${code}: a requirement without steps`);
        return { paragraph, text: r.text, choices };
      }));
    return { code, name: stageDisplayName(isText(c.name) ? c.name : '', yearFrom, yearTo), yearFrom, yearTo, content, requirements };
  });
  return {
    code: f.code, designation: isText(f.designation) && f.designation ? f.designation : null, name: f.name,
    description: isText(f.description) ? f.description : null, purposes, stages,
  };
}

/** The stage of a syllabus that covers a school year (the first, if variants overlap). */
export const stageForYear = <S extends { yearFrom: number; yearTo: number }>(stages: S[], year: number): S | undefined =>
  stages.find((s) => s.yearFrom <= year && year <= s.yearTo);
