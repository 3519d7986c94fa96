import { byPersonName } from '../../domain/org/sorting.js';
import { alternativesOf, nationalTestOf } from '../../domain/national-tests/catalogue.js';
import { decideWrite } from '../../domain/national-tests/write-rule.js';
import { checkResult, isFinished, type ResultInput, type ResultProblem, type TestResult } from '../../domain/national-tests/result.js';
import { isSchoolYear } from '../../domain/register/terms.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { loadGradingTerms } from '../grading/terms.js';
import { findGroup, findPupil, findResultsForWrite, listGroupPupils, listPupilResults, listResults, type ResultRow } from './store.js';
import { storedResultOf, writeResults } from './write-results.js';

const PROBLEMS: Record<ResultProblem | 'invalid_school_year' | 'future_school_year', string> = {
  no_test: 'There is no national test in this subject in this year',
  grade_in_year_3: 'Year 3 records sub-test results only, never a test grade',
  sub_tests_outside_year_3: 'Sub-test results are recorded in year 3 only',
  unknown_sub_test: 'No such sub-test in this subject\'s test',
  invalid_grade: 'A test grade is A–F',
  invalid_outcome: 'A sub-test is met, not_met or absent',
  both_grade_and_not_participated: '"Did not take part" goes without a grade or sub-tests',
  invalid_school_year: 'A school year is written 2025/2026',
  future_school_year: 'Results are registered for the current or an earlier school year',
};
const unprocessable = (problem: keyof typeof PROBLEMS) => new AppError(422, problem, PROBLEMS[problem]);

/** The stored result as the API gives it. */
export function resultOf(r: ResultRow) {
  const result: TestResult = { testGrade: r.test_grade, notParticipated: r.not_participated, subTests: r.sub_tests };
  return { ...result, version: r.version, finished: isFinished(r.grade_year, r.subject_code, result), updatedOn: r.updated_at };
}

export interface RegisterInput extends ResultInput { subjectCode: string; gradeYear: 3 | 6 | 9; schoolYear: string; version?: number | null }

