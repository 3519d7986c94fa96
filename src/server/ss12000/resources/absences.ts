// /absences (GET, lookup, by id, POST): a guardian's report of absence (not withdrawn) is "Anmäld frånvaro",
// granted leave is "Beviljad ledighet". Whole days run from midnight to midnight in Stockholm (end exclusive).
// A client sees the reports of pupils enrolled at its units during the span, and the leave of its units.
// POST registers a report through the absence report service (its rules: span, window, merging).
import { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import { swedishDate } from '../../../domain/common/dates.js';
import { ABSENCE_TYPES, reportSpanOf } from '../../../domain/ss12000/attendance.js';
import { absenceReportService } from '../../absence-reports/service.js';
import { one, rows, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { ssBadRequest, ssNotFound } from '../http/errors.js';
import { metaOf, metaWhere, ref } from '../http/meta.js';
import { qDateTime, qUuid, type MetaFilters } from '../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute, pageOf, requestContext, type Page } from '../http/routes.js';
import { apiActor, apiAuditor, asSs12000, isStaffOf } from './api-actor.js';

interface AbsenceRow {
  id: string; type: string; pupil_id: string; unit_id: string | null; registered_by: string | null;
  start_at: string; end_at: string; start_key: string; created_at: string | null; modified_at: string | null; modified_key: string | null;
  pupil_name: string | null; unit_name: string | null; registered_by_name: string | null;
}

const at = (date: SQL, time: SQL) => sql`((${date} + coalesce(${time}, '00:00'::time)) at time zone 'Europe/Stockholm')`;

function absencesOf(ctx: Ss12000Context): SQL {
  const units = ctx.client.unitIds;
  const reportUnits = units ? sql`and exists (select 1 from enrolment e where e.organiser_id = r.organiser_id and e.person_id = r.pupil_id
      and e.school_unit_id = any(${sql.param(units)}::uuid[]) and e.start_date <= r.to_date and (e.end_date is null or e.end_date >= r.from_date))` : sql``;
  const leaveUnits = units ? sql`and a.school_unit_id = any(${sql.param(units)}::uuid[])` : sql``;
  const name = (id: SQL) => ctx.withNames ? sql`(select p.given_name || ' ' || p.family_name from person p where p.organiser_id = ${ctx.organiserId} and p.id = ${id})` : sql`null::text`;
  return sql`select x.*, x.start_at::text as start_key, m.created_at, m.modified_at, m.modified_at::text as modified_key,
      ${name(sql`x.pupil_id`)} as pupil_name, ${name(sql`x.registered_by`)} as registered_by_name,
      ${ctx.withNames ? sql`(select u.name from school_unit u where u.organiser_id = ${ctx.organiserId} and u.id = x.unit_id)` : sql`null::text`} as unit_name
    from (
    select r.id, 'Anmäld frånvaro' as type, r.pupil_id, e.school_unit_id as unit_id, r.reported_by as registered_by,
      ${at(sql`r.from_date`, sql`r.from_time`)} as start_at,
      case when r.to_time is null then ${at(sql`(r.to_date + 1)`, sql`null::time`)} else ${at(sql`r.to_date`, sql`r.to_time`)} end as end_at
    from absence_report r
    left join lateral (select e.school_unit_id from enrolment e where e.organiser_id = r.organiser_id and e.person_id = r.pupil_id
      and e.start_date <= r.from_date and (e.end_date is null or e.end_date >= r.from_date) order by e.start_date desc limit 1) e on true
    where r.organiser_id = ${ctx.organiserId} and r.withdrawn_at is null ${reportUnits}
    union all
    select a.id, 'Beviljad ledighet', a.pupil_id, a.school_unit_id, a.decided_by,
      ${at(sql`a.from_date`, sql`null::time`)}, ${at(sql`(a.to_date + 1)`, sql`null::time`)}
    from leave_application a where a.organiser_id = ${ctx.organiserId} and a.status = 'granted' ${leaveUnits}
  ) x
  left join ss12000_entity m on m.organiser_id = ${ctx.organiserId} and m.entity_type = 'absences' and m.entity_id = x.id`;
}

function toAbsence(r: AbsenceRow, ctx: Ss12000Context) {
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    startTime: new Date(r.start_at).toISOString(),
    endTime: new Date(r.end_at).toISOString(),
    type: r.type,
    student: ref(r.pupil_id, r.pupil_name, ctx.withNames),
    ...(r.unit_id ? { organisation: ref(r.unit_id, r.unit_name, ctx.withNames) } : {}),
    ...(r.registered_by ? { registeredBy: ref(r.registered_by, r.registered_by_name, ctx.withNames) } : {}),
  };
}

const listQuery = {
  organisation: qUuid, student: qUuid, registeredBy: qUuid, type: z.enum(ABSENCE_TYPES).optional(),
  'startTime.onOrBefore': qDateTime, 'startTime.onOrAfter': qDateTime, 'endTime.onOrBefore': qDateTime, 'endTime.onOrAfter': qDateTime,
  sortkey: z.enum(['ModifiedDesc', 'StartTimeAsc', 'StartTimeDesc']).optional(),
};
type ListQuery = { [K in keyof typeof listQuery]?: z.infer<(typeof listQuery)[K]> } & MetaFilters;

async function list(ctx: Ss12000Context, q: ListQuery, page: Page) {
  const where: SQL[] = [metaWhere(q, 'a')];
  if (q.organisation && q.organisation !== ctx.organiserId) where.push(sql`a.unit_id = ${q.organisation}::uuid`);
  if (q.student) where.push(sql`a.pupil_id = ${q.student}::uuid`);
  if (q.registeredBy) where.push(sql`a.registered_by = ${q.registeredBy}::uuid`);
  if (q.type) where.push(sql`a.type = ${q.type}`);
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  if (q['startTime.onOrBefore']) where.push(sql`a.start_at <= ${ts(q['startTime.onOrBefore'])}`);
  if (q['startTime.onOrAfter']) where.push(sql`a.start_at >= ${ts(q['startTime.onOrAfter'])}`);
  if (q['endTime.onOrBefore']) where.push(sql`a.end_at <= ${ts(q['endTime.onOrBefore'])}`);
  if (q['endTime.onOrAfter']) where.push(sql`a.end_at >= ${ts(q['endTime.onOrAfter'])}`);
  const a = page.after;
  let order: SQL;
  let keyOf: (r: AbsenceRow) => unknown[];
  if (q.sortkey === 'ModifiedDesc') {
    if (a) where.push(sql`(a.modified_at, a.id) < (${a[0]}::timestamptz, ${a[1]}::uuid)`);
    order = sql`a.modified_at desc, a.id desc`; keyOf = (r) => [r.modified_key, r.id];
  } else if (q.sortkey === 'StartTimeAsc' || q.sortkey === 'StartTimeDesc') {
    const asc = q.sortkey === 'StartTimeAsc';
    if (a) where.push(asc ? sql`(a.start_at, a.id) > (${a[0]}::timestamptz, ${a[1]}::uuid)` : sql`(a.start_at, a.id) < (${a[0]}::timestamptz, ${a[1]}::uuid)`);
    order = asc ? sql`a.start_at, a.id` : sql`a.start_at desc, a.id desc`; keyOf = (r) => [r.start_key, r.id];
  } else {
    if (a) where.push(sql`a.id > ${a[0]}::uuid`);
    order = sql`a.id`; keyOf = (r) => [r.id];
  }
  const found = await rows<AbsenceRow>(ctx.db, sql`select a.* from (${absencesOf(ctx)}) a where ${sql.join(where, sql` and `)} order by ${order} limit ${page.limit + 1}`);
  const p = pageOf(found, page.limit, keyOf);
  return { data: p.rows.map((r) => toAbsence(r, ctx)), after: p.after };
}

async function byIds(ctx: Ss12000Context, ids: string[]) {
  if (!ids.length) return [];
  const found = await rows<AbsenceRow>(ctx.db, sql`select a.* from (${absencesOf(ctx)}) a where a.id = any(${sql.param(ids)}::uuid[]) order by a.id`);
  return found.map((r) => toAbsence(r, ctx));
}

const reference = z.object({ id: z.uuid() });
const PostedAbsence = z.object({
  startTime: z.iso.datetime({ offset: true }), endTime: z.iso.datetime({ offset: true }), type: z.enum(ABSENCE_TYPES),
  student: reference, organisation: reference.optional(), registeredBy: reference.optional(),
});

/** The role the registering person has for the pupil: a guardian with custody today, or staff of the unit. */
async function reporterFor(ctx: Ss12000Context, personId: string, pupilId: string, unitId: string) {
  const guardian = await one(ctx.db, sql`select 1 from guardianship gu where gu.organiser_id = ${ctx.organiserId} and gu.child_id = ${pupilId}::uuid
    and gu.guardian_id = ${personId}::uuid limit 1`);
  if (guardian) return { role: 'guardian' as const, unitId: null };
  if (await isStaffOf(ctx, personId, unitId)) return { role: 'administrator' as const, unitId };
  throw ssBadRequest('registeredBy is neither a guardian of the student nor staff of the student\'s school unit', 'registered_by_not_allowed');
}

export function absenceResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'absences' } as const;
  listRoute(v2, deps, { path: '/absences', access, query: listQuery, fetch: list });
  lookupRoute(v2, deps, { path: '/absences/lookup', access, body: idsBody.partial(), query: {}, fetch: (ctx, body) => byIds(ctx, body.ids ?? []) });
  byIdRoute(v2, deps, { path: '/absences/:id', access, query: {}, fetch: async (ctx, id) => (await byIds(ctx, [id]))[0] ?? null });

  const reports = absenceReportService(deps.db);
  v2.post('/absences', { config: { ss12000: { resource: 'absences', write: true } } }, async (req) => {
    const ctx = requestContext(req, deps);
    const parsed = PostedAbsence.safeParse(req.body ?? {});
    if (!parsed.success) throw ssBadRequest(`Invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    const body = parsed.data;
    if (body.type === 'Beviljad ledighet') {
      throw ssBadRequest('Leave is applied for by a guardian and granted by the principal in Lärka; only "Anmäld frånvaro" can be registered', 'leave_not_registrable');
    }
    const pupil = await one<{ unit_id: string }>(ctx.db, sql`select e.school_unit_id as unit_id from enrolment e where e.organiser_id = ${ctx.organiserId}
      and e.person_id = ${body.student.id}::uuid and e.start_date <= ${swedishDate(ctx.now)}::date and (e.end_date is null or e.end_date >= ${swedishDate(ctx.now)}::date)
      ${ctx.client.unitIds ? sql`and e.school_unit_id = any(${sql.param(ctx.client.unitIds)}::uuid[])` : sql``} order by e.start_date desc limit 1`);
    if (!pupil) throw ssNotFound('No such student');
    const span = reportSpanOf(new Date(body.startTime), new Date(body.endTime));
    if (!span) throw ssBadRequest('startTime and endTime must be whole days (midnight to midnight, Stockholm time) or part of one day', 'invalid_span');
    if (!body.registeredBy) throw ssBadRequest('registeredBy is required: the guardian or staff member the absence is reported for', 'registered_by_required');
    const as = await reporterFor(ctx, body.registeredBy.id, body.student.id, pupil.unit_id);
    const actor = apiActor(ctx, body.registeredBy.id, as.role, as.unitId, req.ip);
    const done = await asSs12000(() => reports.create(actor, { pupilId: body.student.id, ...span }, apiAuditor(ctx, pupil.unit_id, req.ip)));
    const [stored] = await byIds(ctx, [done.report.id]);
    if (!stored) throw ssNotFound();
    return stored;
  });
}
