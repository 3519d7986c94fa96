import { Rows } from './bulk.js';

/** Everything the generator produces for one organiser, table by table, before it is written. */
export function newDataset() {
  return {
    schoolUnit: new Rows('school_unit', {
      id: 'uuid', name: 'text', schoolUnitCode: 'text', schoolForms: 'text[]', municipalityCode: 'text',
      streetAddress: 'text', postalCode: 'text', city: 'text', email: 'text', phone: 'text',
    }),
    term: new Rows('term', { id: 'uuid', schoolYear: 'text', kind: 'text', startDate: 'date', endDate: 'date' }),
    person: new Rows('person', {
      id: 'uuid', civicNo: 'text', civicNoKind: 'text', givenName: 'text', familyName: 'text', sex: 'text',
      birthDate: 'date', securityMarking: 'text', email: 'text', phone: 'text', workEmail: 'text',
      workPhone: 'text', streetAddress: 'text', postalCode: 'text', city: 'text', newlyArrivedDate: 'date',
      swedishAsSecondLanguage: 'bool',
    }),
    duty: new Rows('duty', {
      id: 'uuid', personId: 'uuid', schoolUnitId: 'uuid', role: 'text', licensed: 'bool',
      qualifiedSubjects: 'text[]', startDate: 'date', endDate: 'date',
    }),
    delegation: new Rows('delegation', {
      id: 'uuid', schoolUnitId: 'uuid', principalId: 'uuid', delegateId: 'uuid', decisionKind: 'text',
      startDate: 'date', endDate: 'date',
    }),
    enrolment: new Rows('enrolment', {
      id: 'uuid', personId: 'uuid', schoolUnitId: 'uuid', schoolYear: 'int2', schoolForm: 'text',
      gradesRequested: 'bool', adaptedTimetable: 'bool', startDate: 'date', endDate: 'date',
    }),
    guardianship: new Rows('guardianship', {
      id: 'uuid', guardianId: 'uuid', childId: 'uuid', startDate: 'date', endDate: 'date',
    }),
    group: new Rows('student_group', {
      id: 'uuid', schoolUnitId: 'uuid', name: 'text', groupType: 'text', subjectCode: 'text',
      schoolYear: 'int2', startDate: 'date', endDate: 'date',
    }),
    membership: new Rows('group_membership', {
      id: 'uuid', groupId: 'uuid', personId: 'uuid', startDate: 'date', endDate: 'date',
    }),
    groupStaff: new Rows('group_staff', {
      id: 'uuid', groupId: 'uuid', personId: 'uuid', assignment: 'text', grader: 'bool',
      startDate: 'date', endDate: 'date',
    }),
    account: new Rows('account', {
      id: 'uuid', personId: 'uuid', username: 'text', passwordHash: 'text', mustChangePassword: 'bool',
    }),
  };
}

export type Dataset = ReturnType<typeof newDataset>;
export type PersonRow = Parameters<Dataset['person']['add']>[0];
