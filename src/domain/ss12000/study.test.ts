import { describe, expect, it } from 'vitest';
import {
  adaptedStudyPlanText, correctionTypeOf, curriculumCodeOf, gradeIsServed, gradeYearOf, isOfficialSyllabusCode, rfc3339At,
  schoolTypeOfSyllabus, semesterOf,
} from './study.js';

describe('SS 12000 study mappings', () => {
  it('only decided or locked grades with a value are given out; registered and confirmed are drafts', () => {
    expect(gradeIsServed('decided', 'C')).toBe(true);
    expect(gradeIsServed('locked', '-')).toBe(true);
    expect(gradeIsServed('registered', 'C')).toBe(false);
    expect(gradeIsServed('confirmed', 'C')).toBe(false);
    expect(gradeIsServed('locked', null)).toBe(false);
  });

  it('the term gives semester and calendar year', () => {
    expect(semesterOf('HT')).toBe('HT');
    expect(semesterOf('VT')).toBe('VT');
    expect(gradeYearOf('2026-01-08')).toBe(2026);
  });

  it('a correction is Ändring or Rättelse; other grade events are no correction', () => {
    expect(correctionTypeOf('andring')).toBe('Ändring');
    expect(correctionTypeOf('rattelse')).toBe('Rättelse');
    expect(correctionTypeOf('confirmed')).toBeUndefined();
    expect(correctionTypeOf(null)).toBeUndefined();
  });

  it('adapted study path is named, none is an empty text (the property is required)', () => {
    expect(adaptedStudyPlanText(true)).toBe('Anpassad studiegång');
    expect(adaptedStudyPlanText(false)).toBe('');
  });

  it('Lgr11 is GR2011; a version the code list lacks has no curriculum code', () => {
    expect(curriculumCodeOf('Lgr11')).toBe('GR2011');
    expect(curriculumCodeOf('Lgr22')).toBeUndefined();
  });

  it('Skolverket syllabus codes are official and tell the school type', () => {
    expect(isOfficialSyllabusCode('GRGRMAT01')).toBe(true);
    expect(isOfficialSyllabusCode('EGET-01')).toBe(false);
    expect(schoolTypeOfSyllabus('GRGRMAT01')).toBe('GR');
    expect(schoolTypeOfSyllabus('GRSÄMAT01')).toBe('GRS');
  });

  it('a Stockholm local time is written with its offset, winter and summer', () => {
    expect(rfc3339At('2026-03-02T08:15:00', 60)).toBe('2026-03-02T08:15:00+01:00');
    expect(rfc3339At('2026-06-02T08:15:00', 120)).toBe('2026-06-02T08:15:00+02:00');
    expect(rfc3339At('2026-06-02T08:15:00', -330)).toBe('2026-06-02T08:15:00-05:30');
  });
});
