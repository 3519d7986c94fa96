import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../org/personnummer.js';
import { decodeText, detectDelimiter } from './decode.js';
import { matchHeader } from './formats.js';
import { planImport } from './plan.js';
import type { Snapshot } from './plan-types.js';
import { readRow } from './rows.js';

const today = new Date('2026-03-02T12:00:00Z');
const pnr = (yyyymmdd: string, nnn: string) => `${yyyymmdd}${nnn}${luhnCheckDigit(yyyymmdd.slice(2) + nnn)}`;
const A = pnr('20120315', '123'); const B = pnr('20110101', '234'); const G = pnr('19800101', '345');

const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  today: '2026-03-02', unit: { id: 'u', schoolForms: ['GR'] }, subjects: new Set(['MA', 'SV']), persons: new Map(), enrolments: new Map(),
  enrolledElsewhere: new Set(), guardianships: new Set(), duties: new Map(),
  groups: [{ id: 'g7a', name: '7A', groupType: 'class', subjectCode: null, schoolYear: 7, startDate: '2025-08-18', endDate: null },
    { id: 'g7b', name: '7B', groupType: 'class', subjectCode: null, schoolYear: 7, startDate: '2025-08-18', endDate: null }],
  memberships: new Map(), ...over,
});
const pupilRow = (row: number, civicNo: string, cls = '7A', given = 'Åsa') => readRow('elever', row, { civicNo, givenName: given, familyName: 'Öberg', schoolYear: '7', className: cls }, today);

