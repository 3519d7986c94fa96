import { Rows } from './bulk.js';
import { newDataset } from './dataset.js';

/** The history's own rows: people, terms, groups … (as the dataset) and grades, test results, backgrounds. */
export function newHistoryRows() {
  return {
    ds: newDataset(),
    grade: new Rows('grade', {
      id: 'uuid', pupilId: 'uuid', subjectCode: 'text', groupId: 'uuid', termId: 'uuid', kind: 'text', value: 'text',
      state: 'text', registeredBy: 'uuid', registeredAt: 'timestamptz', confirmedBy: 'uuid', confirmedAt: 'timestamptz',
    }),
    test: new Rows('national_test_result', {
      id: 'uuid', pupilId: 'uuid', schoolUnitId: 'uuid', subjectCode: 'text', gradeYear: 'int2', schoolYear: 'text',
      testGrade: 'text', notParticipated: 'bool', registeredBy: 'uuid', updatedAt: 'timestamptz',
    }),
    unitBackground: new Rows('unit_background', {
      schoolUnitId: 'uuid', schoolYear: 'text', parentsEducation: 'numeric', foreignBackgroundShare: 'numeric',
      source: 'text', importedBy: 'uuid', importedAt: 'timestamptz',
    }),
    pupilBackground: new Rows('pupil_background', {
      pupilId: 'uuid', parentsPostSecondary: 'bool', foreignBackground: 'bool', source: 'text', importedBy: 'uuid', importedAt: 'timestamptz',
    }),
  };
}

export type HistoryRows = ReturnType<typeof newHistoryRows>;
