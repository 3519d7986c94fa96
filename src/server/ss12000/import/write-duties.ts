// Source duties → duty (matched by link or same id), with the mentor assignments they carry; source
// activities → the teachers of our groups (group_staff) and a teaching group's subject.
import { sql } from 'drizzle-orm';
import { mapDuty } from '../../../domain/ss12000-import/map-group.js';
import { endDayOf, reconcile } from '../../../domain/ss12000-import/reconcile.js';
import { addRejections } from '../../../domain/ss12000-import/counts.js';
import type { ActivityRecord, DutyRecord, Rejection } from '../../../domain/ss12000-import/records.js';
import type { SsDuty } from '../../../domain/ss12000-import/source-types.js';
import { rows } from '../../platform/db/database.js';
import { arr, type ImportContext } from './context.js';
import { known, newIdFor, resolveIds, saveLinks } from './links.js';

interface DutyRow { id: string; person_id: string; school_unit_id: string | null; role: string; start_date: string; end_date: string | null }
type Duty = DutyRecord & { id: string; personId: string; unitId: string | null };

const sameDuty = (d: Duty, r: DutyRow) => d.personId === r.person_id && d.unitId === r.school_unit_id && d.role === r.role && d.startDate === r.start_date && d.endDate === r.end_date;

export async function writeDuties(ctx: ImportContext, page: SsDuty[], isUnit: (id: string) => boolean) {
  const rejected: Rejection[] = [];
  const records: DutyRecord[] = [];
  for (const d of page) { const m = mapDuty(d, isUnit); if (m.ok) records.push(m.value); else rejected.push(m.rejection); }
  const count = ctx.result.counts.duties;
  await ctx.db.transaction(async (tx) => {
    const persons = await known(tx, ctx, 'persons', records.map((d) => d.personExternalId));
    const matched = await resolveIds(tx, ctx, 'duties', records.map((d) => d.externalId));
    const have = new Map((await rows<DutyRow>(tx, sql`select id, person_id, school_unit_id, role, start_date::text, end_date::text from duty
      where organiser_id = ${ctx.organiserId} and id = any(${arr([...matched.values()], 'uuid')})`)).map((r) => [r.id, r]));
    const used = new Set<string>();
    const create: Duty[] = []; const update: Duty[] = []; const written: Duty[] = [];
    for (const d of records) {
      const personId = persons.get(d.personExternalId);
      if (!personId) { rejected.push({ type: 'duties', id: d.externalId, reason: 'Tjänstgöringens person finns inte bland de importerade personerna' }); continue; }
      const unitId = d.unitExternalId ? ctx.ids.organisations.get(d.unitExternalId) ?? null : null;
      if (d.unitExternalId && !unitId) { rejected.push({ type: 'duties', id: d.externalId, reason: 'Tjänstgöringen är vid en skolenhet som inte importerats' }); continue; }
      const id = matched.get(d.externalId) ?? newIdFor(d.externalId, used);
      used.add(id);
      const duty = { ...d, id, personId, unitId };
      written.push(duty);
      const row = have.get(id);
      if (!row) create.push(duty); else if (sameDuty(duty, row)) count.unchanged++; else update.push(duty);
    }
    const cols = (l: Duty[]) => sql`${arr(l.map((d) => d.id), 'uuid')}, ${arr(l.map((d) => d.personId), 'uuid')}, ${arr(l.map((d) => d.unitId), 'uuid')},
      ${arr(l.map((d) => d.role), 'text')}, ${arr(l.map((d) => d.startDate), 'date')}, ${arr(l.map((d) => d.endDate), 'date')}`;
    if (create.length) {
      await tx.execute(sql`insert into duty (organiser_id, id, person_id, school_unit_id, role, start_date, end_date) select ${ctx.organiserId}, * from unnest(${cols(create)})`);
    }
    if (update.length) {
      await tx.execute(sql`update duty d set person_id = x.p, school_unit_id = x.u, role = x.r, start_date = x.s, end_date = x.e
        from unnest(${cols(update)}) as x(id, p, u, r, s, e) where d.organiser_id = ${ctx.organiserId} and d.id = x.id`);
    }
    count.created += create.length; count.updated += update.length;
    await saveLinks(tx, ctx, 'duties', written.map((d) => [d.externalId, d.id]));

    // mentors: a Mentor assignment of a duty makes its person the group's mentor (added, never ended here)
    const groups = await known(tx, ctx, 'groups', written.flatMap((d) => d.mentorOf.map((m) => m.groupExternalId)));
    const want = written.flatMap((d) => d.mentorOf.flatMap((m) => {
      const groupId = groups.get(m.groupExternalId);
      return groupId ? [{ groupId, personId: d.personId, startDate: m.startDate ?? d.startDate, endDate: m.endDate }] : [];
    }));
    if (want.length) {
      const haveMentors = await rows<{ group_id: string; person_id: string; start_date: string }>(tx, sql`select group_id, person_id, start_date::text from group_staff
        where organiser_id = ${ctx.organiserId} and assignment = 'mentor' and person_id = any(${arr(want.map((w) => w.personId), 'uuid')})`);
      const r = reconcile(want, haveMentors, (w) => `${w.groupId}|${w.personId}|${w.startDate}`, (h) => `${h.group_id}|${h.person_id}|${h.start_date}`, () => true);
      ctx.result.counts.mentors.created += r.create.length; ctx.result.counts.mentors.unchanged += r.unchanged;
      if (r.create.length) {
        await tx.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, start_date, end_date)
          select ${ctx.organiserId}, gen_random_uuid(), g, p, 'mentor', s, e from unnest(${arr(r.create.map((w) => w.groupId), 'uuid')}, ${arr(r.create.map((w) => w.personId), 'uuid')},
            ${arr(r.create.map((w) => w.startDate), 'date')}, ${arr(r.create.map((w) => w.endDate), 'date')}) as x(g, p, s, e)`);
      }
    }
  });
  addRejections(ctx.result, rejected);
}

interface StaffRow { id: string; group_id: string; person_id: string; grader: boolean; start_date: string; end_date: string | null }

/** The teachers of the activities' groups made equal to the source's (by duty → person), and a teaching
 *  group's subject set from the activity's syllabus. */
export async function writeActivities(ctx: ImportContext, activities: ActivityRecord[], subjects: Set<string>) {
  const rejected: Rejection[] = [];
  await ctx.db.transaction(async (tx) => {
    const groups = await known(tx, ctx, 'groups', activities.flatMap((a) => a.groupExternalIds));
    const duties = await known(tx, ctx, 'duties', activities.flatMap((a) => a.teachers.map((t) => t.dutyExternalId)));
    const personOfDuty = new Map((await rows<{ id: string; person_id: string; start_date: string }>(tx, sql`select id, person_id, start_date::text from duty
      where organiser_id = ${ctx.organiserId} and id = any(${arr([...new Set(duties.values())], 'uuid')})`)).map((r) => [r.id, r]));
    const want: { groupId: string; personId: string; grader: boolean; startDate: string; endDate: string | null }[] = [];
    const subjectOf: { groupId: string; code: string }[] = [];
    for (const a of activities) {
      for (const g of a.groupExternalIds) {
        const groupId = groups.get(g);
        if (!groupId) { rejected.push({ type: 'activities', id: a.externalId, reason: 'Aktivitetens grupp finns inte bland de importerade grupperna' }); continue; }
        if (a.subjectCode && subjects.has(a.subjectCode)) subjectOf.push({ groupId, code: a.subjectCode });
        for (const t of a.teachers) {
          const duty = personOfDuty.get(duties.get(t.dutyExternalId) ?? '');
          if (!duty) { rejected.push({ type: 'activities', id: a.externalId, reason: `Lärarens tjänstgöring ${t.dutyExternalId} finns inte bland de importerade` }); continue; }
          want.push({ groupId, personId: duty.person_id, grader: t.grader, startDate: t.startDate ?? duty.start_date, endDate: t.endDate });
        }
      }
    }
    const groupIds = [...new Set(activities.flatMap((a) => a.groupExternalIds.map((g) => groups.get(g)).filter((g): g is string => !!g)))];
    const have = await rows<StaffRow>(tx, sql`select id, group_id, person_id, grader, start_date::text, end_date::text from group_staff where organiser_id = ${ctx.organiserId}
      and assignment = 'teacher' and group_id = any(${arr(groupIds, 'uuid')})`);
    const r = reconcile(want, have, (w) => `${w.groupId}|${w.personId}|${w.startDate}`, (h) => `${h.group_id}|${h.person_id}|${h.start_date}`,
      (w, h) => w.grader === h.grader && w.endDate === h.end_date);
    const ending = r.missing.filter((h) => h.end_date === null || h.end_date > ctx.today);
    const count = ctx.result.counts.teachers;
    count.created += r.create.length; count.updated += r.update.length; count.unchanged += r.unchanged; count.deleted += ending.length;
    if (r.create.length) {
      const c = r.create;
      await tx.execute(sql`insert into group_staff (organiser_id, id, group_id, person_id, assignment, grader, start_date, end_date)
        select ${ctx.organiserId}, gen_random_uuid(), g, p, 'teacher', gr, s, e from unnest(${arr(c.map((w) => w.groupId), 'uuid')}, ${arr(c.map((w) => w.personId), 'uuid')},
          ${arr(c.map((w) => w.grader), 'boolean')}, ${arr(c.map((w) => w.startDate), 'date')}, ${arr(c.map((w) => w.endDate), 'date')}) as x(g, p, gr, s, e)`);
    }
    const changes = [...r.update.map((u) => ({ id: u.have.id, grader: u.want.grader, end: u.want.endDate })),
      ...ending.map((h) => ({ id: h.id, grader: h.grader, end: endDayOf(h.start_date, ctx.today) }))];
    if (changes.length) {
      await tx.execute(sql`update group_staff s set grader = x.gr, end_date = x.e
        from unnest(${arr(changes.map((c) => c.id), 'uuid')}, ${arr(changes.map((c) => c.grader), 'boolean')}, ${arr(changes.map((c) => c.end), 'date')}) as x(id, gr, e)
        where s.organiser_id = ${ctx.organiserId} and s.id = x.id`);
    }
    if (subjectOf.length) {
      const changed = await rows<{ id: string }>(tx, sql`update student_group g set subject_code = x.code
        from unnest(${arr(subjectOf.map((s) => s.groupId), 'uuid')}, ${arr(subjectOf.map((s) => s.code), 'text')}) as x(id, code)
        where g.organiser_id = ${ctx.organiserId} and g.id = x.id and g.group_type = 'teaching' and g.subject_code is distinct from x.code returning g.id`);
      ctx.result.counts.groups.updated += changed.length;
    }
  });
  addRejections(ctx.result, rejected);
}
