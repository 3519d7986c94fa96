// /deletedEntities of the source → our register. We end rather than remove, so that what hangs on an
// entity (grades, attendance, documents) stays: a deleted person becomes inactive; a deleted group ends
// today with its memberships and staff; a deleted duty ends today. Deleted organisations are left alone
// (a school unit holds the history of its pupils); the administrator decides about them.
import { sql } from 'drizzle-orm';
import type { SsDeleted } from '../../../domain/ss12000-import/source-types.js';
import { rows } from '../../platform/db/database.js';
import { arr, type ImportContext } from './context.js';
import { resolveIds } from './links.js';

export async function writeDeletions(ctx: ImportContext, deleted: SsDeleted) {
  const org = ctx.organiserId; const today = ctx.today;
  await ctx.db.transaction(async (tx) => {
    const persons = [...(await resolveIds(tx, ctx, 'persons', deleted.persons ?? [])).values()];
    if (persons.length) {
      const done = await rows(tx, sql`update person set status = 'inactive', version = version + 1, updated_at = now()
        where organiser_id = ${org} and id = any(${arr(persons, 'uuid')}) and status <> 'inactive' returning id`);
      ctx.result.counts.persons.deleted += done.length;
    }
    const groups = [...(await resolveIds(tx, ctx, 'groups', deleted.groups ?? [])).values()];
    if (groups.length) {
      const ended = (table: string, col: string) => sql`update ${sql.raw(table)} set end_date = greatest(start_date, ${today}::date)
        where organiser_id = ${org} and ${sql.raw(col)} = any(${arr(groups, 'uuid')}) and (end_date is null or end_date > ${today}::date) returning id`;
      ctx.result.counts.groups.deleted += (await rows(tx, ended('student_group', 'id'))).length;
      ctx.result.counts.memberships.deleted += (await rows(tx, ended('group_membership', 'group_id'))).length;
      await tx.execute(ended('group_staff', 'group_id'));
    }
    const duties = [...(await resolveIds(tx, ctx, 'duties', deleted.duties ?? [])).values()];
    if (duties.length) {
      const done = await rows(tx, sql`update duty set end_date = greatest(start_date, ${today}::date)
        where organiser_id = ${org} and id = any(${arr(duties, 'uuid')}) and (end_date is null or end_date > ${today}::date) returning id`);
      ctx.result.counts.duties.deleted += done.length;
    }
  });
}
