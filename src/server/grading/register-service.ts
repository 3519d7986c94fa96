import { randomUUID } from 'node:crypto';
import { COLUMNS, columnProblem, type Column } from '../../domain/grading/columns.js';
import { daysLeft, periodProblem } from '../../domain/grading/period.js';
import { allowedSteps, isGradeStep } from '../../domain/grading/scale.js';
import { transitionProblem } from '../../domain/grading/workflow.js';
import { byName, byPersonName } from '../../domain/org/sorting.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { type Db, type Queryable } from '../platform/db/database.js';
import { AppError, conflict, forbidden, notFound } from '../platform/http/errors.js';
import { cellOf, type Cell } from './cells.js';
import { gradeWriter } from './grade-writer.js';
import { listGradingOverview } from './overview-store.js';
import { findPeriod } from './period-store.js';
import { findEarlierTermGrade, findGrade, findGradingGroup, listRegisterPupils, saveFactsLoader } from './register-queries.js';
import { loadGradingTerms, termLabel, termOfColumn, type GradingTerms } from './terms.js';

const refusals = {
  before_period: 'The grading period has not started',
  after_period: 'The grading period has ended',
  no_school_year: 'The pupil has no current enrolment with a school year',
  before_first_graded_year: 'The pupil gets no term grade in this subject before its first graded year',
  after_last_term_grade: 'Year 9 gets a final grade in spring, not a term grade',
  final_only_in_year_9: 'A final grade is given in year 9',
  confirmed: 'The grade is confirmed; the administrator must remove the confirmation first',
  decided_or_locked: 'The grade is decided or locked; it can only be corrected by a formal decision',
} as const;

