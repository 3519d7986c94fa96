// Persons in one statement: the ids of a page (or of a lookup) joined to the person, its meta, and its
// enrolments and current responsibles as json_agg — no query per person.
import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.js';
import type { Ss12000Context } from '../../http/context.js';
import type { PersonRow } from './person-json.js';
import { personSeen, todayOf, unitSeen } from './scope.js';

/** `person p` with its meta `m`, as the FROM of a person list. */
export const personFrom = (ctx: Ss12000Context): SQL => sql`person p left join ss12000_entity m on m.organiser_id = ${ctx.organiserId}
  and m.entity_type = 'persons' and m.entity_id = p.id`;

/** The conditions every person query has: the organiser's, seen by the client. */
export const personBase = (ctx: Ss12000Context): SQL[] => [sql`p.organiser_id = ${ctx.organiserId}`, personSeen(ctx, sql`p.id`)];

/** JSON of a person reference (`x` a person alias). */
export const personRefJson = (x: string): SQL => {
  const a = sql.raw(x);
  return sql`json_build_object('id', ${a}.id, 'given', ${a}.given_name, 'family', ${a}.family_name, 'marking', ${a}.security_marking)`;
};

/** The person rows (with `_n` and sort keys) of the ids `ids` gives (columns id, _n, _k…), in that order. */
export async function personRows(ctx: Ss12000Context, ids: SQL): Promise<(PersonRow & Record<string, unknown>)[]> {
  const org = ctx.organiserId;
  return rows(ctx.db, sql`select page.*, p.given_name, p.family_name, p.civic_no, p.birth_date::text as birth_date, p.sex,
      p.security_marking, p.status, p.email, p.work_email, p.phone, p.work_phone, p.street_address, p.postal_code, p.city,
      m.created_at::text as created_at, m.modified_at::text as modified_at,
      (select json_agg(json_build_object('unitId', e.school_unit_id, 'unitName', u.name, 'schoolYear', e.school_year, 'form', e.school_form,
          'start', e.start_date::text, 'end', e.end_date::text) order by e.start_date, e.id)
        from enrolment e join school_unit u on u.organiser_id = e.organiser_id and u.id = e.school_unit_id
        where e.organiser_id = ${org} and e.person_id = p.id and ${unitSeen(ctx, sql`e.school_unit_id`)}) as enrolments,
      (select json_agg(${personRefJson('gp')} order by gp.family_name, gp.given_name, gp.id)
        from guardianship g join person gp on gp.organiser_id = g.organiser_id and gp.id = g.guardian_id
        where g.organiser_id = ${org} and g.child_id = p.id and g.start_date <= ${todayOf(ctx)}::date
          and (g.end_date is null or g.end_date >= ${todayOf(ctx)}::date) and ${personSeen(ctx, sql`gp.id`)}) as responsibles
    from (${ids}) page join person p on p.organiser_id = ${org} and p.id = page.id
    left join ss12000_entity m on m.organiser_id = ${org} and m.entity_type = 'persons' and m.entity_id = p.id
    order by page._n`);
}
