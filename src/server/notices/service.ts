import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';

const LIMIT = 100;

interface NoticeRow { id: string; kind: string; pupilId: string | null; day: string; title: string; body: string; createdAt: string; readAt: string | null }

/** A person's own in-app notices ("Meddelanden"), newest first, and marking one read. */
export function noticeService(db: Db) {
  async function list(actor: Actor) {
    const found = await rows<NoticeRow>(db, sql`select id, kind, pupil_id as "pupilId", to_char(day, 'YYYY-MM-DD') as day, title, body,
        created_at as "createdAt", read_at as "readAt"
      from notice where organiser_id = ${actor.organiserId} and recipient_id = ${actor.personId}
      order by created_at desc, id limit ${LIMIT}`);
    const unread = await one<{ n: number }>(db, sql`select count(*)::int as n from notice
      where organiser_id = ${actor.organiserId} and recipient_id = ${actor.personId} and read_at is null`);
    return {
      unread: unread?.n ?? 0,
      notices: found.map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), readAt: n.readAt && new Date(n.readAt).toISOString() })),
    };
  }

  async function markRead(actor: Actor, id: string) {
    await db.transaction(async (tx) => {
      const done = await rows<{ id: string; pupil_id: string | null }>(tx, sql`update notice set read_at = coalesce(read_at, now())
        where organiser_id = ${actor.organiserId} and recipient_id = ${actor.personId} and id = ${id} returning id, pupil_id`);
      if (!done.length) throw notFound('Notice not found');
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'notice.read', entityType: 'notice', entityId: id, details: { personId: done[0].pupil_id }, ip: actor.ip });
    });
    return list(actor);
  }

  return { list, markRead };
}

export type NoticeService = ReturnType<typeof noticeService>;
