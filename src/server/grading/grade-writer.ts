import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { batcher } from '../platform/db/batcher.js';
import { rows, type Db } from '../platform/db/database.js';

/** One grade save, checked by the register service and ready to be written. */
export interface GradeWrite {
  organiserId: string;
  /** The grade row: an existing one to update at `expectedVersion`, or a new one to insert. */
  gradeId: string;
  expectedVersion: number | null;
  pupilId: string;
  subjectCode: string;
  groupId: string;
  termId: string;
  kind: 'term' | 'final';
  value: string | null;
  carriedOver: boolean;
  actor: { personId: string; role: string; unitId: string | null; ip: string | null };
  /** The history event's action ('registered', 'changed', 'carried_over') and what it changed from. */
  action: string;
  fromValue: string | null;
  fromState: string | null;
  requestId: string;
  /** The audit row's details. */
  details: Record<string, unknown>;
}

/** Whether the write was made (false: the grade had moved on since it was read) and when. */
export interface WriteOutcome { saved: boolean; registeredAt: string }

const cellKey = (w: GradeWrite) => `${w.organiserId}/${w.pupilId}/${w.subjectCode}/${w.kind === 'final' ? 'final' : w.termId}`;

/**
 * Group commit of grade saves (platform/db/batcher.ts): saves that arrive together are written in ONE
 * statement — grade rows, their history events and audit rows, one round trip and one commit — and each
 * request is answered after that commit. Two saves of the same cell never share a statement; the later
 * one's version check decides in the next.
 */
export function gradeWriter(db: Db) {
  const write = batcher<GradeWrite, WriteOutcome>({ run: (writes) => writeAll(db, writes), conflictKey: cellKey });
  return { write };
}

/**
 * Writes the saves in one statement: updates (only where the grade is still at the version read and still
 * registered), inserts (nothing when another insert of the cell won), and for each row written its history
 * event and audit row. Returns, in order, whether each was written. Prepared: its generic plan was checked
 * (index scans on the grade's key; the rest joins in memory), and planning it (≈1.4 ms) cost more than
 * running it, which at a low rate, with batches of one or two, was most of the database's work per save.
 */
async function writeAll(db: Db, writes: GradeWrite[]): Promise<WriteOutcome[]> {
  const col = <T>(f: (w: GradeWrite) => T) => sql.param(writes.map(f));
  const written = await rows<{ id: string; registered_at: string }>(db, sql`
    with i as (
      select * from unnest(
        ${col((w) => w.organiserId)}::uuid[], ${col((w) => w.gradeId)}::uuid[], ${col((w) => w.expectedVersion)}::int[],
        ${col((w) => w.pupilId)}::uuid[], ${col((w) => w.subjectCode)}::text[], ${col((w) => w.groupId)}::uuid[],
        ${col((w) => w.termId)}::uuid[], ${col((w) => w.kind)}::text[], ${col((w) => w.value)}::text[], ${col((w) => w.carriedOver)}::boolean[],
        ${col((w) => w.actor.personId)}::uuid[], ${col((w) => w.actor.role)}::text[], ${col((w) => w.actor.unitId)}::uuid[], ${col((w) => w.actor.ip)}::text[],
        ${col(() => randomUUID())}::uuid[], ${col((w) => w.action)}::text[], ${col((w) => w.fromValue)}::text[], ${col((w) => w.fromState)}::text[],
        ${col((w) => w.requestId)}::uuid[], ${col(() => randomUUID())}::uuid[], ${col((w) => JSON.stringify(w.details))}::text[]
      ) as t(organiser_id, grade_id, expected_version, pupil_id, subject_code, group_id, term_id, kind, value, carried_over,
             actor_id, actor_role, actor_unit_id, ip, event_id, action, from_value, from_state, request_id, audit_id, details)
    ),
    updated as (
      update grade g set value = i.value, version = g.version + 1, registered_by = i.actor_id, registered_at = now(),
             group_id = i.group_id, carried_over = i.carried_over
        from i where i.expected_version is not null and g.organiser_id = i.organiser_id and g.id = i.grade_id
         and g.version = i.expected_version and g.state = 'registered'
      returning g.id),
    inserted as (
      insert into grade (organiser_id, id, pupil_id, subject_code, group_id, term_id, kind, value, registered_by, carried_over)
      select organiser_id, grade_id, pupil_id, subject_code, group_id, term_id, kind, value, actor_id, carried_over
        from i where i.expected_version is null
      on conflict do nothing returning id),
    saved as (select id from updated union all select id from inserted),
    event as (
      insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state, request_id)
      select i.organiser_id, i.event_id, i.grade_id, i.actor_id, i.action, i.from_value, i.value, i.from_state, 'registered', i.request_id
        from i join saved s on s.id = i.grade_id),
    audited as (
      insert into audit_event (organiser_id, id, actor_person_id, actor_role, actor_unit_id, action, entity_type, entity_id, details, ip)
      select i.organiser_id, i.audit_id, i.actor_id, i.actor_role, i.actor_unit_id, 'grade.registered', 'grade', i.grade_id::text, i.details::jsonb, i.ip
        from i join saved s on s.id = i.grade_id)
    select s.id, to_char(now() at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as registered_at from saved s`, { prepared: true });
  const at = written[0]?.registered_at ?? '';
  const savedIds = new Set(written.map((r) => r.id));
  return writes.map((w) => ({ saved: savedIds.has(w.gradeId), registeredAt: at }));
}
