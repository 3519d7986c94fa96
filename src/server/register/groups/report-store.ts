import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { rows, type Queryable } from '../../platform/db/database.js';

export interface ReportRow {
  id: string; groupId: string; groupName: string; kind: string; message: string;
  pupil: { id: string; name: string } | null; reportedBy: { id: string; name: string }; reportedAt: string;
  status: 'open' | 'resolved' | 'rejected'; resolvedBy: string | null; resolvedAt: string | null; resolution: string | null;
}

const at = (col: string) => sql.raw(`to_char(${col} at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI')`);

/** Reports about the unit's groups ("this group is wrong"), newest first; narrowed to a group, a reporter or a status. */
export function listReports(q: Pick<Queryable, 'execute'>, actor: Actor, by: { groupId?: string; reportedBy?: string; reportId?: string; status?: 'open' | 'handled' }) {
  return rows<ReportRow>(q, sql`
    select r.id, r.group_id as "groupId", g.name as "groupName", r.kind, r.message,
           case when r.pupil_id is null then null else json_build_object('id', r.pupil_id, 'name', pp.given_name || ' ' || pp.family_name) end as pupil,
           json_build_object('id', r.reported_by, 'name', rp.given_name || ' ' || rp.family_name) as "reportedBy", ${at('r.reported_at')} as "reportedAt",
           r.status, case when r.resolved_by is null then null else hp.given_name || ' ' || hp.family_name end as "resolvedBy",
           ${at('r.resolved_at')} as "resolvedAt", r.resolution
      from group_report r
      join student_group g on g.organiser_id = r.organiser_id and g.id = r.group_id
      join person rp on rp.organiser_id = r.organiser_id and rp.id = r.reported_by
      left join person pp on pp.organiser_id = r.organiser_id and pp.id = r.pupil_id
      left join person hp on hp.organiser_id = r.organiser_id and hp.id = r.resolved_by
     where r.organiser_id = ${actor.organiserId} and r.school_unit_id = ${actor.unitId}
       ${by.groupId ? sql`and r.group_id = ${by.groupId}` : sql``}
       ${by.reportedBy ? sql`and r.reported_by = ${by.reportedBy}` : sql``}
       ${by.reportId ? sql`and r.id = ${by.reportId}` : sql``}
       ${by.status === 'open' ? sql`and r.status = 'open'` : by.status === 'handled' ? sql`and r.status <> 'open'` : sql``}
     order by r.reported_at desc, r.id`);
}
