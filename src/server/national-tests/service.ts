import { randomUUID } from 'node:crypto';
import { byPersonName } from '../../domain/org/sorting.js';
import { alternativesOf, nationalTestOf } from '../../domain/national-tests/catalogue.js';
import { checkResult, isFinished, type ResultInput, type ResultProblem, type TestResult } from '../../domain/national-tests/result.js';
import { isSchoolYear } from '../../domain/register/terms.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { loadGradingTerms } from '../grading/terms.js';
import {
  deleteResult, findGroup, findPupil, findResultsForWrite, insertResult, listGroupPupils, listPupilResults, listResults, updateResult, type ResultRow,
} from './store.js';

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
        if (before && before.school_unit_id !== unitId) throw conflict('registered_at_other_unit', 'The result was registered at another school unit');
        const other = found.find((r) => r.subject_code !== subjectCode);
        if (checked.result && other) {
          throw conflict('other_choice_registered', `The pupil has a result in ${other.subject_code} this school year; a pupil takes one of these tests`);
        }
        const details = { personId: pupilId, unitId, subjectCode, gradeYear, schoolYear, before: before ? resultOf(before) : null, after: checked.result };
        if (!checked.result) {
          if (before) {
            await deleteResult(tx, actor.organiserId, before.id);
            await audit(tx, { ...auditActor(actor), action: 'national_test.removed', entityType: 'national_test_result', entityId: before.id, details });
          }
          return { pupilId, result: null };
        }
        const id = before?.id ?? randomUUID();
        if (before) await updateResult(tx, actor.organiserId, id, checked.result, actor.personId);
        else await insertResult(tx, id, { organiserId: actor.organiserId, pupilId, unitId, subjectCode, gradeYear, schoolYear }, checked.result, actor.personId);
        await audit(tx, { ...auditActor(actor), action: 'national_test.registered', entityType: 'national_test_result', entityId: id, details });
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

const auditActor = (a: Actor) => ({ organiserId: a.organiserId, actorPersonId: a.personId, actorRole: a.role, actorUnitId: a.unitId, ip: a.ip });

export type NationalTestService = ReturnType<typeof nationalTestService>;
