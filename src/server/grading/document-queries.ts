import { sql } from 'drizzle-orm';
import { pupilScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Queryable } from '../platform/db/database.js';
import { joinCurrentPlacement } from '../org/pupil-placement.js';
import type { TermRef } from '../../domain/grading/period.js';

type Q = Pick<Queryable, 'execute'>;

export interface DocPupil { id: string; given_name: string; family_name: string; civic_no: string | null; school_year: number | null;
  adapted_timetable: boolean | null; unit_id: string | null; unit_name: string | null; unit_code: string | null; class_name: string | null }

export const documentPupils = (q: Q, actor: Actor, pupilIds: string[]) => rows<DocPupil>(q, sql`
  select p.id, p.given_name, p.family_name, p.civic_no, e.school_year, e.adapted_timetable, e.school_unit_id as unit_id,
         u.name as unit_name, u.school_unit_code as unit_code, c.name as class_name
    from person p ${joinCurrentPlacement(actor.today)}
   where p.id = any(${sql.param(pupilIds)}::uuid[]) and ${pupilScope(actor)}`);

export interface DocGrade { pupil_id: string; subject_code: string; subject_name: string; value: string; carried_over: boolean; state: string;
  knowledge_development: string | null; support_measures: string | null; written_by: string | null }

export const documentGrades = (q: Q, organiserId: string, pupilIds: string[], kind: 'term' | 'final', termId: string) => rows<DocGrade>(q, sql`
  select gr.pupil_id, gr.subject_code, s.name as subject_name, gr.value, gr.carried_over, gr.state,
         wa.knowledge_development, wa.support_measures, wp.given_name || ' ' || wp.family_name as written_by
    from grade gr join subject s on s.code = gr.subject_code
    left join written_assessment wa on wa.organiser_id = gr.organiser_id and wa.grade_id = gr.id
    left join person wp on wp.organiser_id = wa.organiser_id and wp.id = wa.written_by
   where gr.organiser_id = ${organiserId} and gr.pupil_id = any(${sql.param(pupilIds)}::uuid[]) and gr.value is not null
     and ${kind === 'final' ? sql`gr.kind = 'final'` : sql`gr.kind = 'term' and gr.term_id = ${termId}`}
   order by s.sort_order`);

/** Invalid (ogiltig) absence minutes of each pupil within the term's dates. */
export const invalidAbsenceMinutes = (q: Q, organiserId: string, pupilIds: string[], term: TermRef) => rows<{ pupil_id: string; minutes: number }>(q, sql`
  select pupil_id, sum(minutes)::int as minutes from attendance_deviation
   where organiser_id = ${organiserId} and pupil_id = any(${sql.param(pupilIds)}::uuid[]) and not valid
     and occurred_on between ${term.startDate}::date and ${term.endDate}::date
   group by pupil_id`);

export interface DocumentRow { id: string; pupil_id: string; pupil_name: string; kind: 'term' | 'final'; term_id: string; sha256: string;
  created_at: string; signed_by_name: string | null; signed_at: string | null; handed_out_at: string | null; school_unit_id: string }

const ts = (col: string) => sql.raw(`to_char(${col} at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI')`);
export const documentColumns = sql`d.id, d.pupil_id, p.family_name || ', ' || p.given_name as pupil_name, d.kind, d.term_id, d.sha256, d.school_unit_id,
  ${ts('d.created_at')} as created_at, sp.given_name || ' ' || sp.family_name as signed_by_name, ${ts('d.signed_at')} as signed_at,
  ${ts('d.handed_out_at')} as handed_out_at`;
export const documentJoins = sql`join person p on p.organiser_id = d.organiser_id and p.id = d.pupil_id
  left join person sp on sp.organiser_id = d.organiser_id and sp.id = d.signed_by`;

/** The unit's current (not superseded) documents of a kind and term. */
export const listUnitDocuments = (q: Q, actor: Actor, kind: 'term' | 'final', termId: string) => rows<DocumentRow>(q, sql`
  select ${documentColumns} from grade_document d ${documentJoins}
   where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId} and d.kind = ${kind}
     and d.term_id = ${termId} and d.superseded_at is null`);
