// The guardians the source names for each child written in this run → guardianship: missing ones start
// today, ones the source no longer names end today. Set-based, in chunks of children.
import { sql } from 'drizzle-orm';
import { endDayOf, reconcile } from '../../../domain/ss12000-import/reconcile.js';
import { addRejections } from '../../../domain/ss12000-import/counts.js';
import type { Rejection } from '../../../domain/ss12000-import/records.js';
import { rows } from '../../platform/db/database.js';
import { arr, type ImportContext } from './context.js';
import { known } from './links.js';
import type { PendingGuardians } from './write-persons.js';

const CHUNK = 5_000;

export async function writeGuardianships(ctx: ImportContext, pending: PendingGuardians, progress: (done: number) => void) {
  const children = [...pending.keys()];
  const count = ctx.result.counts.guardianships;
  for (let i = 0; i < children.length; i += CHUNK) {
    const chunk = children.slice(i, i + CHUNK);
    const rejected: Rejection[] = [];
    await ctx.db.transaction(async (tx) => {
      const ids = await known(tx, ctx, 'persons', chunk.flatMap((c) => pending.get(c)!));
      const want = chunk.flatMap((child) => pending.get(child)!.flatMap((g) => {
        const guardian = ids.get(g);
        if (!guardian) { rejected.push({ type: 'persons', id: g, reason: 'Vårdnadshavaren finns inte bland de importerade personerna' }); return []; }
        return guardian === child ? [] : [{ child, guardian }];
      }));
      const have = await rows<{ id: string; child_id: string; guardian_id: string; start_date: string }>(tx, sql`select id, child_id, guardian_id, start_date::text
        from guardianship where organiser_id = ${ctx.organiserId} and child_id = any(${arr(chunk, 'uuid')}) and (end_date is null or end_date > ${ctx.today}::date)`);
      const r = reconcile(want, have, (w) => `${w.child}|${w.guardian}`, (h) => `${h.child_id}|${h.guardian_id}`, () => true);
      count.created += r.create.length; count.unchanged += r.unchanged; count.deleted += r.missing.length;
      if (r.create.length) {
        await tx.execute(sql`insert into guardianship (organiser_id, id, guardian_id, child_id, start_date)
          select ${ctx.organiserId}, gen_random_uuid(), g, c, ${ctx.today}::date from unnest(${arr(r.create.map((w) => w.guardian), 'uuid')}, ${arr(r.create.map((w) => w.child), 'uuid')}) as x(g, c)`);
      }
      if (r.missing.length) {
        await tx.execute(sql`update guardianship g set end_date = x.e from unnest(${arr(r.missing.map((h) => h.id), 'uuid')}, ${arr(r.missing.map((h) => endDayOf(h.start_date, ctx.today)), 'date')}) as x(id, e)
          where g.organiser_id = ${ctx.organiserId} and g.id = x.id`);
      }
    });
    addRejections(ctx.result, rejected);
    progress(chunk.length);
  }
}
