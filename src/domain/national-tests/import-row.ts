/**
 * One row of a file of national test results (nationella prov), read into a result to register, or the
 * Swedish reasons it cannot be, each with its column. The result itself is checked by the same rule as the
 * registration screen (checkResult). Pure: no I/O.
 */
import * as cell from '../register/import/cells.js';
import type { HeaderColumn } from '../register/import/formats.js';
import { isSchoolYear } from '../register/terms.js';
import { alternativesOf } from './catalogue.js';
import { checkResult, type ResultProblem, type SubTestOutcome, type TestResult } from './result.js';

export const SUB_TEST_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
type SubTestKey = `subTest${(typeof SUB_TEST_LETTERS)[number]}`;
export type ResultColumnKey = 'civicNo' | 'subject' | 'gradeYear' | 'schoolYear' | 'testGrade' | 'notParticipated' | SubTestKey;

export interface ResultColumn extends HeaderColumn<ResultColumnKey> { example: string; help: string }

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: 'civicNo', header: 'Personnummer', aliases: ['personal identity number', 'civic number', 'pnr', 'elev'], required: true, example: '20120315-1236',
    help: 'Elevens personnummer (eller samordningsnummer), 10 eller 12 siffror. Eleven ska vara inskriven på enheten.' },
  { key: 'subject', header: 'Ämne', aliases: ['subject', 'ämneskod', 'subject code'], required: true, example: 'MA',
    help: 'Ämneskod: MA, SV, SVA, EN; i årskurs 9 även BI, FY, KE, GE, HI, RE, SH.' },
  { key: 'gradeYear', header: 'Årskurs', aliases: ['grade year', 'year', 'arskurs', 'åk'], required: true, example: '9', help: '3, 6 eller 9.' },
  { key: 'schoolYear', header: 'Läsår', aliases: ['school year', 'lasar'], required: false, example: '2025/2026',
    help: 'Läsåret då provet gjordes, t.ex. 2025/2026. Tomt: innevarande läsår.' },
  { key: 'testGrade', header: 'Provbetyg', aliases: ['test grade', 'betyg', 'grade'], required: false, example: 'C',
    help: 'Årskurs 6 och 9: provbetyget A–F. Tomt i årskurs 3.' },
  { key: 'notParticipated', header: 'Deltog ej', aliases: ['not participated', 'did not take part', 'deltogej', 'ej deltagit'], required: false, example: '',
    help: 'ja eller x om eleven inte deltog i provet (då utan provbetyg och delprov).' },
  ...SUB_TEST_LETTERS.map((l): ResultColumn => ({ key: `subTest${l}`, header: `Delprov ${l}`, aliases: [`sub-test ${l}`, `subtest ${l}`], required: false, example: '',
    help: `Årskurs 3: delprov ${l}, uppnått, ej uppnått eller frånvarande. Tomt: det som finns registrerat ändras inte.` })),
];

export interface ResultRecord { civicNo: string; subjectCode: string; gradeYear: 3 | 6 | 9; schoolYear: string; result: TestResult }
export interface RowError { column: string | null; message: string }
export type ReadResultRow = { row: number; civicNo: string; subject: string }
  & ({ ok: true; record: ResultRecord } | { ok: false; errors: RowError[] });

