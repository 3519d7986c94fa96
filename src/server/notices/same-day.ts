import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SAME_DAY_KIND, sameDayNoticeText, type AbsentLesson } from '../../domain/notices/same-day.js';
import { inForceOn } from '../platform/access/access.js';
import { auditStatement } from '../platform/audit/audit.js';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

/** A pupil found absent without a valid reason on a day (as the roll-call tells it, inside its save). */
export interface InvalidAbsence { organiserId: string; pupilId: string; day: string }

/**
 * Same-day notice (DOMAIN.md §5): the guardians are told the same day when their child is absent without
 * a valid reason. Called inside the roll-call's save transaction: one in-app `notice` per guardian who may
 * see the child that day (custody in force; after 18 only with the pupil's consent) per pupil and day (the
 * unique index makes it once a day), and a `mail_outbox` row for each of them with an e-mail address. The
 * unit's setting same_day_notice off: nothing. `afterWrite` (the mail sender's kick) sends after commit.
 */
export function sameDayNotices(opts: { afterWrite?: () => void } = {}) {
  async function onInvalidAbsence(tx: Q, items: readonly InvalidAbsence[]): Promise<number> {
    const seen = new Set<string>();
    let written = 0;
    for (const item of items) {
      const key = `${item.organiserId}/${item.pupilId}/${item.day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      written += await noticeOne(tx, item);
    }
    if (written > 0) opts.afterWrite?.();
    return written;
  }
  return { onInvalidAbsence };
}

export type SameDayNotices = ReturnType<typeof sameDayNotices>;

async function noticeOne(tx: Q, { organiserId, pupilId, day }: InvalidAbsence): Promise<number> {
  const onDay = sql`${day}::date`;
  const pupil = await one<{ given_name: string; unit_id: string | null; unit_name: string | null; phone: string | null; email: string | null; notice_on: boolean; mentor: string | null }>(tx, sql`
    select p.given_name, u.id as unit_id, u.name as unit_name, u.phone, u.email, coalesce(s.same_day_notice, true) as notice_on,
      (select mp.given_name || ' ' || mp.family_name from group_membership m
         join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type in ('class', 'mentor') and g.school_unit_id = u.id
         join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'mentor' and ${inForceOn(sql`gs.start_date`, sql`gs.end_date`, onDay)}
         join person mp on mp.organiser_id = gs.organiser_id and mp.id = gs.person_id
        where m.organiser_id = p.organiser_id and m.person_id = p.id and ${inForceOn(sql`m.start_date`, sql`m.end_date`, onDay)}
        order by g.group_type, mp.family_name limit 1) as mentor
      from person p
      left join lateral (select e.school_unit_id from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
          and ${inForceOn(sql`e.start_date`, sql`e.end_date`, onDay)} order by e.start_date desc limit 1) e on true
      left join school_unit u on u.organiser_id = p.organiser_id and u.id = e.school_unit_id
      left join unit_absence_setting s on s.organiser_id = p.organiser_id and s.school_unit_id = e.school_unit_id
     where p.organiser_id = ${organiserId} and p.id = ${pupilId}`);
  if (!pupil || !pupil.notice_on || !pupil.unit_name) return 0;
  const lessons = await rows<AbsentLesson>(tx, sql`
    select coalesce(sj.name, g.name) as subject, to_char(l.start_time, 'HH24:MI') as "startTime", to_char(l.end_time, 'HH24:MI') as "endTime"
      from attendance_deviation d
      join lesson l on l.organiser_id = d.organiser_id and l.id = d.lesson_id
      join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
      left join subject sj on sj.code = g.subject_code
     where d.organiser_id = ${organiserId} and d.pupil_id = ${pupilId} and d.occurred_on = ${onDay} and d.kind = 'absent' and not d.valid`);
  if (lessons.length === 0) return 0;
  const text = sameDayNoticeText(pupil.given_name, day, lessons, { unitName: pupil.unit_name, phone: pupil.phone, email: pupil.email, mentor: pupil.mentor });
  const guardians = await rows<{ id: string; email: string | null }>(tx, sql`
    select gp.id, gp.email from guardianship gu
      join person gp on gp.organiser_id = gu.organiser_id and gp.id = gu.guardian_id
      join person c on c.organiser_id = gu.organiser_id and c.id = gu.child_id
     where gu.organiser_id = ${organiserId} and gu.child_id = ${pupilId} and ${inForceOn(sql`gu.start_date`, sql`gu.end_date`, onDay)}
       and (c.birth_date is null or c.birth_date + interval '18 years' > ${onDay}
            or exists (select 1 from guardian_consent gc where gc.organiser_id = gu.organiser_id and gc.pupil_id = gu.child_id
                         and gc.guardian_id = gu.guardian_id and gc.revoked_at is null))`);
  let written = 0;
  for (const g of guardians) {
    const id = randomUUID();
    const made = await rows<{ id: string }>(tx, sql`insert into notice (organiser_id, id, recipient_id, pupil_id, kind, day, title, body)
      values (${organiserId}, ${id}, ${g.id}, ${pupilId}, ${SAME_DAY_KIND}, ${day}, ${text.title}, ${text.body})
      on conflict (organiser_id, recipient_id, kind, pupil_id, day) do nothing returning id`);
    if (!made.length) continue; // told already today
    written++;
    if (g.email) {
      await tx.execute(sql`insert into mail_outbox (organiser_id, id, notice_id, to_address, subject, body_text)
        values (${organiserId}, ${randomUUID()}, ${id}, ${g.email}, ${`${text.title}: ${pupil.given_name}`}, ${text.body})`);
    }
    await tx.execute(auditStatement({ organiserId, action: 'notice.same_day', entityType: 'notice', entityId: id,
      details: { personId: pupilId, unitId: pupil.unit_id, guardianId: g.id, day, email: g.email !== null } }));
  }
  return written;
}
