import { sql } from 'drizzle-orm';
import { pupilSupportScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface AdaptationRow {
  id: string; pupilId: string; unitId: string; subjectCode: string | null; subjectName: string | null; description: string;
  startDate: string; endDate: string | null; responsibleId: string; responsible: string; followUpOn: string | null;
  evaluation: string | null; evaluatedOn: string | null; sharedAt: string | null; createdBy: string; version: number;
}
export interface NoteRow { adaptationId: string; id: string; notedOn: string; note: string; author: string }

const select = sql`select a.id, a.pupil_id as "pupilId", a.school_unit_id as "unitId", a.subject_code as "subjectCode", s.name as "subjectName",
    a.description, to_char(a.start_date, 'YYYY-MM-DD') as "startDate", to_char(a.end_date, 'YYYY-MM-DD') as "endDate",
    a.responsible_id as "responsibleId", r.given_name || ' ' || r.family_name as responsible, to_char(a.follow_up_on, 'YYYY-MM-DD') as "followUpOn",
    a.evaluation, to_char(a.evaluated_on, 'YYYY-MM-DD') as "evaluatedOn", to_char(a.shared_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "sharedAt",
    cb.given_name || ' ' || cb.family_name as "createdBy", a.version
  from extra_adaptation a
  left join subject s on s.code = a.subject_code
  join person r on r.organiser_id = a.organiser_id and r.id = a.responsible_id
  join person cb on cb.organiser_id = a.organiser_id and cb.id = a.created_by`;

export const findAdaptation = (q: Q, actor: Actor, id: string, lock = false) =>
  one<AdaptationRow>(q, sql`${select} where a.id = ${id} and ${pupilSupportScope(actor, sql`a`)} ${lock ? sql`for update of a` : sql``}`);

export const listAdaptations = (q: Q, actor: Actor, pupilId: string) =>
  rows<AdaptationRow>(q, sql`${select} where a.organiser_id = ${actor.organiserId} and a.pupil_id = ${pupilId} and ${pupilSupportScope(actor, sql`a`)}`);

/** Follow-up notes of the given adaptations, oldest first. */
export const listNotes = (q: Q, organiserId: string, ids: string[]) => rows<NoteRow>(q, sql`select n.adaptation_id as "adaptationId", n.id,
    to_char(n.noted_on, 'YYYY-MM-DD') as "notedOn", n.note, au.given_name || ' ' || au.family_name as author
  from extra_adaptation_note n join person au on au.organiser_id = n.organiser_id and au.id = n.author_id
  where n.organiser_id = ${organiserId} and n.adaptation_id = any(${sql.param(ids)}::uuid[]) order by n.noted_on, n.created_at`);
