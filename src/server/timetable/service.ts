import { randomUUID } from 'node:crypto';
import { byName } from '../../domain/org/sorting.js';
import { generateLessons, slotProblem, type SlotProblem } from '../../domain/timetable/lessons.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import type { Db, Queryable } from '../platform/db/database.js';
import { AppError, badRequest, conflict, notFound } from '../platform/http/errors.js';
import { readHolidaysAt, readTerm, readTermsFrom, type TermRow } from './calendar-store.js';
import {
  deleteSlot, insertLessons, insertSlot, readGroup, readGroupLessons, readLessonOfGroup, readSlot, readSlots, readTeachingGroups, setCancelled,
  type GroupRow,
} from './store.js';

type Q = Pick<Queryable, 'execute'>;

const slotMessages: Record<SlotProblem, string> = {
  weekday: 'A lesson is on a weekday, Monday to Friday',
  times: 'A lesson lasts from 10 minutes to 4 hours and starts before it ends',
  school_hours: 'A lesson lies between 07:00 and 18:00',
  overlaps: 'The group already has a lesson at that time',
};

export interface SlotInput { termId: string; weekday: number; startTime: string; endTime: string; room?: string | null }

/**
 * Timetable administration (schema) for the unit's administrator: a teaching group's weekly slots per term,
 * which generate the term's lessons (holidays skipped); a single lesson can be cancelled with a reason.
 * Changing slots regenerates lessons from today on; a lesson whose roll call has been taken is never deleted.
 */
export function timetableService(db: Db) {
  const auditAs = (q: Q, actor: Actor, action: string, entityType: string, entityId: string, details: Record<string, unknown>) => audit(q, {
    organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
    action, entityType, entityId, details,
  });

  async function termOf(q: Q, actor: Actor, termId: string | undefined): Promise<TermRow> {
    const term = termId ? await readTerm(q, actor.organiserId, termId) : (await readTermsFrom(q, actor.organiserId, actor.today))[0];
    if (!term) throw notFound('No such term');
    return term;
  }
  async function groupOf(q: Q, actor: Actor, groupId: string): Promise<GroupRow> {
    requireAction(actor, 'register.administer');
    const group = await readGroup(q, actor, groupId);
    if (!group || group.subjectCode === null) throw notFound('No such teaching group at this unit');
    return group;
  }
  async function view(q: Q, actor: Actor, group: GroupRow, term: TermRow) {
    const [slots, lessons] = await Promise.all([readSlots(q, actor.organiserId, group.id, term.id), readGroupLessons(q, actor.organiserId, group.id, term)]);
    return { group: { id: group.id, name: group.name, subjectCode: group.subjectCode }, term, today: actor.today, slots, lessons };
  }

  return {
    /** The terms that have not ended and the unit's teaching groups with their number of slots in the term. */
    async groups(actor: Actor, termId?: string) {
      requireAction(actor, 'register.administer');
      const terms = await readTermsFrom(db, actor.organiserId, actor.today);
      const term = termId ? await termOf(db, actor, termId) : terms[0];
      const groups = term ? await readTeachingGroups(db, actor, term.id) : [];
      return { terms, term: term ?? null, groups: groups.sort(byName).map(({ schoolUnitId: _, ...g }) => g) };
    },

    async group(actor: Actor, groupId: string, termId?: string) {
      const group = await groupOf(db, actor, groupId);
      return view(db, actor, group, await termOf(db, actor, termId));
    },

    /** Adds a weekly slot and generates its lessons from today (or the term's start) to the term's end. */
    async addSlot(actor: Actor, groupId: string, input: SlotInput) {
      return db.transaction(async (tx) => {
        const group = await groupOf(tx, actor, groupId);
        const term = await termOf(tx, actor, input.termId);
        if (term.endDate < actor.today) throw conflict('term_ended', 'The term has ended: its timetable stays as it was');
        const others = await readSlots(tx, actor.organiserId, group.id, term.id);
        const problem = slotProblem(input, others);
        if (problem) throw problem === 'overlaps' ? conflict('slot_overlaps', slotMessages[problem]) : badRequest(slotMessages[problem], `slot_${problem}`);
        const slot = { id: randomUUID(), weekday: input.weekday, startTime: input.startTime, endTime: input.endTime, room: input.room?.trim() || null };
        await insertSlot(tx, actor.organiserId, { ...slot, groupId: group.id, termId: term.id });
        const holidays = await readHolidaysAt(tx, actor.organiserId, term.id, group.schoolUnitId);
        const lessons = await insertLessons(tx, actor.organiserId, group, generateLessons([slot], term, holidays, actor.today));
        await auditAs(tx, actor, 'lesson_slot.created', 'lesson_slot', slot.id,
          { groupId: group.id, unitId: group.schoolUnitId, termId: term.id, weekday: slot.weekday, startTime: slot.startTime, endTime: slot.endTime, room: slot.room, lessons });
        return view(tx, actor, group, term);
      });
    },

    /** Removes a slot: its lessons from today on go, unless their roll call has been taken. */
    async removeSlot(actor: Actor, slotId: string) {
      return db.transaction(async (tx) => {
        requireAction(actor, 'register.administer');
        const slot = await readSlot(tx, actor, slotId);
        if (!slot) throw notFound('No such lesson slot at this unit');
        const group = await groupOf(tx, actor, slot.groupId);
        const term = await termOf(tx, actor, slot.termId);
        const { removed, kept } = await deleteSlot(tx, actor.organiserId, slot.id, actor.today);
        await auditAs(tx, actor, 'lesson_slot.removed', 'lesson_slot', slot.id,
          { groupId: group.id, unitId: group.schoolUnitId, termId: term.id, weekday: slot.weekday, startTime: slot.startTime, endTime: slot.endTime, lessonsRemoved: removed, lessonsKept: kept });
        return view(tx, actor, group, term);
      });
    },

    /** Cancels one lesson with a reason (its pupils are not counted absent), or takes the cancellation back. */
    async setCancelled(actor: Actor, lessonId: string, reason: string | null) {
      return db.transaction(async (tx) => {
        requireAction(actor, 'register.administer');
        const lesson = await readLessonOfGroup(tx, actor, lessonId);
        if (!lesson) throw notFound('No such lesson at this unit');
        if (reason !== null && lesson.reported) throw new AppError(409, 'lesson_reported', 'The roll call of the lesson has been taken: it was held');
        await setCancelled(tx, actor.organiserId, lesson.id, reason);
        await auditAs(tx, actor, reason === null ? 'lesson.uncancelled' : 'lesson.cancelled', 'lesson', lesson.id,
          { groupId: lesson.groupId, unitId: lesson.schoolUnitId, date: lesson.date, reason });
        return { id: lesson.id, cancelled: reason !== null, cancelReason: reason };
      });
    },
  };
}

export type TimetableService = ReturnType<typeof timetableService>;