/** National test results: registration by the pupil's teachers and the unit's administrator; reading at home. */
export function nationalTestService(db: Db) {
  async function currentSchoolYear(actor: Actor): Promise<string | null> {
    return (await loadGradingTerms(db, actor.organiserId, actor.today))?.current.schoolYear ?? null;
  }

  async function checkSchoolYear(actor: Actor, schoolYear: string | undefined): Promise<string> {
    const current = await currentSchoolYear(actor);
    const year = schoolYear ?? current;
    if (!year || !isSchoolYear(year)) throw unprocessable('invalid_school_year');
    if (current && year > current) throw unprocessable('future_school_year');
    return year;
  }

  return {
    /** A group's pupils with their results in one subject's test of a year (the registration grid). */
    async forGroup(actor: Actor, q: { groupId: string; subjectCode: string; gradeYear: number; schoolYear?: string }) {
      requireAction(actor, 'national-tests.register');
      const group = await findGroup(db, actor, q.groupId);
      if (!group) throw notFound('Group not found');
      const test = nationalTestOf(q.gradeYear, q.subjectCode);
      if (!test) throw unprocessable('no_test');
      const schoolYear = await checkSchoolYear(actor, q.schoolYear);
      const pupils = (await listGroupPupils(db, actor, group.id))
        .map((p) => ({ id: p.id, givenName: p.given_name, familyName: p.family_name })).sort(byPersonName);
      const results = new Map((await listResults(db, actor.organiserId, pupils.map((p) => p.id), q.subjectCode, q.gradeYear, schoolYear))
        .map((r) => [r.pupil_id, r]));
      return {
        group: { id: group.id, name: group.name, type: group.group_type, schoolYear: group.school_year },
        subjectCode: q.subjectCode, gradeYear: q.gradeYear, schoolYear, subTests: test.subTests ? [...test.subTests] : null,
        pupils: pupils.map((p) => {
          const r = results.get(p.id);
          // a result registered at another unit (the pupil moved) is shown, and changed only there
          return { ...p, result: r ? resultOf(r) : null, editable: !r || r.school_unit_id === actor.unitId };
        }),
      };
    },

    /** Registers (or removes, when empty) one pupil's result; version-checked, audited. */
    async register(actor: Actor, pupilId: string, input: RegisterInput) {
      requireAction(actor, 'national-tests.register');
      if (!(await findPupil(db, actor, pupilId))) throw notFound('Pupil not found');
      const checked = checkResult(input.gradeYear, input.subjectCode, input);
      if (!checked.ok) throw unprocessable(checked.problem);
      const schoolYear = await checkSchoolYear(actor, input.schoolYear);
      const { subjectCode, gradeYear } = input;
      const unitId = actor.unitId!;
      return db.transaction(async (tx) => {
        const found = await findResultsForWrite(tx, actor.organiserId, pupilId, gradeYear, schoolYear, [subjectCode, ...alternativesOf(gradeYear, subjectCode)]);
        const before = found.find((r) => r.subject_code === subjectCode) ?? null;
        if ((before?.version ?? null) !== (input.version ?? null)) {
          throw conflict('stale_version', 'The result was changed by someone else', { current: before ? resultOf(before) : null });
        }
        const stored = found.map((r) => ({ subjectCode: r.subject_code, schoolUnitId: r.school_unit_id, result: storedResultOf(r) }));
        const decided = decideWrite(stored, subjectCode, unitId, checked.result);
        if (decided.kind === 'refused') {
          if (decided.problem === 'registered_at_other_unit') throw conflict('registered_at_other_unit', 'The result was registered at another school unit');
          throw conflict('other_choice_registered', `The pupil has a result in ${decided.otherSubject} this school year; a pupil takes one of these tests`);
        }
        const key = { organiserId: actor.organiserId, pupilId, unitId, subjectCode, gradeYear, schoolYear };
        if (decided.kind === 'unchanged') return { pupilId, result: before ? resultOf(before) : null };
        if (decided.kind === 'delete') {
          await writeResults(tx, actor, [{ kind: 'delete', key, before: before! }], 'registration');
          return { pupilId, result: null };
        }
        await writeResults(tx, actor, [decided.kind === 'insert' ? { kind: 'insert', key, result: decided.result }
          : { kind: 'update', key, before: before!, result: decided.result }], 'registration');
        const [after] = await listResults(tx, actor.organiserId, [pupilId], subjectCode, gradeYear, schoolYear);
        return { pupilId, result: resultOf(after) };
      });
    },

    /**
     * A pupil's results. At home (the pupil, the guardians) only finished results are shown: a grade or
     * "did not take part", and in year 3 every sub-test registered; staff see what is registered so far.
     */
    async ofPupil(actor: Actor, pupilId: string) {
      const pupil = await findPupil(db, actor, pupilId);
      if (!pupil) throw notFound('Pupil not found');
      const atHome = actor.role === 'pupil' || actor.role === 'guardian';
      const results = (await listPupilResults(db, actor.organiserId, pupilId)).map((r) => ({ row: r, result: resultOf(r) }))
        .filter((x) => !atHome || x.result.finished);
      return {
        pupil,
        results: results.map(({ row, result }) => ({
          subject: { code: row.subject_code, name: row.subject_name }, gradeYear: row.grade_year, schoolYear: row.school_year,
          testGrade: result.testGrade, notParticipated: result.notParticipated,
          subTests: result.subTests ? (nationalTestOf(row.grade_year, row.subject_code)?.subTests ?? Object.keys(result.subTests))
            .map((code) => ({ code, outcome: result.subTests![code] ?? null })) : null,
          finished: result.finished, updatedOn: result.updatedOn,
        })),
      };
    },
  };
}


export type NationalTestService = ReturnType<typeof nationalTestService>;
