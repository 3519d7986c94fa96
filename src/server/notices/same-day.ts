import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SAME_DAY_KIND, sameDayNoticeText, type AbsentLesson } from '../../domain/notices/same-day.js';
import { guardianSeesChild, inForceOn } from '../platform/access/access.js';
import { one, rows, type Db, type Queryable } from '../platform/db/database.js';
import { sweeper, type Sweeper } from '../platform/jobs/sweeper.js';

type Q = Pick<Queryable, 'execute'>;

/** A pupil found absent without a valid reason on a day (as the roll-call tells it, inside its save). */
export interface InvalidAbsence { organiserId: string; pupilId: string; day: string }

/**
 * Same-day notice (DOMAIN.md §5): the guardians are told the same day when their child is absent without
 * a valid reason. Run by the notice worker for each request the roll call left (and by tests directly): one in-app `notice` per guardian who may
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

const BATCH = 200;

/**
 * Works off `notice_request` (written by the roll call in its own transaction): the waiting requests are
 * made into notices and e-mail and deleted, together in one transaction (each alone when that fails), half a
 * second after a roll call's commit (`kick`) and every 30 s for what is left. The teacher's click never
 * waits for it.
 */
export function sameDayNoticeWorker(opts: { db: Db; log: { warn(obj: object, msg: string): void }; afterWrite?: () => void }): Sweeper {
  const notices = sameDayNotices({ afterWrite: opts.afterWrite });
  type Due = { organiser_id: string; pupil_id: string; day: string };
  /** The requests made into notices and deleted in one transaction (one commit for many roll calls). */
  async function work(tx: Q, due: readonly Due[]): Promise<number> {
    let n = 0;
    for (const r of due) n += await notices.onInvalidAbsence(tx, [{ organiserId: r.organiser_id, pupilId: r.pupil_id, day: r.day }]);
    for (const r of due) {
      await tx.execute(sql`delete from notice_request where organiser_id = ${r.organiser_id} and pupil_id = ${r.pupil_id}
        and day = ${r.day}::date and kind = ${SAME_DAY_KIND}`);
    }
    return n;
  }
  async function run(): Promise<number> {
    let written = 0;
    for (;;) {
      const due = await rows<Due>(opts.db, sql`select organiser_id, pupil_id, to_char(day, 'YYYY-MM-DD') as day
        from notice_request where kind = ${SAME_DAY_KIND} order by created_at limit ${BATCH}`);
      let done = due.length;
      try {
        written += await opts.db.transaction((tx) => work(tx, due));
      } catch {
        // one bad request must not hold back the others: each alone, a failing one left for the next sweep
        done = 0;
        for (const r of due) {
          written += await opts.db.transaction((tx) => work(tx, [r])).then((n) => { done++; return n; }, () => 0);
        }
      }
      if (due.length < BATCH || done === 0) return written;
    }
  }
  // a little after the roll call's commit, so that the requests of a busy minute share a transaction
  return sweeper('same-day notices', run, { everyMs: 30_000, kickAfterMs: [500], log: opts.log });
}

/** The request for a same-day notice, as part of the statement of the roll call that found the absence. */
export const sameDayNoticeRequest = (organiserId: string, pupilId: string, day: string) => sql`insert into notice_request
  (organiser_id, pupil_id, day, kind) values (${organiserId}, ${pupilId}, ${day}::date, ${SAME_DAY_KIND}) on conflict do nothing returning 1`;

/** What a notice needs, read in ONE statement: the pupil and unit, whether the unit tells the same day, the
 *  mentor, the day's invalid absences, and the guardians who may see the child that day and have not been
 *  told yet today. */
interface NoticeFacts {
  given_name: string; unit_id: string | null; unit_name: string | null; phone: string | null; email: string | null;
  notice_on: boolean; mentor: string | null; lessons: AbsentLesson[]; guardians: { id: string; email: string | null }[];
}

