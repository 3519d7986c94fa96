import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { cleanAnswers, reflectionProblem, TEACHER_QUESTIONS } from '../../domain/followup/reflection.js';
import { followupGroupScope, followupReflectionScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';

type Q = Pick<Queryable, 'execute'>;
export interface ReflectionInput { answers: Record<string, string | undefined>; notes: string; version: number | null }
export interface Reflection { id: string; authorId: string; authorName: string; answers: Record<string, string>; notes: string; updatedAt: string; version: number }

const sv = new Intl.Collator('sv');

const groupOf = (q: Q, actor: Actor, groupId: string) => one<{ id: string; name: string }>(q, sql`
  select g.id, g.name from student_group g where g.id = ${groupId} and ${followupGroupScope(actor)}`);

const reflectionsOf = (q: Q, actor: Actor, groupId: string) => rows<Reflection>(q, sql`
  select r.id, r.author_id as "authorId", trim(p.given_name || ' ' || p.family_name) as "authorName", r.answers, r.notes,
         to_char(r.updated_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "updatedAt", r.version
    from followup_reflection r join person p on p.organiser_id = r.organiser_id and p.id = r.author_id
   where r.group_id = ${groupId} and ${followupReflectionScope(actor)}`);

/**
 * The teacher's reflection on a group's grades against the national test (the questions of the general
 * advice), one per teacher and group. The grading teacher writes their own (version-checked, audited); the
 * unit's principal reads every teacher's reflection on the unit's groups. No one else reads them.
 */
export function reflectionService(db: Db) {
  async function view(q: Q, actor: Actor, groupId: string) {
    const group = await groupOf(q, actor, groupId);
    if (!group) throw notFound('Group not found');
    const found = (await reflectionsOf(q, actor, groupId)).sort((a, b) => sv.compare(a.authorName, b.authorName));
    const teacher = actor.role === 'teacher';
    return {
      group, questions: TEACHER_QUESTIONS.map((x) => ({ key: x.key, text: x.text })), mayWrite: teacher,
      mine: teacher ? found.find((r) => r.authorId === actor.personId) ?? null : null,
      reflections: teacher ? [] : found,
    };
  }

  return {
    async get(actor: Actor, groupId: string) {
      requireAction(actor, 'followup.view');
      if (actor.role !== 'teacher' && actor.role !== 'principal') throw notFound('Group not found');
      return view(db, actor, groupId);
    },

    async save(actor: Actor, groupId: string, input: ReflectionInput) {
      requireAction(actor, 'followup.reflect');
      const given = Object.fromEntries(Object.entries(input.answers).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const problem = reflectionProblem(given, input.notes);
      if (problem) throw new AppError(422, problem, 'The reflection cannot be stored');
      const answers = cleanAnswers(given);
      const notes = input.notes.trim();
      return db.transaction(async (tx) => {
        if (!(await groupOf(tx, actor, groupId))) throw notFound('Group not found');
        const current = await one<{ id: string; version: number }>(tx, sql`select id, version from followup_reflection
          where organiser_id = ${actor.organiserId} and group_id = ${groupId} and author_id = ${actor.personId} for update`);
        if ((current?.version ?? null) !== input.version) {
          throw conflict('stale_version', 'The reflection was changed elsewhere', { current: (await view(tx, actor, groupId)).mine });
        }
        const id = current?.id ?? randomUUID();
        if (current) {
          await tx.execute(sql`update followup_reflection set answers = ${JSON.stringify(answers)}::jsonb, notes = ${notes},
            version = version + 1, updated_at = now() where organiser_id = ${actor.organiserId} and id = ${id}`);
        } else {
          await tx.execute(sql`insert into followup_reflection (organiser_id, id, group_id, author_id, answers, notes)
            values (${actor.organiserId}, ${id}, ${groupId}, ${actor.personId}, ${JSON.stringify(answers)}::jsonb, ${notes})`);
        }
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
          action: 'followup.reflection.saved', entityType: 'followup_reflection', entityId: id,
          details: { groupId, unitId: actor.unitId, answered: Object.keys(answers), notes: notes.length > 0 }, ip: actor.ip });
        return view(tx, actor, groupId);
      });
    },
  };
}
