import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  bySchoolYear, holidayProblem, schoolYearProblem, termChangeProblem, type HolidayProblem, type Span, type TermProblem,
} from '../../../domain/register/terms.js';
import { isOrganiserAdministrator, requireAction, requireOrganiserAdministrator } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db, Queryable } from '../../platform/db/database.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { forgetTerms } from '../../grading/terms.js';
import { auditAs } from './audit-as.js';
import { firstGradeDay, readHolidays, readTerms, unitExists, type HolidayRow } from './calendar-store.js';

type Q = Pick<Queryable, 'execute'>;

const termMessages: Record<TermProblem, string> = {
  invalid_school_year: "A school year is written like '2026/2027'",
  invalid_range: 'A term must end on or after its first day',
  outside_school_year: 'HT begins in the first year of the school year and VT ends in the second',
  vt_before_ht: 'VT must begin after HT has ended',
  overlaps_term: 'The term shares days with another term',
  holidays_outside_term: 'A holiday of the term would fall outside its new dates',
  grades_before_start: 'Grades were registered in the term before the new first day',
};
const holidayMessages: Record<HolidayProblem, string> = {
  invalid_range: 'A holiday must end on or after its first day',
  outside_term: 'A holiday lies within the dates of its term',
  overlaps_holiday: 'The holiday shares days with another holiday of the same unit or the whole organiser',
};
const refuse = (code: TermProblem | HolidayProblem, messages: Record<string, string>) => new AppError(400, code, messages[code]);

export interface NewSchoolYear { schoolYear: string; ht: Span; vt: Span }
export interface HolidayInput extends Span { name: string }

/**
 * School years, their terms and holidays. Terms are organiser-wide: the organiser-level administrator
 * creates and moves them. Holidays are organiser-wide (that administrator) or for one unit (also that
 * unit's administrator). Every administrator reads them; a unit's administrator sees only the
 * organiser-wide holidays and their own unit's.
 */