describe('decoding a CSV file', () => {
  it('UTF-8 is read as UTF-8, with or without BOM', () => {
    expect(decodeText(Buffer.from('Åsa;Öberg', 'utf8'))).toEqual({ text: 'Åsa;Öberg', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ängla', 'utf8')]))).toEqual({ text: 'Ängla', encoding: 'utf-8' });
  });
  it('bytes that are not valid UTF-8 are read as Windows-1252 (å ä ö as in Latin-1)', () => {
    expect(decodeText(Buffer.from([0xc5, 0x73, 0x61, 0x3b, 0xe4, 0xf6]))).toEqual({ text: 'Åsa;äö', encoding: 'windows-1252' });
  });
  it('the delimiter is the one of ; , and tab found most in the header line, outside quotes', () => {
    expect(detectDelimiter('Namn;Typ;Ämne\r\n7A;klass;')).toBe(';');
    expect(detectDelimiter('"Efternamn, förnamn";Klass\n')).toBe(';');
    expect(detectDelimiter('Namn,Typ,Ämne\n')).toBe(',');
    expect(detectDelimiter('Namn\tTyp\n')).toBe('\t');
  });
});

describe('matching the header row', () => {
  it('Swedish and English headers are accepted, whatever their case, spaces or a trailing *', () => {
    expect(matchHeader('elever', ['PERSONNUMMER*', 'first name', 'Last Name', 'årskurs', ''])).toEqual({ ok: true, columns: ['civicNo', 'givenName', 'familyName', 'schoolYear', null] });
  });
  it('missing required, unknown and repeated columns are named, with the expected ones', () => {
    const r = matchHeader('grupper', ['Namn', 'Namn', 'Färg']);
    expect(r).toMatchObject({ ok: false, missing: ['Typ'], unknown: ['Färg'], repeated: ['Namn'] });
  });
});

describe('reading a row', () => {
  it('an invalid personnummer is rejected with why (check digit, date, format)', () => {
    const bad = (civic: string) => { const r = readRow('elever', 2, { civicNo: civic, givenName: 'A', familyName: 'B', schoolYear: '7' }, today); return r.ok ? null : r.reasons[0]; };
    expect(bad('20120315-1231')).toBe('Ogiltigt personnummer ”20120315-1231”: fel kontrollsiffra');
    expect(bad('20120230-1234')).toBe('Ogiltigt personnummer ”20120230-1234”: datumet finns inte');
    expect(bad('abc')).toBe('Ogiltigt personnummer ”abc”: fel format');
  });
  it('a required column without a value is rejected by its name', () => {
    const r = readRow('elever', 5, { civicNo: A, givenName: '', familyName: 'B', schoolYear: '' }, today);
    expect(r).toEqual({ row: 5, ok: false, reasons: ['Förnamn saknas', 'Årskurs saknas'], subject: `B (${A})` });
  });
  it('dates must exist in the calendar and an end may not come before the start', () => {
    const r = readRow('gruppmedlemskap', 2, { childCivicNo: A, groupName: '7A', startDate: '2026-02-30', endDate: '' }, today);
    expect(r.ok ? [] : r.reasons).toEqual(['Startdatum ”2026-02-30” är inget datum (skriv ÅÅÅÅ-MM-DD)']);
    const r2 = readRow('gruppmedlemskap', 2, { childCivicNo: A, groupName: '7A', startDate: '2026-03-02', endDate: '2026-03-01' }, today);
    expect(r2.ok ? [] : r2.reasons).toEqual(['Slutdatumet är före startdatumet']);
  });
  it('a teaching group needs a subject; a class has none', () => {
    const r = readRow('grupper', 2, { groupName: '7A MA', groupType: 'undervisningsgrupp' }, today);
    expect(r.ok ? [] : r.reasons).toEqual(['En undervisningsgrupp behöver ett ämne']);
    const c = readRow('grupper', 3, { groupName: '7A', groupType: 'klass', subject: 'MA' }, today);
    expect(c.ok ? [] : c.reasons).toEqual(['Bara undervisningsgrupper har ett ämne']);
  });
});

describe('planning an import', () => {
  it('a new pupil creates a person, an enrolment and a class membership', () => {
    const plan = planImport([pupilRow(2, A)], snapshot());
    expect(plan.lines[0]).toMatchObject({ row: 2, outcome: 'create', creates: ['ny person', 'inskrivning i årskurs 7 (GR) från 2026-03-02', 'medlem i 7A från 2026-03-02'] });
    expect(plan.ops.newPersons).toHaveLength(1);
    expect(plan.ops.newMemberships).toEqual([{ groupRef: 'g7a', personRef: `new:${A}`, startDate: '2026-03-02', endDate: null }]);
  });
  it('a duplicate row in the file is rejected, naming the first', () => {
    const plan = planImport([pupilRow(2, A), pupilRow(3, A)], snapshot());
    expect(plan.lines[1]).toMatchObject({ outcome: 'reject', reasons: ['Eleven finns redan på rad 2'] });
  });
  it('an unknown class is rejected', () => {
    expect(planImport([pupilRow(2, A, '9Z')], snapshot()).lines[0].reasons).toEqual(['Okänd klass 9Z på enheten']);
  });
  it('a pupil is in one class at a time: joining a second class for the same days is rejected', () => {
    const s = snapshot({
      persons: new Map([[A, { id: 'pa', givenName: 'Åsa', familyName: 'Öberg', email: null, phone: null, workEmail: null, workPhone: null, streetAddress: null, postalCode: null, city: null, securityMarking: 'none', relatedToUnit: true }]]),
      enrolments: new Map([['pa', { id: 'e', schoolYear: 7, schoolForm: 'GR', startDate: '2025-08-18', endDate: null }]]),
      memberships: new Map([['pa', [{ id: 'm', groupId: 'g7a', groupName: '7A', groupType: 'class' as const, startDate: '2025-08-18', endDate: null }]]]),
    });
    const join7b = readRow('gruppmedlemskap', 2, { childCivicNo: A, groupName: '7B' }, today);
    expect(planImport([join7b], s).lines[0].reasons).toEqual(['Eleven går redan i klass 7A under perioden (en elev går i en klass i taget)']);
    // ending 7A first makes the move possible in the same file
    const end7a = readRow('gruppmedlemskap', 2, { childCivicNo: A, groupName: '7A', endDate: '2026-03-01' }, today);
    const plan = planImport([end7a, { ...join7b, row: 3 }], s);
    expect(plan.lines.map((l) => l.outcome)).toEqual(['change', 'create']);
    expect(plan.ops.membershipUpdates[0]).toMatchObject({ id: 'm', endDate: '2026-03-01', before: { endDate: null } });
  });
  it('an existing pupil with the same data is unchanged; a different name is a change with before and after', () => {
    const person = { id: 'pa', givenName: 'Åsa', familyName: 'Öberg', email: null, phone: null, workEmail: null, workPhone: null, streetAddress: null, postalCode: null, city: null, securityMarking: 'none' as const, relatedToUnit: true };
    const s = snapshot({ persons: new Map([[A, person]]), enrolments: new Map([['pa', { id: 'e', schoolYear: 7, schoolForm: 'GR', startDate: '2025-08-18', endDate: null }]]),
      memberships: new Map([['pa', [{ id: 'm', groupId: 'g7a', groupName: '7A', groupType: 'class' as const, startDate: '2025-08-18', endDate: null }]]]) });
    expect(planImport([pupilRow(2, A)], s).lines[0].outcome).toBe('unchanged');
    const renamed = planImport([pupilRow(2, A, '7A', 'Åsa-Li')], s);
    expect(renamed.lines[0]).toMatchObject({ outcome: 'change', changes: [{ field: 'Förnamn', before: 'Åsa', after: 'Åsa-Li' }] });
  });
  it('a protected person’s contact details are never shown in a change', () => {
    const person = { id: 'pa', givenName: 'Åsa', familyName: 'Öberg', email: null, phone: null, workEmail: null, workPhone: null, streetAddress: 'Hemlig 1', postalCode: null, city: null, securityMarking: 'protected' as const, relatedToUnit: true };
    const row = readRow('elever', 2, { civicNo: A, givenName: 'Åsa', familyName: 'Öberg', schoolYear: '7', streetAddress: 'Ny väg 2' }, today);
    const s = snapshot({ persons: new Map([[A, person]]), enrolments: new Map([['pa', { id: 'e', schoolYear: 7, schoolForm: 'GR', startDate: '2025-08-18', endDate: null }]]) });
    expect(planImport([row], s).lines[0].changes).toEqual([{ field: 'Adress', before: '(skyddad)', after: '(skyddad)' }]);
  });
  it('a guardian of two children is one person; rows about them must agree', () => {
    const s = snapshot();
    const rows = [pupilRow(2, A), pupilRow(3, B)];
    const pupils = planImport(rows, s);
    expect(pupils.counts.create).toBe(2);
    const enrolled = snapshot({ persons: new Map([A, B].map((c, i) => [c, { id: `p${i}`, givenName: 'X', familyName: 'Y', email: null, phone: null, workEmail: null, workPhone: null, streetAddress: null, postalCode: null, city: null, securityMarking: 'none' as const, relatedToUnit: true }])),
      enrolments: new Map(['p0', 'p1'].map((id) => [id, { id: `e${id}`, schoolYear: 7, schoolForm: 'GR', startDate: '2025-08-18', endDate: null }])) });
    const g = (row: number, child: string, given: string) => readRow('vardnadshavare', row, { civicNo: G, givenName: given, familyName: 'Öberg', childCivicNo: child }, today);
    const plan = planImport([g(2, A, 'Märta'), g(3, B, 'Märta'), g(4, B, 'Marta')], enrolled);
    expect(plan.ops.newPersons).toHaveLength(1);
    expect(plan.ops.newGuardianships).toHaveLength(2);
    expect(plan.lines[2].reasons).toEqual(['Samma vårdnadshavare och elev finns redan på rad 3']);
    const disagree = planImport([g(2, A, 'Märta'), g(3, B, 'Marta')], enrolled);
    expect(disagree.lines[1].reasons).toEqual(['Uppgifterna om personen skiljer sig från rad 2']);
  });
  it('a rejected row leaves nothing behind: not its changes, nor what later rows would see', () => {
    const person = { id: 'pa', givenName: 'Åsa', familyName: 'Öberg', email: null, phone: null, workEmail: null, workPhone: null, streetAddress: null, postalCode: null, city: null, securityMarking: 'none' as const, relatedToUnit: true };
    const s = snapshot({ persons: new Map([[A, person]]), enrolments: new Map([['pa', { id: 'e', schoolYear: 7, schoolForm: 'GR', startDate: '2025-08-18', endDate: null }]]),
      memberships: new Map([['pa', [{ id: 'm', groupId: 'g7a', groupName: '7A', groupType: 'class' as const, startDate: '2025-08-18', endDate: null }]]]) });
    // the new name is taken in, then joining 7B fails: the row is rejected and the name change goes with it
    const plan = planImport([pupilRow(2, A, '7B', 'Åsa-Li')], s);
    expect(plan.lines[0]).toMatchObject({ outcome: 'reject', changes: [] });
    expect(plan.ops.personUpdates).toEqual([]);
    expect(s.persons.get(A)!.givenName).toBe('Åsa');
  });
  it('the same file against the same register gives the same plan', () => {
    const rows = [pupilRow(2, A), pupilRow(3, B, '7B')];
    expect(JSON.stringify(planImport(rows, snapshot()).lines)).toBe(JSON.stringify(planImport(rows, snapshot()).lines));
  });
});
