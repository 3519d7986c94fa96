// Presentation rules of the follow-up pages (pure, used by the components and the unit tests): figures in
// Swedish notation, tests in words, the API's drill paths as page paths.
import type { Figure, GradeYear, Level, ReportTest } from './types';

const MINUS = '\u2212';

/** A number with a Swedish decimal comma and a real minus sign. */
export function decimal(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals).replace('.', ',');
  const zero = Number(Math.abs(value).toFixed(decimals)) === 0;
  return value < 0 && !zero ? `${MINUS}${text}` : text;
}

export type FigureKind = 'share' | 'points' | 'count' | 'difference' | 'merit';

/**
 * A figure as text: ".." and "." verbatim (hidden / no data), a share (0–1) as whole percent ("25 %"), points
 * with one decimal ("15,0"), a count as an integer, a difference with its sign ("+1,3", "−0,5").
 */
export function formatFigure(value: Figure, kind: FigureKind): string {
  if (value === '..' || value === '.') return value;
  switch (kind) {
    case 'share': return `${decimal(value * 100, 0)} %`;
    case 'points': return decimal(value, 1);
    case 'merit': return decimal(value, 1);
    case 'count': return decimal(value, 0);
    case 'difference': return value > 0 && decimal(value, 1) !== '0,0' ? `+${decimal(value, 1)}` : decimal(value, 1);
  }
}

/** An interval as "[a; b]" (a semicolon, since the comma is the decimal sign); '' without one. */
export function formatInterval(ci: readonly [number, number] | null, kind: FigureKind): string {
  if (!ci) return '';
  return `[${formatFigure(ci[0], kind)}; ${formatFigure(ci[1], kind)}]`;
}

/** An adjusted p-value as the pages show it: "< 0,001", "0,003" (below 0.01), else two decimals ("0,04"). */
export function formatQ(q: number): string {
  if (q < 0.001) return '< 0,001';
  return q < 0.01 ? decimal(q, 3) : decimal(q, 2);
}

/** What a test is about: the row's grades against its test grades, the row against the others of its
 *  level, or the parts of a breakdown against each other. */
export type TestContext = 'tests' | 'others' | 'parts';

export interface TestWording {
  /** Text key under followup.test.*: only a clear difference gets words of direction. */
  key: 'none' | 'noClear' | 'clearHigherTests' | 'clearLowerTests' | 'clearHigherOthers' | 'clearLowerOthers' | 'clearParts';
  /** "q = 0,003" / "q < 0,001" for a clear difference, else null. */
  q: string | null;
  clear: boolean;
}

/** A test in words: "Tydligt högre än provbetygen (q = 0,003)" only when clear (BH q < 0,05), else "Ingen tydlig
 *  skillnad"; no test at all (too few pupils) is said as such. */
export function describeTest(test: ReportTest | null, context: TestContext): TestWording {
  if (!test) return { key: 'none', q: null, clear: false };
  if (!test.clear) return { key: 'noClear', q: null, clear: false };
  const q = test.q < 0.001 ? `q ${formatQ(test.q)}` : `q = ${formatQ(test.q)}`;
  if (context === 'parts' || test.direction === null) return { key: 'clearParts', q, clear: true };
  const way = test.direction === 'higher' ? 'Higher' : 'Lower';
  return { key: context === 'tests' ? `clear${way}Tests` : `clear${way}Others`, q, clear: true } as TestWording;
}

const LEVEL_PATHS: Record<string, string> = { units: 'enhet', groups: 'grupp' };

/** The page of an API report path ('/api/followup/units/u1?gradeYear=9' → '/uppfoljning/enhet/u1?arskurs=9');
 *  null for a path that is not a report. */
export function pagePath(apiPath: string): string | null {
  const url = new URL(apiPath, 'http://x');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'api' || parts[1] !== 'followup') return null;
  let path: string | null = null;
  if (parts.length === 3 && parts[2] === 'organiser') path = '/uppfoljning/huvudman';
  else if (parts.length === 4 && LEVEL_PATHS[parts[2]]) path = `/uppfoljning/${LEVEL_PATHS[parts[2]]}/${parts[3]}`;
  if (!path) return null;
  const query = new URLSearchParams();
  const gradeYear = url.searchParams.get('gradeYear');
  const schoolYear = url.searchParams.get('schoolYear');
  if (gradeYear) query.set('arskurs', gradeYear);
  if (schoolYear) query.set('lasar', schoolYear);
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

export interface ReportQuery { level: Level; id: string | null; gradeYear: GradeYear | null; schoolYear: string | null }

/** The API path of a report (the group level has no choice of grade year: the group has one). */
export function reportApiPath({ level, id, gradeYear, schoolYear }: ReportQuery): string {
  const base = level === 'organiser' ? '/api/followup/organiser'
    : `/api/followup/${level === 'unit' ? 'units' : 'groups'}/${encodeURIComponent(id ?? '')}`;
  const query = new URLSearchParams();
  if (level !== 'group' && gradeYear) query.set('gradeYear', String(gradeYear));
  if (level !== 'group' && schoolYear) query.set('schoolYear', schoolYear);
  const q = query.toString();
  return q ? `${base}?${q}` : base;
}

/** The export endpoint of a report in a format. */
export function exportPath(q: ReportQuery & { format: 'xlsx' | 'pdf' }): string {
  const query = new URLSearchParams({ level: q.level, format: q.format });
  if (q.id) query.set('id', q.id);
  if (q.gradeYear) query.set('gradeYear', String(q.gradeYear));
  if (q.schoolYear) query.set('schoolYear', q.schoolYear);
  return `/api/followup/export?${query}`;
}

/** The grade year of the URL (?arskurs=6|9), else null (the server's default). */
export function gradeYearParam(value: string | null): GradeYear | null {
  return value === '6' ? 6 : value === '9' ? 9 : null;
}

/** A school year of the URL ('2025/2026'), else null. */
export function schoolYearParam(value: string | null): string | null {
  return value && /^\d{4}\/\d{4}$/.test(value) ? value : null;
}

/** '2022/2023' → '2022/23' (as Skolverket's statistics write it). */
export function shortSchoolYear(schoolYear: string): string {
  return /^\d{4}\/\d{4}$/.test(schoolYear) ? `${schoolYear.slice(0, 5)}${schoolYear.slice(7)}` : schoolYear;
}

/** A national reference figure's value: shares as percent, merit value and points with one decimal. */
export function referenceValue(measure: string, value: number): string {
  return formatFigure(value, measure.startsWith('share_') ? 'share' : 'points');
}

/** The unit a report belongs to: the unit itself, or for a group the unit of its breadcrumb; null for the organiser. */
export function unitIdOf(report: { level: Level; id: string; parents: readonly { path: string }[] }): string | null {
  if (report.level === 'unit') return report.id;
  if (report.level === 'organiser') return null;
  for (const p of [...report.parents].reverse()) {
    const m = /^\/api\/followup\/units\/([^/?]+)/.exec(p.path);
    if (m) return decodeURIComponent(m[1]);
  }
  return null;
}