async function noticeOne(tx: Q, { organiserId, pupilId, day }: InvalidAbsence): Promise<number> {
  const onDay = sql`${day}::date`;
  const pupil = await one<NoticeFacts>(tx, sql`
    select p.given_name, u.id as unit_id, u.name as unit_name, u.phone, u.email, coalesce(s.same_day_notice, true) as notice_on,
      (select mp.given_name || ' ' || mp.family_name from group_membership m
         join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type in ('class', 'mentor') and g.school_unit_id = u.id
         join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'mentor' and ${inForceOn(sql`gs.start_date`, sql`gs.end_date`, onDay)}
         join person mp on mp.organiser_id = gs.organiser_id and mp.id = gs.person_id
        where m.organiser_id = p.organiser_id and m.person_id = p.id and ${inForceOn(sql`m.start_date`, sql`m.end_date`, onDay)}
        order by g.group_type, mp.family_name limit 1) as mentor,
      (select coalesce(json_agg(json_build_object('subject', coalesce(sj.name, g.name), 'startTime', to_char(l.start_time, 'HH24:MI'),
                'endTime', to_char(l.end_time, 'HH24:MI')) order by l.start_time), '[]'::json)
         from attendance_deviation d
         join lesson l on l.organiser_id = d.organiser_id and l.id = d.lesson_id
         join student_group g on g.organiser_id = l.organiser_id and g.id = l.group_id
         left join subject sj on sj.code = g.subject_code
        where d.organiser_id = p.organiser_id and d.pupil_id = p.id and d.occurred_on = ${onDay} and d.kind = 'absent' and not d.valid) as lessons,
      (select coalesce(json_agg(json_build_object('id', gp.id, 'email', gp.email)), '[]'::json)
         from guardianship gu join person gp on gp.organiser_id = gu.organiser_id and gp.id = gu.guardian_id
        where gu.organiser_id = p.organiser_id and gu.child_id = p.id and ${guardianSeesChild(sql`gu`, sql`p`, day)}
          and not exists (select 1 from notice n where n.organiser_id = gu.organiser_id and n.recipient_id = gu.guardian_id
            and n.kind = ${SAME_DAY_KIND} and n.pupil_id = p.id and n.day = ${onDay})) as guardians
      from person p
      left join lateral (select e.school_unit_id from enrolment e where e.organiser_id = p.organiser_id and e.person_id = p.id
          and ${inForceOn(sql`e.start_date`, sql`e.end_date`, onDay)} order by e.start_date desc limit 1) e on true
      left join school_unit u on u.organiser_id = p.organiser_id and u.id = e.school_unit_id
      left join unit_absence_setting s on s.organiser_id = p.organiser_id and s.school_unit_id = e.school_unit_id
     where p.organiser_id = ${organiserId} and p.id = ${pupilId}`);
  if (!pupil || !pupil.notice_on || !pupil.unit_name || pupil.lessons.length === 0 || pupil.guardians.length === 0) return 0;
  const text = sameDayNoticeText(pupil.given_name, day, pupil.lessons, { unitName: pupil.unit_name, phone: pupil.phone, email: pupil.email, mentor: pupil.mentor });
  // ONE statement: the notices (once a day: a guardian told meanwhile is skipped), their e-mail and audit rows
  const told = pupil.guardians.map((g) => ({ ...g, noticeId: randomUUID() }));
  const param = (values: unknown[]) => sql.param(values);
  const written = await one<{ n: number }>(tx, sql`with g(guardian_id, email, notice_id) as (
        select * from unnest(${param(told.map((g) => g.id))}::uuid[], ${param(told.map((g) => g.email))}::text[], ${param(told.map((g) => g.noticeId))}::uuid[])),
      n as (insert into notice (organiser_id, id, recipient_id, pupil_id, kind, day, title, body)
        select ${organiserId}, g.notice_id, g.guardian_id, ${pupilId}, ${SAME_DAY_KIND}, ${onDay}, ${text.title}, ${text.body} from g
        on conflict (organiser_id, recipient_id, kind, pupil_id, day) do nothing returning id, recipient_id),
      m as (insert into mail_outbox (organiser_id, id, notice_id, to_address, subject, body_text)
        select ${organiserId}, gen_random_uuid(), n.id, g.email, ${`${text.title}: ${pupil.given_name}`}, ${text.body}
          from n join g on g.notice_id = n.id where g.email is not null returning 1),
      a as (insert into audit_event (organiser_id, id, action, entity_type, entity_id, details)
        select ${organiserId}, gen_random_uuid(), 'notice.same_day', 'notice', n.id::text,
          jsonb_build_object('personId', ${pupilId}::text, 'unitId', ${pupil.unit_id}::text, 'guardianId', n.recipient_id::text, 'day', ${day}::text,
            'email', g.email is not null)
          from n join g on g.notice_id = n.id returning 1)
    select (select count(*) from n)::int as n`);
  return written?.n ?? 0;
}