export function registerService(db: Db) {
  const writer = gradeWriter(db);
  const saveFacts = saveFactsLoader(db);
  async function termsOrFail(actor: Actor): Promise<GradingTerms> {
    const terms = await loadGradingTerms(db, actor.organiserId, actor.today);
    if (!terms) throw new AppError(409, 'no_term', 'No term has started yet');
    return terms;
  }

  const periodOf = async (q: Pick<Queryable, 'execute'>, actor: Actor, termId: string) => {
    const p = await findPeriod(q, actor.organiserId, actor.unitId!, termId);
    return p ? { from: p.from, to: p.to } : null;
  };

  /** "Betygsprocess": the term, the period with days left, and the groups with their progress. */
  async function overview(actor: Actor) {
    requireAction(actor, 'grades.register');
    const terms = await termsOrFail(actor);
    const period = await periodOf(db, actor, terms.current.id);
    const groups = (await listGradingOverview(db, actor, terms.current)).sort(byName);
    return {
      term: { id: terms.current.id, label: termLabel(terms.current), kind: terms.current.kind },
      period: period ? { ...period, daysLeft: daysLeft(period, actor.today), open: periodProblem(period, actor.today) === null } : null,
      groups: groups.map((g) => ({ id: g.id, name: g.name, subject: { code: g.subject_code, name: g.subject_name },
        pupils: g.pupils, expected: g.expected, graded: g.graded, confirmed: g.confirmed })),
    };
  }

  /** The register of one group: its pupils in Swedish order with a cell per column. */
  async function register(actor: Actor, groupId: string) {
    const terms = await termsOrFail(actor);
    const group = await findGradingGroup(db, actor, groupId, terms.current.id);
    if (!group) throw notFound('Group not found');
    const pupils = (await listRegisterPupils(db, actor, groupId, group.subject_code, terms))
      .map((p) => ({ ...p, familyName: p.family_name, givenName: p.given_name })).sort(byPersonName);
    const gradeOf = (p: (typeof pupils)[number], column: Column) => p.grades.find((g) => column === 'final' ? g.kind === 'final' : g.kind === 'term' && g.term_id === termOfColumn(terms, column)?.id);
    const period = group.period_from ? { from: group.period_from, to: group.period_to! } : null;
    return {
      group: { id: group.id, name: group.name, subject: { code: group.subject_code, name: group.subject_name }, unit: { id: group.school_unit_id, name: group.unit_name } },
      term: { id: terms.current.id, label: termLabel(terms.current), kind: terms.current.kind },
      period: period ? { ...period, daysLeft: daysLeft(period, actor.today), open: periodProblem(period, actor.today) === null } : null,
      columns: COLUMNS.map((c) => ({ key: c, label: c === 'final' ? 'Slutbetyg' : termOf(terms, c) })),
      canEdit: group.is_grader,
      pupils: pupils.map((p) => ({
        id: p.id, givenName: p.given_name, familyName: p.family_name, schoolYear: p.school_year, schoolForm: p.school_form,
        cells: Object.fromEntries(COLUMNS.map((c) => [c, cellOf(c, p, group.first_graded_year, gradeOf(p, c))])) as Record<Column, Cell>,
      })),
    };
  }

  const termOf = (terms: GradingTerms, c: Column) => { const t = termOfColumn(terms, c); return t ? termLabel(t) : c; };

  /**
   * Saves one cell at once (no save button). Enforces: grader of the group, pupil in the group, the step
   * valid for the pupil's school form and year, the column allowed, inside the grading period, the grade
   * still editable, and the version the client read (409 with the current cell otherwise). A repeated
   * request id is applied once.
   */
  async function saveCell(actor: Actor, groupId: string, request: { pupilId: string; column: Column; value: string | null; version: number | null; requestId: string; carryOver?: boolean }): Promise<Cell> {
    let input = request;
    requireAction(actor, 'grades.register');
    const terms = await termsOrFail(actor);
    const term = termOfColumn(terms, input.column);
    if (!term) throw new AppError(400, 'column_not_allowed', 'That term does not exist');
    const facts = await saveFacts({ actor, groupId, pupilId: input.pupilId, column: input.column, termId: term.id, requestId: input.requestId });
    if (!facts) throw notFound('Group not found');
    if (!facts.is_grader) throw forbidden('Only a grading teacher of the group registers its grades');
    if (!facts.pupil_id) throw new AppError(400, 'not_in_group', 'The pupil is not in the group');
    const pupil = { school_year: facts.school_year, school_form: facts.school_form, grades_requested: facts.grades_requested };
    const current = facts.current ?? undefined;
    const cell = (grade = current) => cellOf(input.column, pupil, facts.first_graded_year, grade);
    if (facts.already_applied) return cell();
    if (input.carryOver) {
      // Överfört: the subject was not taught this term; the latest earlier term grade is carried over.
      if (input.column === 'final') throw new AppError(400, 'column_not_allowed', 'A final grade is never carried over');
      const earlier = await findEarlierTermGrade(db, actor.organiserId, input.pupilId, facts.subject_code, term.startDate);
      if (!earlier) throw new AppError(400, 'nothing_to_carry_over', 'The pupil has no earlier term grade in the subject');
      input = { ...input, value: earlier.value };
    }

    const period = periodProblem(facts.period_from ? { from: facts.period_from, to: facts.period_to! } : null, actor.today);
    if (period) throw new AppError(400, period, refusals[period]);
    const column = columnProblem(input.column, { schoolYear: pupil.school_year, firstGradedYear: facts.first_graded_year });
    if (column) throw new AppError(400, 'column_not_allowed', refusals[column]);
    const steps = allowedSteps({ schoolForm: pupil.school_form ?? 'GR', gradesRequested: pupil.grades_requested });
    if (steps.length === 0) throw new AppError(400, 'grades_not_requested', 'In anpassad grundskola grades are given only when the pupil or a guardian asked for them');
    if (input.value !== null && (!isGradeStep(input.value) || !steps.includes(input.value))) {
      throw new AppError(400, 'step_not_allowed', `Grade ${input.value} is not a step for this pupil (allowed: ${steps.join(' ')})`);
    }
    const problem = transitionProblem((current?.state ?? null) as any, 'change_value', 'grading_teacher');
    if (problem === 'confirmed' || problem === 'decided_or_locked') throw conflict('not_editable', refusals[problem], { current: cell() });
    if ((current?.version ?? null) !== input.version) throw conflict('stale_version', 'Someone else changed the grade', { current: cell() });
    if (current && current.value === input.value && current.carried_over === !!input.carryOver) return cell();

    // Written with the saves arriving at the same time (grade-writer.ts): the grade (only if still at the
    // version read and still registered), its history event and its audit row, answered after the commit.
    // Nothing written means someone else wrote first: 409.
    const gradeId = current?.id ?? randomUUID();
    const saved = await writer.write({
      organiserId: actor.organiserId, gradeId, expectedVersion: current ? current.version : null, pupilId: input.pupilId,
      subjectCode: facts.subject_code, groupId, termId: term.id, kind: input.column === 'final' ? 'final' : 'term', value: input.value,
      carriedOver: !!input.carryOver, actor: { personId: actor.personId, role: actor.role, unitId: actor.unitId, ip: actor.ip },
      action: input.carryOver ? 'carried_over' : current ? 'changed' : 'registered', fromValue: current?.value ?? null,
      fromState: current?.state ?? null, requestId: input.requestId,
      details: { pupilId: input.pupilId, subject: facts.subject_code, column: input.column, from: current?.value ?? null, to: input.value },
    });
    if (!saved.saved) {
      const now = await findGrade(db, actor.organiserId, input.pupilId, facts.subject_code, input.column, term.id);
      throw conflict('stale_version', 'Someone else changed the grade', { current: cell(now) });
    }
    return cell({
      id: gradeId, pupil_id: input.pupilId, kind: input.column === 'final' ? 'final' : 'term', term_id: term.id, value: input.value,
      state: 'registered', version: (current?.version ?? 0) + 1, carried_over: !!input.carryOver, registered_by: actor.personId,
      registered_by_name: actor.name, registered_at: saved.registeredAt, assessment_written: current?.assessment_written ?? false,
    });
  }

  return { overview, register, saveCell };
}
