import { describe, expect, it } from 'vitest';
import { ExpectedReport, Report } from '../../server/followup/report-schemas';
import { expectedReport, groupReport, unitReport } from './fixtures/report.fixture';
import {
  describeTest, exportPath, formatFigure, formatInterval, formatQ, gradeYearParam, pagePath, referenceValue, reportApiPath,
  schoolYearParam, shortSchoolYear, unitIdOf,
} from './format';
import { followupTexts } from './texts';

const sv = followupTexts.sv;
/** The Swedish text of a test, as the page shows it. */
const words = (w: ReturnType<typeof describeTest>) => sv.test[w.key].replace('{{q}}', w.q ?? '');
const clear = (q: number, direction: 'higher' | 'lower' | null) => ({ p: q / 2, q, method: 'sign', clear: q < 0.05, direction });

describe('figures are shown in Swedish notation, hidden and missing figures verbatim', () => {
  it('".." (fewer than 10 pupils) and "." (no data) are shown as they are, whatever the kind', () => {
    for (const kind of ['share', 'points', 'count', 'difference', 'merit'] as const) {
      expect(formatFigure('..', kind)).toBe('..');
      expect(formatFigure('.', kind)).toBe('.');
    }
  });
  it('a share 0–1 is a whole percent with a space before the sign', () => {
    expect(formatFigure(0.25, 'share')).toBe('25 %');
    expect(formatFigure(0.355, 'share')).toBe('36 %');
    expect(formatFigure(0, 'share')).toBe('0 %');
  });
  it('points have one decimal with a decimal comma', () => {
    expect(formatFigure(17.5, 'points')).toBe('17,5');
    expect(formatFigure(15, 'points')).toBe('15,0');
  });
  it('a difference carries its sign, with a real minus sign, and zero has none', () => {
    expect(formatFigure(1.25, 'difference')).toBe('+1,3');
    expect(formatFigure(-0.5, 'difference')).toBe('\u22120,5');
    expect(formatFigure(-0.01, 'difference')).toBe('0,0');
    expect(formatFigure(0, 'difference')).toBe('0,0');
  });
  it('an interval is written with a semicolon between its ends', () => {
    expect(formatInterval([0.27, 0.43], 'share')).toBe('[27 %; 43 %]');
    expect(formatInterval([-0.4, 1.2], 'difference')).toBe('[\u22120,4; +1,2]');
    expect(formatInterval(null, 'share')).toBe('');
  });
  it('q is shown with three decimals below 0,01, two above, and "< 0,001" below that', () => {
    expect(formatQ(0.003)).toBe('0,003');
    expect(formatQ(0.0421)).toBe('0,04');
    expect(formatQ(0.0002)).toBe('< 0,001');
  });
});

describe('a test in words: only a clear difference (BH q < 0,05) is given a direction', () => {
  it('a clear sign test says which way the grades differ from the test grades, with q', () => {
    expect(words(describeTest(clear(0.003, 'higher'), 'tests'))).toBe('Tydligt högre än provbetygen (q = 0,003)');
    expect(words(describeTest(clear(0.01, 'lower'), 'tests'))).toBe('Tydligt lägre än provbetygen (q = 0,01)');
    expect(words(describeTest(clear(0.0001, 'lower'), 'tests'))).toBe('Tydligt lägre än provbetygen (q < 0,001)');
  });
  it('a test that is not clear says "Ingen tydlig skillnad", never a direction', () => {
    const w = describeTest({ p: 0.01, q: 0.2, method: 'sign', clear: false, direction: null }, 'tests');
    expect(w.clear).toBe(false);
    expect(words(w)).toBe('Ingen tydlig skillnad');
  });
  it('the clear flag of the report decides, not the q shown', () => {
    expect(describeTest({ p: 0.01, q: 0.04, method: 'sign', clear: false, direction: 'higher' }, 'tests').key).toBe('noClear');
  });
  it('a row against the others of its level, and the parts of a breakdown, have words of their own', () => {
    expect(words(describeTest(clear(0.02, 'higher'), 'others'))).toBe('Tydligt högre än övriga (q = 0,02)');
    expect(words(describeTest(clear(0.02, null), 'parts'))).toBe('Tydlig skillnad mellan delarna (q = 0,02)');
  });
  it('no test (too few pupils) is said as such', () => {
    expect(words(describeTest(null, 'tests'))).toBe('Ej prövat (för få elever)');
  });
});

describe('the API paths of the report and the pages of the report', () => {
  it('a drill path of the API becomes the page of that level, with the choices in Swedish query names', () => {
    expect(pagePath('/api/followup/units/u1?gradeYear=9&schoolYear=2025%2F2026')).toBe('/uppfoljning/enhet/u1?arskurs=9&lasar=2025%2F2026');
    expect(pagePath('/api/followup/groups/g1')).toBe('/uppfoljning/grupp/g1');
    expect(pagePath('/api/followup/organiser?gradeYear=6')).toBe('/uppfoljning/huvudman?arskurs=6');
    expect(pagePath('/api/elsewhere/units/u1')).toBeNull();
  });
  it('the group report has no choice of grade year and school year; the others carry them', () => {
    expect(reportApiPath({ level: 'group', id: 'g1', gradeYear: 9, schoolYear: '2025/2026' })).toBe('/api/followup/groups/g1');
    expect(reportApiPath({ level: 'unit', id: 'u 1', gradeYear: 6, schoolYear: '2024/2025' })).toBe('/api/followup/units/u%201?gradeYear=6&schoolYear=2024%2F2025');
    expect(reportApiPath({ level: 'organiser', id: null, gradeYear: null, schoolYear: null })).toBe('/api/followup/organiser');
  });
  it('the export path names level, id, choices and format', () => {
    const url = new URL(exportPath({ level: 'unit', id: 'u1', gradeYear: 9, schoolYear: '2025/2026', format: 'pdf' }), 'http://x');
    expect(url.pathname).toBe('/api/followup/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ level: 'unit', id: 'u1', gradeYear: '9', schoolYear: '2025/2026', format: 'pdf' });
  });
  it('a group report belongs to the unit of its breadcrumb; a unit report to itself; the organiser to none', () => {
    expect(unitIdOf(groupReport)).toBe('u-bjork');
    expect(unitIdOf(unitReport)).toBe('u-bjork');
    expect(unitIdOf({ ...unitReport, level: 'organiser', parents: [] })).toBeNull();
  });
  it('only 6 and 9 are grade years, and only "YYYY/YYYY" a school year, in the address', () => {
    expect(gradeYearParam('6')).toBe(6);
    expect(gradeYearParam('3')).toBeNull();
    expect(schoolYearParam('2025/2026')).toBe('2025/2026');
    expect(schoolYearParam('2025')).toBeNull();
  });
});

describe('national reference figures', () => {
  it('"Riket 2022/23: 25 % högre": a share as percent, the school year as Skolverket writes it', () => {
    const text = sv.reference.item.replace('{{schoolYear}}', shortSchoolYear('2022/2023'))
      .replace('{{value}}', sv.reference.measures.share_higher_than_test.replace('{{value}}', referenceValue('share_higher_than_test', 0.25)));
    expect(text).toBe('Riket 2022/23: 25 % högre');
    expect(referenceValue('merit_value', 228.7)).toBe('228,7');
  });
});

describe('the hand-made reports follow the contract of the API', () => {
  it('parse with the report schemas', () => {
    expect(Report.safeParse(unitReport).error).toBeUndefined();
    expect(Report.safeParse(groupReport).error).toBeUndefined();
    expect(ExpectedReport.safeParse(expectedReport).error).toBeUndefined();
  });
});
