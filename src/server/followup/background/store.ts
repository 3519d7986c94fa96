import { sql } from 'drizzle-orm';
import type { PupilBackgroundRecord, UnitBackgroundRecord } from '../../../domain/followup/background-row.js';
import { followupUnitScope } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { rows, type Queryable } from '../../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;
const p = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

export interface UnitBackgroundRow {
  school_unit_id: string; unit_name: string; unit_code: string; school_year: string; parents_education: number | null; foreign_background_share: number | null;
  boys_share: number | null; newly_arrived_share: number | null; source: string; imported_at: string;
}

/** Units of the actor's follow-up scope (the analyst: all the organiser's units), by school unit code. */
export const unitsByCode = (q: Q, actor: Actor, codes: string[]) =>
  rows<{ id: string; code: string }>(q, sql`select u.id, u.school_unit_code as code from school_unit u
    where ${followupUnitScope(actor)} and u.school_unit_code = any(${p(codes, 'text')})`);

/** The unit background rows of the actor's units, of one school year or all, by unit name. */
export const listUnitBackground = (q: Q, actor: Actor, schoolYear: string | null) =>
  rows<UnitBackgroundRow>(q, sql`select b.school_unit_id, u.name as unit_name, u.school_unit_code as unit_code, b.school_year,
      b.parents_education::float8 as parents_education, b.foreign_background_share::float8 as foreign_background_share,
      b.boys_share::float8 as boys_share, b.newly_arrived_share::float8 as newly_arrived_share, b.source,
      to_char(b.imported_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as imported_at
    from unit_background b join school_unit u on u.organiser_id = b.organiser_id and u.id = b.school_unit_id
    where ${followupUnitScope(actor)} ${schoolYear ? sql`and b.school_year = ${schoolYear}` : sql``}
    order by b.school_year desc, u.name`);

/** Upserts unit background rows (one statement), by unit and school year. */
export async function upsertUnitBackground(q: Q, actor: Actor, list: (UnitBackgroundRecord & { unitId: string })[]) {
  if (list.length === 0) return;
  await q.execute(sql`insert into unit_background (organiser_id, school_unit_id, school_year, parents_education, foreign_background_share,
      boys_share, newly_arrived_share, source, imported_by, imported_at)
    select ${actor.organiserId}, x.u, x.y, x.pe, x.fb, x.bs, x.na, x.src, ${actor.personId}, now()
      from unnest(${p(list.map((r) => r.unitId), 'uuid')}, ${p(list.map((r) => r.schoolYear), 'text')}, ${p(list.map((r) => r.parentsEducation), 'numeric')},
        ${p(list.map((r) => r.foreignBackgroundShare), 'numeric')}, ${p(list.map((r) => r.boysShare), 'numeric')}, ${p(list.map((r) => r.newlyArrivedShare), 'numeric')},
        ${p(list.map((r) => r.source), 'text')}) as x(u, y, pe, fb, bs, na, src)
    on conflict (organiser_id, school_unit_id, school_year) do update set parents_education = excluded.parents_education,
      foreign_background_share = excluded.foreign_background_share, boys_share = excluded.boys_share, newly_arrived_share = excluded.newly_arrived_share,
      source = excluded.source, imported_by = excluded.imported_by, imported_at = excluded.imported_at`);
}

/** Pupils of the organiser (a person with an enrolment at any of its units, at any time), by civic number. */
export const pupilsByCivicNo = (q: Q, organiserId: string, civicNos: string[]) =>
  rows<{ id: string; civic_no: string }>(q, sql`select p.id, p.civic_no from person p where p.organiser_id = ${organiserId}
    and p.civic_no = any(${p(civicNos, 'text')}) and exists (select 1 from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id)`);

export interface PupilBackgroundRow { pupil_id: string; parents_post_secondary: boolean | null; foreign_background: boolean | null; source: string }

export const listPupilBackground = (q: Q, organiserId: string, pupilIds: string[]) =>
  rows<PupilBackgroundRow>(q, sql`select pupil_id, parents_post_secondary, foreign_background, source from pupil_background
    where organiser_id = ${organiserId} and pupil_id = any(${p(pupilIds, 'uuid')})`);

export async function upsertPupilBackground(q: Q, actor: Actor, list: (PupilBackgroundRecord & { pupilId: string })[]) {
  if (list.length === 0) return;
  await q.execute(sql`insert into pupil_background (organiser_id, pupil_id, parents_post_secondary, foreign_background, source, imported_by, imported_at)
    select ${actor.organiserId}, x.id, x.pps, x.fb, x.src, ${actor.personId}, now()
      from unnest(${p(list.map((r) => r.pupilId), 'uuid')}, ${p(list.map((r) => r.parentsPostSecondary), 'boolean')}, ${p(list.map((r) => r.foreignBackground), 'boolean')},
        ${p(list.map((r) => r.source), 'text')}) as x(id, pps, fb, src)
    on conflict (organiser_id, pupil_id) do update set parents_post_secondary = excluded.parents_post_secondary,
      foreign_background = excluded.foreign_background, source = excluded.source, imported_by = excluded.imported_by, imported_at = excluded.imported_at`);
}
