import { describe, expect, it } from 'vitest';
import { mapSchoolUnit, isSchoolUnit } from './map-organisation.js';
import { activeOf, mapPerson, markingOf, sexOf } from './map-person.js';
import { dutyRoleOf, groupTypeOf, mapActivity, mapDuty, mapGroup } from './map-group.js';
import { endDayOf, reconcile } from './reconcile.js';
import { normaliseSourceUrl, OVERLAP_MS, sinceOf } from './incremental.js';
import { subjectOfActivity } from './subject-of.js';
import { addRejections, changedNothing, emptyResult, MAX_REJECTIONS_KEPT } from './counts.js';

const today = new Date('2026-11-23T12:00:00Z');
const person = { id: 'p1', givenName: ' Anna ', familyName: 'Berg', civicNo: { value: '20150315-2389' } };

describe('a school unit is an Organisation of type Skolenhet with its school unit code', () => {
  it('a Skolenhet with an eight-digit code becomes a unit; other organisation types are not units', () => {
    const m = mapSchoolUnit({ id: 'u', displayName: 'Ekskolan', organisationType: 'Skolenhet', schoolUnitCode: '12345678', schoolTypes: ['GR', 'FKLASS', 'GR'], address: { locality: 'Lärkby' } });
    expect(m.ok && m.value).toMatchObject({ name: 'Ekskolan', schoolUnitCode: '12345678', schoolForms: ['FKLASS', 'GR'], city: 'Lärkby' });
    expect(isSchoolUnit({ id: 'o', organisationType: 'Huvudman' })).toBe(false);
  });
  it('a unit without a school unit code, or with a malformed one, is rejected with a Swedish reason', () => {
    expect(mapSchoolUnit({ id: 'u', displayName: 'X', organisationType: 'Skolenhet' })).toEqual({ ok: false, rejection: { type: 'organisations', id: 'u', reason: 'Skolenheten saknar skolenhetskod' } });
    const bad = mapSchoolUnit({ id: 'u', displayName: 'X', organisationType: 'Skolenhet', schoolUnitCode: '12-34' });
    expect(!bad.ok && bad.rejection.reason).toContain('åtta siffror');
  });
});

describe('a person: civic number as the register import reads it, the standard codes as ours', () => {
  it('the civic number is normalised to twelve digits and gives the birth date', () => {
    const m = mapPerson({ ...person, civicNo: { value: '150315-2389' } }, today);
    expect(m.ok && m.value).toMatchObject({ civicNo: '201503152389', civicNoKind: 'personnummer', birthDate: '2015-03-15', givenName: 'Anna' });
  });
  it('a civic number with a wrong check digit rejects the person with the register import reason', () => {
    const m = mapPerson({ ...person, civicNo: { value: '20150315-2380' } }, today);
    expect(m).toEqual({ ok: false, rejection: { type: 'persons', id: 'p1', reason: expect.stringMatching(/^Ogiltigt personnummer .*fel kontrollsiffra$/) } });
  });
  it('a person without a civic number is taken (matched by id only); without a name is rejected', () => {
    expect(mapPerson({ id: 'p', givenName: 'A', familyName: 'B' }, today).ok).toBe(true);
    expect(mapPerson({ id: 'p', givenName: 'A' }, today)).toMatchObject({ ok: false, rejection: { reason: 'Personen saknar förnamn eller efternamn' } });
  });
  it('sex Kvinna/Man/Okänt is F/M/X; security marking by the standard names; absent marking keeps ours (null)', () => {
    expect([sexOf('Kvinna'), sexOf('Man'), sexOf('Okänt'), sexOf(undefined)]).toEqual(['F', 'M', 'X', null]);
    expect([markingOf('Ingen'), markingOf('Sekretessmarkering'), markingOf('Skyddad folkbokföring'), markingOf(undefined)]).toEqual(['none', 'confidential', 'protected', null]);
  });
  it('personStatus Utvandrad or Avliden makes the person inactive; absent is Aktiv', () => {
    expect([activeOf(undefined), activeOf('Aktiv'), activeOf('Utvandrad'), activeOf('Avliden')]).toEqual([true, true, false, false]);
  });
  it('work e-mail and phone by their types; the address of Folkbokföring', () => {
    const m = mapPerson({ ...person, emails: [{ value: 'a@x.se', type: 'Privat' }, { value: 'a@skola.se', type: 'Skola personal' }],
      phoneNumbers: [{ value: '070', type: 'Hem', mobile: true }, { value: '08', type: 'Arbete', mobile: false }],
      addresses: [{ type: 'Postadress', streetAddress: 'Box 1', postalCode: '1', locality: 'A' }, { type: 'Folkbokföring', streetAddress: 'Gatan 1', postalCode: '12345', locality: 'Lärkby' }] }, today);
    expect(m.ok && m.value).toMatchObject({ email: 'a@x.se', workEmail: 'a@skola.se', phone: '070', workPhone: '08', streetAddress: 'Gatan 1', city: 'Lärkby' });
  });
  it('enrolments: cancelled ones are skipped, one without a school year is reported and the person still taken', () => {
    const m = mapPerson({ ...person, enrolments: [
      { enroledAt: { id: 'u' }, schoolType: 'GR', schoolYear: 3, startDate: '2024-08-19' },
      { enroledAt: { id: 'u' }, schoolType: 'GR', startDate: '2023-08-19' },
      { enroledAt: { id: 'u' }, schoolType: 'GR', schoolYear: 2, startDate: '2022-08-19', cancelled: true }] }, today);
    expect(m.ok && m.value.enrolments).toEqual([{ unitExternalId: 'u', schoolYear: 3, schoolForm: 'GR', startDate: '2024-08-19', endDate: null }]);
    expect(m.ok && m.warnings).toEqual([{ type: 'persons', id: 'p1', reason: 'Inskrivningen från 2023-08-19 saknar årskurs 0–10' }]);
  });
  it('only responsibles of relation Vårdnadshavare become guardians', () => {
    const m = mapPerson({ ...person, responsibles: [{ person: { id: 'g1' }, relationType: 'Vårdnadshavare' }, { person: { id: 'g2' }, relationType: 'God man' }] }, today);
    expect(m.ok && m.value.guardianExternalIds).toEqual(['g1']);
  });
});

