import { sql } from 'drizzle-orm';
import type { GeneratedLesson } from '../../domain/timetable/lessons.js';
import { groupScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface GroupRow { id: string; name: string; subjectCode: string | null; schoolUnitId: string }
export interface SlotRow { id: string; weekday: number; startTime: string; endTime: string; room: string | null }
export interface TimetableLessonRow { id: string; slotId: string | null; date: string; startTime: string; endTime: string; minutes: number;
  room: string | null; cancelled: boolean; cancelReason: string | null; reported: boolean }

/** The teaching groups of the actor's unit that run during the term (not those of earlier school years), with
 *  their number of slots in the term. */
export const readTeachingGroups = (q: Q, actor: Actor, termId: string) => rows<GroupRow & { slots: number }>(q, sql`select g.id, g.name,
    g.subject_code as "subjectCode", g.school_unit_id as "schoolUnitId",
    (select count(*)::int from lesson_slot s where s.organiser_id = g.organiser_id and s.group_id = g.id and s.term_id = ${termId}) as slots
  from student_group g join term t on t.organiser_id = g.organiser_id and t.id = ${termId}
  where ${groupScope(actor)} and g.group_type = 'teaching' and g.start_date <= t.end_date and (g.end_date is null or g.end_date >= t.start_date)`);

/** A group in the actor's scope (undefined otherwise: 404). */
export const readGroup = (q: Q, actor: Actor, groupId: string) => one<GroupRow>(q, sql`select g.id, g.name, g.subject_code as "subjectCode",
  g.school_unit_id as "schoolUnitId" from student_group g where ${groupScope(actor)} and g.id = ${groupId}`);

const slotColumns = sql`s.id, s.weekday, to_char(s.start_time, 'HH24:MI') as "startTime", to_char(s.end_time, 'HH24:MI') as "endTime", s.room`;

export const readSlots = (q: Q, organiserId: string, groupId: string, termId: string) => rows<SlotRow>(q, sql`select ${slotColumns}
  from lesson_slot s where s.organiser_id = ${organiserId} and s.group_id = ${groupId} and s.term_id = ${termId} order by s.weekday, s.start_time`);

/** A slot of a group in the actor's scope, with its group and term. */
export const readSlot = (q: Q, actor: Actor, slotId: string) => one<SlotRow & { groupId: string; termId: string }>(q, sql`select ${slotColumns},
  s.group_id as "groupId", s.term_id as "termId" from lesson_slot s join student_group g on g.organiser_id = s.organiser_id and g.id = s.group_id
  where ${groupScope(actor)} and s.id = ${slotId}`);

export const insertSlot = (q: Q, organiserId: string, s: SlotRow & { groupId: string; termId: string }) => q.execute(sql`insert into lesson_slot
  (organiser_id, id, group_id, term_id, weekday, start_time, end_time, room)
  values (${organiserId}, ${s.id}, ${s.groupId}, ${s.termId}, ${s.weekday}, ${s.startTime}::time, ${s.endTime}::time, ${s.room})`);

/** Inserts generated lessons of a group at its unit (a day the slot already has is left as it is). */
export async function insertLessons(q: Q, organiserId: string, group: GroupRow, lessons: GeneratedLesson[]): Promise<number> {
  if (!lessons.length) return 0;
  const p = (v: unknown[]) => sql.param(v);
  const res = await q.execute(sql`insert into lesson (organiser_id, id, group_id, school_unit_id, slot_id, lesson_date, start_time, end_time, minutes, room)
    select ${organiserId}::uuid, gen_random_uuid(), ${group.id}::uuid, ${group.schoolUnitId}::uuid, s, d, st, et, m, r
    from unnest(${p(lessons.map((l) => l.slotId))}::uuid[], ${p(lessons.map((l) => l.date))}::date[], ${p(lessons.map((l) => l.startTime))}::time[],
      ${p(lessons.map((l) => l.endTime))}::time[], ${p(lessons.map((l) => l.minutes))}::int2[], ${p(lessons.map((l) => l.room))}::text[]) as t(s, d, st, et, m, r)
    on conflict do nothing`);
  return (res as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (res as any).affectedRows ?? lessons.length;
}

/** Removes a slot: its lessons from `from` on without a roll call or a deviation go; the others stay, detached. */
export async function deleteSlot(q: Q, organiserId: string, slotId: string, from: string): Promise<{ removed: number; kept: number }> {
  const removed = await rows<{ id: string }>(q, sql`delete from lesson l where l.organiser_id = ${organiserId} and l.slot_id = ${slotId}
    and l.lesson_date >= ${from}::date
    and not exists (select 1 from roll_call rc where rc.organiser_id = l.organiser_id and rc.lesson_id = l.id)
    and not exists (select 1 from attendance_deviation d where d.organiser_id = l.organiser_id and d.lesson_id = l.id)
    returning l.id`);
  const kept = await rows<{ id: string }>(q, sql`update lesson set slot_id = null where organiser_id = ${organiserId} and slot_id = ${slotId} returning id`);
  await q.execute(sql`delete from lesson_slot where organiser_id = ${organiserId} and id = ${slotId}`);
  return { removed: removed.length, kept: kept.length };
}

/** The group's lessons in the term, with whether each is reported. */
export const readGroupLessons = (q: Q, organiserId: string, groupId: string, term: { startDate: string; endDate: string }) =>
  rows<TimetableLessonRow>(q, sql`select l.id, l.slot_id as "slotId", l.lesson_date::text as date, to_char(l.start_time, 'HH24:MI') as "startTime",
      to_char(l.end_time, 'HH24:MI') as "endTime", l.minutes, l.room, l.cancelled_at is not null as cancelled, l.cancel_reason as "cancelReason",
      exists (select 1 from roll_call rc where rc.organiser_id = l.organiser_id and rc.lesson_id = l.id) as reported
    from lesson l where l.organiser_id = ${organiserId} and l.group_id = ${groupId}
      and l.lesson_date between ${term.startDate}::date and ${term.endDate}::date order by l.lesson_date, l.start_time`);

/** A lesson of a group in the actor's scope. */
export const readLessonOfGroup = (q: Q, actor: Actor, lessonId: string) => one<TimetableLessonRow & { groupId: string; schoolUnitId: string }>(q, sql`
  select l.id, l.group_id as "groupId", l.school_unit_id as "schoolUnitId", l.lesson_date::text as date, l.cancelled_at is not null as cancelled,
    exists (select 1 from roll_call rc where rc.organiser_id = l.organiser_id and rc.lesson_id = l.id) as reported
  from lesson l join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id where ${groupScope(actor)} and l.id = ${lessonId}`);

export const setCancelled = (q: Q, organiserId: string, lessonId: string, reason: string | null) => q.execute(sql`update lesson
  set cancelled_at = ${reason === null ? null : sql`now()`}, cancel_reason = ${reason} where organiser_id = ${organiserId} and id = ${lessonId}`);
