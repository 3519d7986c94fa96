// A page of source groups → student_group (matched by link or same id) and their members; a teaching
// group takes its subject from the source's activity of it (the syllabus's subject code).
import { sql } from 'drizzle-orm';
import { mapGroup } from '../../../domain/ss12000-import/map-group.js';
import { endDayOf, reconcile } from '../../../domain/ss12000-import/reconcile.js';
import { addRejections } from '../../../domain/ss12000-import/counts.js';
import type { GroupRecord, MembershipRecord, Rejection } from '../../../domain/ss12000-import/records.js';
import type { SsGroup } from '../../../domain/ss12000-import/source-types.js';
import { rows } from '../../platform/db/database.js';
import { arr, type ImportContext, type Tx } from './context.js';
import { known, newIdFor, resolveIds, saveLinks } from './links.js';

interface GroupRow { id: string; school_unit_id: string; name: string; group_type: string; subject_code: string | null; start_date: string; end_date: string | null }
type Group = GroupRecord & { id: string; unitId: string; subjectCode: string | null };

const sameGroup = (g: Group, r: GroupRow) => g.name === r.name && g.groupType === r.group_type && g.unitId === r.school_unit_id && g.startDate === r.start_date
  && g.endDate === r.end_date && g.subjectCode === r.subject_code;

/** `subjectOfGroup`: the subject code the source's activities give a group (source id), if any. */
export async function writeGroups(ctx: ImportContext, page: SsGroup[], subjectOfGroup: Map<string, string>, subjects: Set<string>) {
  const rejected: Rejection[] = [];
  const records: GroupRecord[] = [];
  for (const g of page) { const m = mapGroup(g); if (m.ok) records.push(m.value); else rejected.push(m.rejection); }
  const count = ctx.result.counts.groups;
  await ctx.db.transaction(async (tx) => {
    const matched = await resolveIds(tx, ctx, 'groups', records.map((g) => g.externalId));
    const have = new Map((await rows<GroupRow>(tx, sql`select id, school_unit_id, name, group_type, subject_code, start_date::text, end_date::text from student_group
      where organiser_id = ${ctx.organiserId} and id = any(${arr([...matched.values()], 'uuid')})`)).map((r) => [r.id, r]));
    const used = new Set<string>();
    const create: Group[] = []; const update: Group[] = []; const written: Group[] = [];
    for (const g of records) {
      const unitId = ctx.ids.organisations.get(g.unitExternalId);
      if (!unitId) { rejected.push({ type: 'groups', id: g.externalId, reason: 'Gruppen hör till en skolenhet som inte importerats' }); continue; }
      const id = matched.get(g.externalId) ?? newIdFor(g.externalId, used);
      used.add(id);
      const row = have.get(id);
      let subjectCode: string | null = null;
      if (g.groupType === 'teaching') {
        subjectCode = subjectOfGroup.get(g.externalId) ?? row?.subject_code ?? null;
        if (!subjectCode) { rejected.push({ type: 'groups', id: g.externalId, reason: 'Undervisningsgruppen saknar ämne (ingen aktivitet med kursplan)' }); continue; }
        if (!subjects.has(subjectCode)) { rejected.push({ type: 'groups', id: g.externalId, reason: `Ämnet ”${subjectCode}” finns inte i Lärka` }); continue; }
      }
      const group = { ...g, id, unitId, subjectCode };
      written.push(group);
      if (!row) create.push(group); else if (sameGroup(group, row)) count.unchanged++; else update.push(group);
    }
    const cols = (l: Group[]) => sql`${arr(l.map((g) => g.id), 'uuid')}, ${arr(l.map((g) => g.unitId), 'uuid')}, ${arr(l.map((g) => g.name), 'text')}, ${arr(l.map((g) => g.groupType), 'text')},
      ${arr(l.map((g) => g.subjectCode), 'text')}, ${arr(l.map((g) => g.startDate), 'date')}, ${arr(l.map((g) => g.endDate), 'date')}`;
    if (create.length) {
      await tx.execute(sql`insert into student_group (organiser_id, id, school_unit_id, name, group_type, subject_code, start_date, end_date)
        select ${ctx.organiserId}, * from unnest(${cols(create)})`);
    }
    if (update.length) {
      await tx.execute(sql`update student_group g set school_unit_id = x.u, name = x.n, group_type = x.t, subject_code = x.s, start_date = x.sd, end_date = x.ed
        from unnest(${cols(update)}) as x(id, u, n, t, s, sd, ed) where g.organiser_id = ${ctx.organiserId} and g.id = x.id`);
    }
    count.created += create.length; count.updated += update.length;
    await saveLinks(tx, ctx, 'groups', written.map((g) => [g.externalId, g.id]));
    rejected.push(...await writeMemberships(tx, ctx, written));
  });
  addRejections(ctx.result, rejected);
}

interface MemberRow { id: string; group_id: string; person_id: string; start_date: string; end_date: string | null }
type WantMember = MembershipRecord & { groupId: string; personId: string };

/** The members of the groups made equal to the source's: new ones added, changed end dates taken, members
 *  the source no longer lists ended (a moved pupil keeps the old row). */
async function writeMemberships(tx: Tx, ctx: ImportContext, groups: Group[]): Promise<Rejection[]> {
  const rejected: Rejection[] = [];
  const persons = await known(tx, ctx, 'persons', groups.flatMap((g) => g.members.map((m) => m.personExternalId)));
  const want: WantMember[] = groups.flatMap((g) => g.members.flatMap((m) => {
    const personId = persons.get(m.personExternalId);
    if (!personId) { rejected.push({ type: 'groups', id: g.externalId, reason: `Medlemmen ${m.personExternalId} finns inte bland de importerade personerna` }); return []; }
    return [{ ...m, groupId: g.id, personId }];
  }));
  const have = await rows<MemberRow>(tx, sql`select id, group_id, person_id, start_date::text, end_date::text from group_membership
    where organiser_id = ${ctx.organiserId} and group_id = any(${arr(groups.map((g) => g.id), 'uuid')})`);
  const r = reconcile(want, have, (w) => `${w.groupId}|${w.personId}|${w.startDate}`, (h) => `${h.group_id}|${h.person_id}|${h.start_date}`, (w, h) => w.endDate === h.end_date);
  const ending = r.missing.filter((h) => h.end_date === null || h.end_date > ctx.today);
  const count = ctx.result.counts.memberships;
  count.created += r.create.length; count.updated += r.update.length; count.unchanged += r.unchanged; count.deleted += ending.length;
  if (r.create.length) {
    const c = r.create;
    await tx.execute(sql`insert into group_membership (organiser_id, id, group_id, person_id, start_date, end_date)
      select ${ctx.organiserId}, gen_random_uuid(), * from unnest(${arr(c.map((m) => m.groupId), 'uuid')}, ${arr(c.map((m) => m.personId), 'uuid')},
        ${arr(c.map((m) => m.startDate), 'date')}, ${arr(c.map((m) => m.endDate), 'date')})`);
  }
  const changes = [...r.update.map((u) => ({ id: u.have.id, e: u.want.endDate })), ...ending.map((h) => ({ id: h.id, e: endDayOf(h.start_date, ctx.today) }))];
  if (changes.length) {
    await tx.execute(sql`update group_membership m set end_date = x.e from unnest(${arr(changes.map((c) => c.id), 'uuid')}, ${arr(changes.map((c) => c.e), 'date')}) as x(id, e)
      where m.organiser_id = ${ctx.organiserId} and m.id = x.id`);
  }
  return rejected;
}
