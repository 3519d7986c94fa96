import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { proposeTerms, termDatesProblem, type TermDates } from '../../domain/register/school-year.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import { planCounts, planRollover, type Plan, type RolloverChoices } from './rollover-plan.js';
import { readSchoolYears, readUnitRegister, type SchoolYears } from './rollover-read.js';
import { undoRefusal, undoRollover, type RolloverRecord } from './rollover-undo.js';
import { AuditBatch, endRows, ENDED_TABLES, insertPlanned } from './rollover-write.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export interface RolloverRequest extends RolloverChoices { terms: TermDates }

const termProblemMessages = {
  ht_dates: 'HT must end on or after its first day',
  vt_dates: 'VT must end on or after its first day',
  vt_before_ht: 'VT must start after HT ends',
  starts_before_old_year_ends: 'The new school year must start after the current one ends',
  outside_school_year: 'HT must start in the first calendar year of the school year and VT end in the second',
} as const;

/** Läsårsskifte of the administrator's unit: status, preview, apply (one transaction), undo. */
export function rolloverService(db: Db) {
  async function years(q: Db | Tx, actor: Actor): Promise<SchoolYears & { oldYearEnds: string }> {
    const y = await readSchoolYears(q, actor);
    if (!y || !y.oldYearEnds) throw conflict('current_terms_missing', 'The current school year has no VT term; the organiser must create its terms first');
    return y as SchoolYears & { oldYearEnds: string };
  }

  /** The terms the new year will have: the organiser's own when they exist, else the administrator's dates. */
  function termsOf(y: SchoolYears & { oldYearEnds: string }, wanted: TermDates) {
    const { ht, vt } = y.nextTerms;
    const existing = !!(ht && vt);
    const terms: TermDates = existing ? { ht: { startDate: ht!.startDate, endDate: ht!.endDate }, vt: { startDate: vt!.startDate, endDate: vt!.endDate } } : wanted;
    if (!existing && (ht || vt)) throw conflict('next_terms_incomplete', 'The next school year has only one of its terms; the organiser must complete it');
    const problem = termDatesProblem(y.toSchoolYear, terms, y.oldYearEnds);
    if (problem) throw new AppError(existing ? 409 : 400, problem, termProblemMessages[problem]);
    return { terms, existing };
  }

  async function activeRollover(q: Db | Tx, actor: Actor, toSchoolYear: string) {
    return one<{ id: string }>(q, sql`select id from year_rollover where organiser_id = ${actor.organiserId} and school_unit_id = ${actor.unitId}
      and to_school_year = ${toSchoolYear} and undone_at is null limit 1`);
  }

  async function makePlan(q: Db | Tx, actor: Actor, input: RolloverRequest) {
    const y = await years(q, actor);
    if (await activeRollover(q, actor, y.toSchoolYear)) throw conflict('already_rolled_over', `This unit has already been rolled over to ${y.toSchoolYear}; undo it first`);
    const { terms, existing } = termsOf(y, input.terms);
    const reg = await readUnitRegister(q, actor, { from: y.fromSchoolYear, oldEnds: y.oldYearEnds, newStarts: terms.ht.startDate });
    const plan = planRollover(reg, { oldYearEnds: y.oldYearEnds, newYearStarts: terms.ht.startDate }, input);
    const digest = createHash('sha256').update(JSON.stringify([plan.digest, terms, existing, input.carryMentors, input.carryTeachers])).digest('hex');
    return { y, terms, existing, plan, digest, choices: { carryMentors: input.carryMentors, carryTeachers: input.carryTeachers } };
  }

  const present = (m: Awaited<ReturnType<typeof makePlan>>) => ({
    fromSchoolYear: m.y.fromSchoolYear, toSchoolYear: m.y.toSchoolYear, oldYearEnds: m.y.oldYearEnds, newYearStarts: m.terms.ht.startDate,
    terms: { ...m.terms, existing: m.existing },
    counts: { ...planCounts(m.plan), terms: m.existing ? 0 : 2 },
    ...m.plan.summary, digest: m.digest,
  });

  async function status(actor: Actor) {
    requireAction(actor, 'register.administer');
    const unit = await one<{ name: string }>(db, sql`select name from school_unit where organiser_id = ${actor.organiserId} and id = ${actor.unitId}`);
    if (!unit) throw notFound('School unit not found');
    const y = await readSchoolYears(db, actor);
    const records = await rows<RolloverRecord & { appliedByName: string }>(db, sql`select r.id, r.from_school_year as "fromSchoolYear",
        r.to_school_year as "toSchoolYear", r.changes, r.applied_at as "appliedAt", r.undone_at as "undoneAt",
        p.given_name || ' ' || p.family_name as "appliedByName"
      from year_rollover r join person p on p.organiser_id = r.organiser_id and p.id = r.applied_by
      where r.organiser_id = ${actor.organiserId} and r.school_unit_id = ${actor.unitId} order by r.applied_at desc`);
    const rollovers = [];
    for (const r of records) {
      const refusal = r.undoneAt ? null : await undoRefusal(db, actor, r);
      rollovers.push({ id: r.id, fromSchoolYear: r.fromSchoolYear, toSchoolYear: r.toSchoolYear, appliedAt: new Date(r.appliedAt).toISOString(),
        appliedBy: r.appliedByName, undoneAt: r.undoneAt ? new Date(r.undoneAt).toISOString() : null, undoable: !r.undoneAt && !refusal,
        undoRefusal: refusal, counts: r.changes.counts });
    }
    const next = y?.nextTerms;
    return {
      unit: { id: actor.unitId!, name: unit.name },
      fromSchoolYear: y?.fromSchoolYear ?? null, toSchoolYear: y?.toSchoolYear ?? null, oldYearEnds: y?.oldYearEnds ?? null,
      existingTerms: next?.ht && next.vt ? { ht: { startDate: next.ht.startDate, endDate: next.ht.endDate }, vt: { startDate: next.vt.startDate, endDate: next.vt.endDate } } : null,
      proposedTerms: y ? proposeTerms(y.toSchoolYear) : null,
      problem: !y || !y.oldYearEnds ? 'current_terms_missing' : null,
      rollovers,
    };
  }

  async function preview(actor: Actor, input: RolloverRequest) {
    requireAction(actor, 'register.administer');
    return present(await makePlan(db, actor, input));
  }

  async function apply(actor: Actor, input: RolloverRequest & { previewDigest: string }) {
    requireAction(actor, 'register.administer');
    const id = randomUUID();
    const result = await db.transaction(async (tx) => {
      // one rollover of a unit at a time: the second waits here and then finds the first applied
      await tx.execute(sql`select 1 from school_unit where organiser_id = ${actor.organiserId} and id = ${actor.unitId} for update`);
      const made = await makePlan(tx, actor, input);
      if (made.digest !== input.previewDigest) throw conflict('preview_outdated', 'The register or the choices changed after the preview; preview again');
      await write(tx, actor, id, made);
      return present(made);
    });
    return { id, ...result };
  }

  async function write(tx: Tx, actor: Actor, id: string, m: Awaited<ReturnType<typeof makePlan>>) {
    const batch = new AuditBatch();
    const createdTerms: string[] = [];
    if (!m.existing) {
      for (const kind of ['HT', 'VT'] as const) {
        const t = kind === 'HT' ? m.terms.ht : m.terms.vt;
        const termId = randomUUID();
        createdTerms.push(termId);
        await tx.execute(sql`insert into term (organiser_id, id, school_year, kind, start_date, end_date)
          values (${actor.organiserId}, ${termId}, ${m.y.toSchoolYear}, ${kind}, ${t.startDate}, ${t.endDate})`);
        batch.add('term.created', 'term', termId, { unitId: actor.unitId, rolloverId: id, schoolYear: m.y.toSchoolYear, kind, ...t });
      }
    }
    const plan: Plan = m.plan;
    for (const table of ENDED_TABLES) await endRows(tx, actor, table, plan.ended[table], plan.oldYearEnds, batch, id);
    await insertPlanned(tx, actor, plan, batch, id);
    const counts = { ...planCounts(plan), terms: createdTerms.length };
    const changes = {
      created: { term: createdTerms, enrolment: plan.enrolments.map((r) => r.id), student_group: plan.groups.map((r) => r.id),
        group_membership: plan.memberships.map((r) => r.id), group_staff: plan.staff.map((r) => r.id) },
      ended: plan.ended, endDate: plan.oldYearEnds, newYearStarts: plan.newYearStarts, counts,
      options: { ...m.choices, terms: m.terms, termsExisted: m.existing },
    };
    await tx.execute(sql`insert into year_rollover (organiser_id, id, school_unit_id, from_school_year, to_school_year, changes, applied_by)
      values (${actor.organiserId}, ${id}, ${actor.unitId}, ${m.y.fromSchoolYear}, ${m.y.toSchoolYear}, ${JSON.stringify(changes)}::jsonb, ${actor.personId})`);
    await batch.write(tx, actor);
    await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action: 'school_year.rolled_over', entityType: 'year_rollover', entityId: id, ip: actor.ip,
      details: { unitId: actor.unitId, fromSchoolYear: m.y.fromSchoolYear, toSchoolYear: m.y.toSchoolYear, counts, terms: m.terms, termsExisted: m.existing } });
  }

  async function undo(actor: Actor, rolloverId: string) {
    requireAction(actor, 'register.administer');
    return db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from school_unit where organiser_id = ${actor.organiserId} and id = ${actor.unitId} for update`);
      return undoRollover(tx, actor, rolloverId);
    });
  }

  return { status, preview, apply, undo };
}