describe('groups, duties and activities', () => {
  it('group types Klass, Undervisning and Mentor are ours; others are rejected', () => {
    expect([groupTypeOf('Klass'), groupTypeOf('Undervisning'), groupTypeOf('Mentor'), groupTypeOf('Schema')]).toEqual(['class', 'teaching', 'mentor', null]);
    expect(mapGroup({ id: 'g', displayName: 'S', groupType: 'Schema', organisation: { id: 'u' }, startDate: '2026-08-01' })).toMatchObject({ ok: false, rejection: { type: 'groups', id: 'g' } });
  });
  it('a group member without a start date starts with the group; the same member twice is taken once', () => {
    const m = mapGroup({ id: 'g', displayName: '3A', groupType: 'Klass', organisation: { id: 'u' }, startDate: '2026-08-01',
      groupMemberships: [{ person: { id: 'p' } }, { person: { id: 'p' }, startDate: '2026-08-01' }] });
    expect(m.ok && m.value.members).toEqual([{ personExternalId: 'p', startDate: '2026-08-01', endDate: null }]);
  });
  it('duty roles: teachers, rektor, skoladministratör and elevhälsa are ours; a duty at the organiser is only an administrator', () => {
    expect([dutyRoleOf('Lärare'), dutyRoleOf('Förstelärare'), dutyRoleOf('Rektor'), dutyRoleOf('Skoladministratör'), dutyRoleOf('Kurator'), dutyRoleOf('Barnskötare')])
      .toEqual(['teacher', 'teacher', 'principal', 'administrator', 'student_health', null]);
    expect([dutyRoleOf('Annan personal', 'Elevhälsa'), dutyRoleOf('Annan personal', 'Analytiker'), dutyRoleOf('Annan personal')]).toEqual(['student_health', 'analyst', null]);
    const isUnit = (id: string) => id === 'u';
    expect(mapDuty({ id: 'd', person: { id: 'p' }, dutyAt: { id: 'org' }, dutyRole: 'Skoladministratör', startDate: '2020-01-01' }, isUnit)).toMatchObject({ ok: true, value: { unitExternalId: null } });
    expect(mapDuty({ id: 'd', person: { id: 'p' }, dutyAt: { id: 'org' }, dutyRole: 'Lärare', startDate: '2020-01-01' }, isUnit)).toMatchObject({ ok: false });
    expect(mapDuty({ id: 'd', person: { id: 'p' }, dutyAt: { id: 'u' }, dutyRole: 'Barnskötare', startDate: '2020-01-01' }, isUnit))
      .toMatchObject({ ok: false, rejection: { reason: 'Befattningen ”Barnskötare” har ingen motsvarighet i Lärka' } });
  });
  it('a Mentor assignment of a duty makes a mentor of the group', () => {
    const m = mapDuty({ id: 'd', person: { id: 'p' }, dutyAt: { id: 'u' }, dutyRole: 'Lärare', startDate: '2020-01-01',
      assignmentRole: [{ group: { id: 'g' }, assignmentRoleType: 'Mentor' }, { group: { id: 'h' }, assignmentRoleType: 'Schemaläggare' }] }, () => true);
    expect(m.ok && m.value.mentorOf).toEqual([{ groupExternalId: 'g', startDate: null, endDate: null }]);
  });
  it('the subject of an activity: by designation or Skolverket code; a shared syllabus (modern languages) by the activity name', () => {
    const ours = [{ code: 'BI', name: 'Biologi', syllabusCode: 'GRGRBIO01' }, { code: 'M2FRA', name: 'Franska', syllabusCode: 'GRGRMSP01' }, { code: 'M2SPA', name: 'Spanska', syllabusCode: 'GRGRMSP01' }];
    expect(subjectOfActivity(ours, { subjectCode: 'GRGRBIO01' }, '7A')).toBe('BI');
    expect(subjectOfActivity(ours, { subjectCode: 'X', subjectDesignation: 'BI' }, '7A')).toBe('BI');
    expect(subjectOfActivity(ours, { subjectCode: 'GRGRMSP01' }, '6AB M2SPA')).toBe('M2SPA');
    expect(subjectOfActivity(ours, { subjectCode: 'GRGRMSP01' }, 'Franska åk 7')).toBe('M2FRA');
    expect(subjectOfActivity(ours, { subjectCode: 'GRGRMSP01' }, 'Moderna språk 7')).toBeNull();
  });
  it('an activity gives its groups the subject code of its syllabus and the teachers by duty', () => {
    const m = mapActivity({ id: 'a', groups: [{ id: 'g' }], syllabus: { id: 's' }, teachers: [{ duty: { id: 'd' }, grader: true }] }, (id) => (id === 's' ? 'MA' : null));
    expect(m.ok && m.value).toEqual({ externalId: 'a', groupExternalIds: ['g'], subjectCode: 'MA', teachers: [{ dutyExternalId: 'd', grader: true, startDate: null, endDate: null }] });
  });
});