export function calendarService(db: Db) {
  async function list(actor: Actor, q: Q = db) {
    requireAction(actor, 'register.administer');
    const organiserLevel = await isOrganiserAdministrator(q, actor);
    const [terms, holidays] = await Promise.all([readTerms(q, actor.organiserId), readHolidays(q, actor.organiserId, organiserLevel ? null : actor.unitId)]);
    const editable = (h: HolidayRow) => organiserLevel || (h.unitId !== null && h.unitId === actor.unitId);
    return bySchoolYear(terms.map((t) => ({
      ...t,
      holidays: holidays.filter((h) => h.termId === t.id).map((h) => ({
        id: h.id, name: h.name, startDate: h.startDate, endDate: h.endDate,
        unit: h.unitId ? { id: h.unitId, name: h.unitName ?? '' } : null, editable: editable(h),
      })),
    })));
  }

  async function createSchoolYear(actor: Actor, input: NewSchoolYear) {
    await requireOrganiserAdministrator(db, actor);
    const ids = { HT: randomUUID(), VT: randomUUID() };
    await db.transaction(async (tx) => {
      const terms = await readTerms(tx, actor.organiserId);
      if (terms.some((t) => t.schoolYear === input.schoolYear)) throw conflict('school_year_exists', 'That school year already has its terms');
      const problem = schoolYearProblem(input.schoolYear, input.ht, input.vt, terms);
      if (problem) throw refuse(problem, termMessages);
      for (const kind of ['HT', 'VT'] as const) {
        const span = kind === 'HT' ? input.ht : input.vt;
        await tx.execute(sql`insert into term (organiser_id, id, school_year, kind, start_date, end_date)
          values (${actor.organiserId}, ${ids[kind]}, ${input.schoolYear}, ${kind}, ${span.startDate}, ${span.endDate})`);
      }
      await auditAs(tx, actor, { action: 'school_year.created', entityType: 'term', entityId: ids.HT,
        details: { schoolYear: input.schoolYear, termIds: ids, ht: input.ht, vt: input.vt } });
    });
    forgetTerms(actor.organiserId);
    return list(actor);
  }

  async function changeTerm(actor: Actor, termId: string, dates: Span) {
    await requireOrganiserAdministrator(db, actor);
    await db.transaction(async (tx) => {
      const terms = await readTerms(tx, actor.organiserId);
      const before = terms.find((t) => t.id === termId);
      if (!before) throw notFound('Term not found');
      const holidays = await readHolidays(tx, actor.organiserId, null, termId);
      const problem = termChangeProblem({ ...before, ...dates }, terms, holidays, await firstGradeDay(tx, actor.organiserId, termId));
      if (problem) throw refuse(problem, termMessages);
      await tx.execute(sql`update term set start_date = ${dates.startDate}, end_date = ${dates.endDate}
        where organiser_id = ${actor.organiserId} and id = ${termId}`);
      await auditAs(tx, actor, { action: 'term.changed', entityType: 'term', entityId: termId,
        details: { schoolYear: before.schoolYear, kind: before.kind, before: { startDate: before.startDate, endDate: before.endDate }, after: dates } });
    });
    forgetTerms(actor.organiserId);
    return list(actor);
  }

  /** May the actor keep holidays of this reach (null: the whole organiser)? 403 for the whole organiser, 404 for another unit. */
  async function requireHolidayReach(q: Q, actor: Actor, unitId: string | null) {
    requireAction(actor, 'register.administer');
    if (await isOrganiserAdministrator(q, actor)) {
      if (unitId !== null && !(await unitExists(q, actor.organiserId, unitId))) throw notFound('School unit not found');
      return;
    }
    if (unitId === null) throw forbidden('Only the organiser-level administrator keeps holidays of the whole organiser');
    if (unitId !== actor.unitId) throw notFound('School unit not found');
  }

  /** Checks a holiday against its term and the holidays already there; returns the term. */
  async function checkHoliday(q: Q, actor: Actor, h: Span & { id?: string; termId: string; unitId: string | null }) {
    const term = (await readTerms(q, actor.organiserId)).find((t) => t.id === h.termId);
    if (!term) throw notFound('Term not found');
    const problem = holidayProblem(h, term, await readHolidays(q, actor.organiserId, null, h.termId));
    if (problem) throw refuse(problem, holidayMessages);
    return term;
  }

  async function addHoliday(actor: Actor, input: HolidayInput & { termId: string; unitId: string | null }) {
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await requireHolidayReach(tx, actor, input.unitId);
      const term = await checkHoliday(tx, actor, input);
      await tx.execute(sql`insert into holiday (organiser_id, id, term_id, school_unit_id, name, start_date, end_date)
        values (${actor.organiserId}, ${id}, ${input.termId}, ${input.unitId}, ${input.name}, ${input.startDate}, ${input.endDate})`);
      await auditAs(tx, actor, { action: 'holiday.created', entityType: 'holiday', entityId: id,
        details: { termId: term.id, schoolYear: term.schoolYear, unitId: input.unitId, after: { name: input.name, startDate: input.startDate, endDate: input.endDate } } });
    });
    return list(actor);
  }

  /** A holiday the actor may change (404 when it is not theirs to see or keep). */
  async function keptHoliday(q: Q, actor: Actor, holidayId: string) {
    const organiserLevel = await isOrganiserAdministrator(q, actor);
    const found = (await readHolidays(q, actor.organiserId, organiserLevel ? null : actor.unitId)).find((h) => h.id === holidayId);
    if (!found) throw notFound('Holiday not found');
    await requireHolidayReach(q, actor, found.unitId);
    return found;
  }

  async function changeHoliday(actor: Actor, holidayId: string, input: HolidayInput) {
    requireAction(actor, 'register.administer');
    await db.transaction(async (tx) => {
      const before = await keptHoliday(tx, actor, holidayId);
      await checkHoliday(tx, actor, { ...input, id: holidayId, termId: before.termId, unitId: before.unitId });
      await tx.execute(sql`update holiday set name = ${input.name}, start_date = ${input.startDate}, end_date = ${input.endDate}
        where organiser_id = ${actor.organiserId} and id = ${holidayId}`);
      await auditAs(tx, actor, { action: 'holiday.changed', entityType: 'holiday', entityId: holidayId,
        details: { termId: before.termId, unitId: before.unitId, before: { name: before.name, startDate: before.startDate, endDate: before.endDate }, after: input } });
    });
    return list(actor);
  }

  /** A holiday entered by mistake is removed (it is calendar, not anyone's history); the audit row keeps what it was. */
  async function removeHoliday(actor: Actor, holidayId: string) {
    requireAction(actor, 'register.administer');
    await db.transaction(async (tx) => {
      const before = await keptHoliday(tx, actor, holidayId);
      await tx.execute(sql`delete from holiday where organiser_id = ${actor.organiserId} and id = ${holidayId}`);
      await auditAs(tx, actor, { action: 'holiday.removed', entityType: 'holiday', entityId: holidayId,
        details: { termId: before.termId, unitId: before.unitId, before: { name: before.name, startDate: before.startDate, endDate: before.endDate } } });
    });
    return list(actor);
  }

  return { list: (actor: Actor) => list(actor), createSchoolYear, changeTerm, addHoliday, changeHoliday, removeHoliday };
}
