import { sql } from 'drizzle-orm';
import type { Delegation } from '../../domain/access/delegation.js';
import type { ActionProgrammeDecision, ActionProgrammeStatus } from '../../domain/pupil-support/action-programme.js';
import { actionProgrammeScope, inForce, pupilSupportWriterScope } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface ProgrammeRow {
  id: string; pupilId: string; givenName: string; familyName: string; className: string | null;
  schoolUnitId: string; unitName: string; status: ActionProgrammeStatus;
  investigationReason: string; investigationStartedOn: string; investigationFindings: string; investigatedBy: string;
  decision: ActionProgrammeDecision | null; decisionReason: string | null; decidedById: string | null; decidedBy: string | null; decidedOn: string | null;
  needs: string; evaluateBy: string | null; evaluation: string | null; evaluatedOn: string | null;
  guardiansInformedOn: string | null; sharedAt: string | null; version: number;
  /** The actor writes about this pupil (their teacher or mentor today, or the unit's principal). */
  mayWrite: boolean;
  nextFollowUp: string | null;
}
export interface MeasureRow {
  id: string; programmeId: string; measure: string; responsibleId: string; responsible: string;
  followUpOn: string; followUpNote: string | null; followedUpOn: string | null;
}

const day = (col: string) => sql.raw(`to_char(${col}, 'YYYY-MM-DD')`);

const select = (actor: Actor) => sql`select ap.id, ap.pupil_id as "pupilId", p.given_name as "givenName", p.family_name as "familyName",
    (select string_agg(c.name, ', ' order by c.name) from group_membership cm join student_group c on c.organiser_id = cm.organiser_id
       and c.id = cm.group_id and c.group_type = 'class' and c.school_unit_id = ap.school_unit_id
      where cm.organiser_id = ap.organiser_id and cm.person_id = ap.pupil_id and ${inForce(sql`cm.start_date`, sql`cm.end_date`, actor.today)}) as "className",
    ap.school_unit_id as "schoolUnitId", su.name as "unitName", ap.status,
    ap.investigation_reason as "investigationReason", ${day('ap.investigation_started_on')} as "investigationStartedOn",
    ap.investigation_findings as "investigationFindings", ib.given_name || ' ' || ib.family_name as "investigatedBy",
    ap.decision, ap.decision_reason as "decisionReason", ap.decided_by as "decidedById",
    db.given_name || ' ' || db.family_name as "decidedBy", ${day('ap.decided_on')} as "decidedOn",
    ap.needs, ${day('ap.evaluate_by')} as "evaluateBy", ap.evaluation, ${day('ap.evaluated_on')} as "evaluatedOn",
    ${day('ap.guardians_informed_on')} as "guardiansInformedOn",
    to_char(ap.shared_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "sharedAt", ap.version,
    exists (select 1 from person p where p.organiser_id = ap.organiser_id and p.id = ap.pupil_id and ${pupilSupportWriterScope(actor)}) as "mayWrite",
    (select ${day('min(m.follow_up_on)')} from action_programme_measure m where m.organiser_id = ap.organiser_id and m.programme_id = ap.id
       and ap.status = 'programme' and (m.followed_up_on is null or m.followed_up_on < m.follow_up_on)) as "nextFollowUp"
  from action_programme ap
  join person p on p.organiser_id = ap.organiser_id and p.id = ap.pupil_id
  join school_unit su on su.organiser_id = ap.organiser_id and su.id = ap.school_unit_id
  join person ib on ib.organiser_id = ap.organiser_id and ib.id = ap.investigated_by
  left join person db on db.organiser_id = ap.organiser_id and db.id = ap.decided_by
 where ${actionProgrammeScope(actor)}`;

/** One programme the actor may read (undefined otherwise), locked for update when asked. */
export const findProgramme = (q: Q, actor: Actor, id: string, lock = false) =>
  one<ProgrammeRow>(q, sql`${select(actor)} and ap.id = ${id} ${lock ? sql`for update of ap` : sql``}`);

/** The programmes the actor may read: of one pupil, or (no pupil) every one they may read at the current unit. */
export const listProgrammes = (q: Q, actor: Actor, pupilId: string | null) =>
  rows<ProgrammeRow>(q, sql`${select(actor)} ${pupilId ? sql`and ap.pupil_id = ${pupilId}` : sql`and ap.school_unit_id = ${actor.unitId}`}
    order by ap.investigation_started_on desc, ap.created_at desc, ap.id`);

export const listMeasures = (q: Q, organiserId: string, programmeId: string) => rows<MeasureRow>(q, sql`select m.id, m.programme_id as "programmeId",
    m.measure, m.responsible_id as "responsibleId", r.given_name || ' ' || r.family_name as responsible,
    ${day('m.follow_up_on')} as "followUpOn", m.follow_up_note as "followUpNote", ${day('m.followed_up_on')} as "followedUpOn"
  from action_programme_measure m join person r on r.organiser_id = m.organiser_id and r.id = m.responsible_id
 where m.organiser_id = ${organiserId} and m.programme_id = ${programmeId}
 order by m.follow_up_on, m.measure, m.id`);

/** Who may be responsible for a measure: staff with a teacher or principal duty in force at the unit. */
export async function responsibleOptions(q: Q, actor: Actor, unitId: string) {
  const staff = await rows<{ id: string; name: string; familyName: string; givenName: string }>(q, sql`select distinct p.id,
      p.given_name || ' ' || p.family_name as name, p.family_name as "familyName", p.given_name as "givenName"
    from duty d join person p on p.organiser_id = d.organiser_id and p.id = d.person_id
   where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${unitId} and d.role in ('teacher', 'principal')
     and ${inForce(sql`d.start_date`, sql`d.end_date`, actor.today)}`);
  const collator = new Intl.Collator('sv');
  return staff.sort((a, b) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName))
    .map(({ id, name }) => ({ id, name }));
}

/** The actor's delegations to decide action programmes at the current unit. */
export async function programmeDelegations(q: Q, actor: Actor): Promise<Delegation[]> {
  if (!actor.unitId) return [];
  return rows<Delegation>(q, sql`select school_unit_id as "schoolUnitId", delegate_id as "delegateId", decision_kind as "decisionKind",
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", revoked_at is not null as revoked
    from delegation where organiser_id = ${actor.organiserId} and school_unit_id = ${actor.unitId} and delegate_id = ${actor.personId}
      and decision_kind = 'decide_action_programme'`);
}

/** The facts the decision document states beyond the programme: the pupil's civic number, the unit's code, the organiser. */
export const documentFacts = (q: Q, organiserId: string, pupilId: string, unitId: string) =>
  one<{ civicNo: string | null; unitCode: string; organiser: string }>(q, sql`select p.civic_no as "civicNo", su.school_unit_code as "unitCode", o.name as organiser
    from person p join school_unit su on su.organiser_id = p.organiser_id and su.id = ${unitId} join organiser o on o.id = p.organiser_id
   where p.organiser_id = ${organiserId} and p.id = ${pupilId}`);