describe('relations made equal to the source: matched by key, changed, missing ones ended', () => {
  it('reconcile sorts wanted rows into created, updated, unchanged and missing', () => {
    const r = reconcile([{ k: 'a', v: 1 }, { k: 'b', v: 2 }, { k: 'c', v: 3 }], [{ k: 'a', v: 1 }, { k: 'b', v: 9 }, { k: 'd', v: 4 }], (w) => w.k, (h) => h.k, (w, h) => w.v === h.v);
    expect(r).toEqual({ create: [{ k: 'c', v: 3 }], update: [{ want: { k: 'b', v: 2 }, have: { k: 'b', v: 9 } }], unchanged: 1, missing: [{ k: 'd', v: 4 }] });
  });
  it('a relation is ended today, never before it started', () => {
    expect(endDayOf('2026-01-01', '2026-11-23')).toBe('2026-11-23');
    expect(endDayOf('2027-01-01', '2026-11-23')).toBe('2027-01-01');
  });
});

describe('incremental runs ask from the last succeeded run less five minutes', () => {
  it('since = last start − 5 min; none before, or --full: a full run', () => {
    const last = new Date('2026-11-23T10:00:00Z');
    expect(sinceOf(last, false)).toEqual(new Date(last.getTime() - OVERLAP_MS));
    expect(sinceOf(last, true)).toBeNull();
    expect(sinceOf(null, false)).toBeNull();
  });
  it('the source URL is keyed without trailing slash or /v2; only http(s)', () => {
    expect(normaliseSourceUrl('http://host:3000/ss12000/v2/')).toBe('http://host:3000/ss12000');
    expect(() => normaliseSourceUrl('file:///etc/passwd')).toThrow();
  });
  it('rejections are all counted but at most 2,000 kept; a run that wrote nothing changed nothing', () => {
    const r = emptyResult();
    addRejections(r, Array.from({ length: MAX_REJECTIONS_KEPT + 5 }, (_, i) => ({ type: 'persons', id: String(i), reason: 'x' })));
    expect([r.rejectedTotal, r.rejected.length]).toEqual([MAX_REJECTIONS_KEPT + 5, MAX_REJECTIONS_KEPT]);
    r.counts.persons.unchanged = 3;
    expect(changedNothing(r)).toBe(true);
  });
});