const headerOf = (key: ResultColumnKey) => RESULT_COLUMNS.find((c) => c.key === key)!.header;
const q = (s: string) => `”${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/** Why a result is refused, in Swedish, with the column to correct. */
export const PROBLEM_TEXT: Record<ResultProblem, RowError> = {
  no_test: { column: 'Ämne', message: 'Det finns inget nationellt prov i ämnet i den årskursen' },
  grade_in_year_3: { column: 'Provbetyg', message: 'I årskurs 3 ges inget provbetyg, bara delprov' },
  sub_tests_outside_year_3: { column: 'Delprov', message: 'Delprov registreras bara i årskurs 3' },
  unknown_sub_test: { column: 'Delprov', message: 'Provet har inget sådant delprov' },
  invalid_grade: { column: 'Provbetyg', message: 'Provbetyget ska vara A–F' },
  invalid_outcome: { column: 'Delprov', message: 'Ett delprov är uppnått, ej uppnått eller frånvarande' },
  both_grade_and_not_participated: { column: 'Deltog ej', message: '”Deltog ej” kan inte ha provbetyg eller delprov' },
};

const OUTCOMES: Record<string, SubTestOutcome> = {
  uppnått: 'met', uppnatt: 'met', u: 'met', ja: 'met', met: 'met',
  'ej uppnått': 'not_met', 'inte uppnått': 'not_met', 'ej uppnatt': 'not_met', eu: 'not_met', nej: 'not_met', 'not met': 'not_met', not_met: 'not_met',
  frånvarande: 'absent', franvarande: 'absent', f: 'absent', absent: 'absent',
};

/**
 * Reads a data row whose cells are keyed by column. `currentSchoolYear` fills an empty Läsår; a later school
 * year than it is refused (results are registered for the current or an earlier school year).
 */
export function readResultRow(row: number, cells: Partial<Record<ResultColumnKey, string>>, ctx: { today: Date; currentSchoolYear: string | null }): ReadResultRow {
  const errors: RowError[] = [];
  const raw = (key: ResultColumnKey) => (cells[key] ?? '').trim();
  const fail = (key: ResultColumnKey | null, message: string) => { errors.push({ column: key ? headerOf(key) : null, message }); };

  let civicNo = raw('civicNo');
  if (civicNo === '') fail('civicNo', 'Personnummer saknas');
  else {
    const parsed = cell.civicNo(civicNo, 'Personnummer', ctx.today);
    if (parsed.ok) civicNo = parsed.value; else fail('civicNo', parsed.reason);
  }
  const subject = raw('subject').toUpperCase();
  if (subject === '') fail('subject', 'Ämne saknas');
  else if (!/^[A-Z0-9]{1,8}$/.test(subject)) fail('subject', `Ämne ${q(raw('subject'))} är ingen ämneskod (t.ex. MA)`);

  const yearText = raw('gradeYear').replace(/^åk\s*/i, '');
  const gradeYear = ['3', '6', '9'].includes(yearText) ? (Number(yearText) as 3 | 6 | 9) : null;
  if (yearText === '') fail('gradeYear', 'Årskurs saknas');
  else if (gradeYear === null) fail('gradeYear', `Årskurs ${q(raw('gradeYear'))} ska vara 3, 6 eller 9`);

  const schoolYear = raw('schoolYear').replace(/\s+/g, '').replace('-', '/') || ctx.currentSchoolYear;
  if (!schoolYear) fail('schoolYear', 'Läsår saknas och inget läsår pågår');
  else if (!isSchoolYear(schoolYear)) fail('schoolYear', `Läsår ${q(schoolYear)} ska skrivas som 2025/2026`);
  else if (ctx.currentSchoolYear && schoolYear > ctx.currentSchoolYear) fail('schoolYear', `Läsåret ${schoolYear} har inte börjat: resultat registreras för innevarande eller tidigare läsår`);

  const testGrade = raw('testGrade').toUpperCase() || null;
  const participation = cell.yesNo(raw('notParticipated'), 'Deltog ej');
  if (!participation.ok) fail('notParticipated', participation.reason);
  const subTests: Record<string, string> = {};
  for (const letter of SUB_TEST_LETTERS) {
    const text = raw(`subTest${letter}`).toLowerCase().replace(/\s+/g, ' ');
    if (text === '') continue;
    const outcome = OUTCOMES[text];
    if (outcome) subTests[letter] = outcome;
    else fail(`subTest${letter}`, `Delprov ${letter} ${q(raw(`subTest${letter}`))} ska vara uppnått, ej uppnått eller frånvarande`);
  }

  const label = { row, civicNo, subject };
  if (errors.length > 0 || gradeYear === null || !schoolYear) return { ...label, ok: false, errors };
  const checked = checkResult(gradeYear, subject, { testGrade, notParticipated: participation.ok && participation.value === true, subTests });
  if (!checked.ok) return { ...label, ok: false, errors: [PROBLEM_TEXT[checked.problem]] };
  if (!checked.result) return { ...label, ok: false, errors: [{ column: null, message: 'Raden har inget resultat: fyll i Provbetyg, Deltog ej eller delprov' }] };
  return { ...label, ok: true, record: { civicNo, subjectCode: subject, gradeYear, schoolYear, result: checked.result } };
}

/**
 * Rows of one file that clash with an earlier row of the same file are refused: the same pupil's test twice,
 * or two tests of one choice group (Swedish or Swedish as a second language; one science and one social
 * subject in year 9) in the same school year. The first row stands.
 */
export function refuseClashesInFile(rows: readonly ReadResultRow[]): ReadResultRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (!r.ok) return r;
    const { civicNo, subjectCode, gradeYear, schoolYear } = r.record;
    const pupilYear = `${civicNo}|${gradeYear}|${schoolYear}`;
    const same = seen.get(`${pupilYear}|${subjectCode}`);
    if (same !== undefined) {
      return { ...r, ok: false, errors: [{ column: null, message: `Samma elev, ämne och läsår finns redan på rad ${same}` }] };
    }
    for (const other of alternativesOf(gradeYear, subjectCode)) {
      const at = seen.get(`${pupilYear}|${other}`);
      if (at !== undefined) {
        return { ...r, ok: false, errors: [{ column: 'Ämne', message: `Eleven har ${other} på rad ${at}: en elev gör bara ett av dessa prov samma läsår` }] };
      }
    }
    seen.set(`${pupilYear}|${subjectCode}`, r.row);
    return r;
  });
}

const OUTCOME_TEXT: Record<SubTestOutcome, string> = { met: 'uppnått', not_met: 'ej uppnått', absent: 'frånvarande' };

/** A result as the preview shows it: the grade, "Deltog ej", or year 3's sub-tests. */
export function describeResult(r: TestResult): string {
  if (r.notParticipated) return 'Deltog ej';
  if (r.testGrade) return r.testGrade;
  return Object.entries(r.subTests ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${OUTCOME_TEXT[v]}`).join(', ');
}

