import { sql } from 'drizzle-orm';
import { addDays } from '../../../domain/timetable/calendar.js';
import { rows, type Queryable } from '../../platform/db/database.js';
import { Rng, hashSeed } from './random.js';

type Q = Pick<Queryable, 'execute'>;

interface DemoCase {
  status: 'investigation' | 'programme' | 'evaluated' | 'no_programme';
  startedDaysAgo: number;
  reason: string;
  findings: string;
  needs: string;
  decisionReason?: string;
  decidedDaysAgo?: number;
  evaluateInDays: number;
  evaluation?: string;
  measures: { measure: string; by: 'larare' | 'other'; followUpInDays: number }[];
}

/** Cases at Björkskolan among the pupils `larare` teaches: one awaiting the principal's decision, one
 *  programme in force with a follow-up of larare's due soon, one evaluated, one decided without a programme. */
const CASES: DemoCase[] = [
  {
    status: 'investigation', startedDaysAgo: 12,
    reason: 'Eleven når inte kunskapskraven i matematik trots extra anpassningar sedan förra terminen.',
    findings: 'Kartläggning av speciallärare visar svag taluppfattning och svårt att komma igång med uppgifter. Samtal med eleven och vårdnadshavare har hållits.',
    needs: 'Eleven behöver särskilt stöd i matematik: enskild undervisning i taluppfattning och stöd att komma igång.',
    evaluateInDays: 90,
    measures: [
      { measure: 'Enskild undervisning i matematik med speciallärare två lektioner i veckan', by: 'other', followUpInDays: 30 },
      { measure: 'Anpassat läromedel och dagliga korta färdighetsövningar', by: 'larare', followUpInDays: 21 },
    ],
  },
  {
    status: 'programme', startedDaysAgo: 70, decidedDaysAgo: 45,
    reason: 'Stora svårigheter med läsförståelse som påverkar flera ämnen.',
    findings: 'Screening och samtal visar att eleven läser långsamt och tappar sammanhanget i längre texter. Extra anpassningar har inte räckt.',
    needs: 'Eleven behöver särskilt stöd i läsförståelse och tillgång till inlästa läromedel i alla ämnen.',
    decisionReason: 'Utredningen visar att eleven trots extra anpassningar inte når kunskapskraven. Särskilt stöd ges enligt åtgärdsprogrammet.',
    evaluateInDays: 40,
    measures: [
      { measure: 'Inlästa läromedel och talsyntes i alla ämnen', by: 'larare', followUpInDays: 6 },
      { measure: 'Lästräning med speciallärare tre gånger i veckan', by: 'other', followUpInDays: 20 },
    ],
  },
  {
    status: 'evaluated', startedDaysAgo: 260, decidedDaysAgo: 230, evaluateInDays: -20,
    reason: 'Hög frånvaro från lektioner i matematik och svårt att följa undervisningen.',
    findings: 'Eleven har haft svårt med koncentrationen i helklass. Elevhälsan har varit delaktig.',
    needs: 'Eleven behöver undervisning i mindre grupp under matematiklektionerna.',
    decisionReason: 'Eleven behöver särskilt stöd i form av undervisning i mindre grupp.',
    evaluation: 'Eleven når nu kunskapskraven. Stödet fortsätter som extra anpassningar inom ordinarie undervisning.',
    measures: [{ measure: 'Undervisning i mindre grupp under matematiklektionerna', by: 'larare', followUpInDays: -120 }],
  },
  {
    status: 'no_programme', startedDaysAgo: 50, decidedDaysAgo: 30, evaluateInDays: 0,
    reason: 'Oro från vårdnadshavare över resultaten i engelska.',
    findings: 'Kartläggningen visar att eleven ligger i nivå med årskursen; svårigheterna gäller enstaka moment.',
    needs: '',
    decisionReason: 'Utredningen visar att eleven inte är i behov av särskilt stöd. Extra anpassningar i engelska fortsätter.',
    measures: [],
  },
];

/**
 * Demo åtgärdsprogram (own generator, seeded by a fixed string, so the rest of the demo stays the same).
 * Pupils are picked among those `larare` teaches at Björkskolan today, never one with an account of their
 * own or a guardian with one (the named demo families stay free for trying the workflow from the start).
 */
export async function seedActionProgrammes(q: Q, org: string, today: string): Promise<number> {
  const rng = new Rng(hashSeed('larka-demo:action-programmes'));
  const people = await rows<{ username: string; id: string }>(q, sql`select username, person_id as id from account
    where organiser_id = ${org} and username in ('larare', 'rektor')`);
  const larare = people.find((p) => p.username === 'larare')?.id;
  const rektor = people.find((p) => p.username === 'rektor')?.id;
  if (!larare || !rektor) return 0;
  const pupils = await rows<{ id: string; unitId: string }>(q, sql`select distinct m.person_id as id, g.school_unit_id as "unitId"
    from group_staff gs
    join student_group g on g.organiser_id = gs.organiser_id and g.id = gs.group_id and g.group_type = 'teaching'
    join school_unit su on su.organiser_id = g.organiser_id and su.id = g.school_unit_id and su.name = 'Björkskolan'
    join group_membership m on m.organiser_id = g.organiser_id and m.group_id = g.id
   where gs.organiser_id = ${org} and gs.person_id = ${larare}
     and gs.start_date <= ${today}::date and (gs.end_date is null or gs.end_date >= ${today}::date)
     and m.start_date <= ${today}::date and (m.end_date is null or m.end_date >= ${today}::date)
     and not exists (select 1 from account a where a.organiser_id = m.organiser_id and a.person_id = m.person_id)
     and not exists (select 1 from guardianship gu join account a on a.organiser_id = gu.organiser_id and a.person_id = gu.guardian_id
       where gu.organiser_id = m.organiser_id and gu.child_id = m.person_id)
   order by m.person_id`);
  if (pupils.length < CASES.length) return 0;
  const unitId = pupils[0].unitId;
  const others = await rows<{ id: string }>(q, sql`select distinct d.person_id as id from duty d
    where d.organiser_id = ${org} and d.school_unit_id = ${unitId} and d.role = 'teacher' and d.person_id <> ${larare}
      and not exists (select 1 from account a where a.organiser_id = d.organiser_id and a.person_id = d.person_id)
      and d.start_date <= ${today}::date and (d.end_date is null or d.end_date >= ${today}::date) order by d.person_id`);
  const chosen = rng.shuffle([...pupils]).slice(0, CASES.length);
  const other = others.length ? rng.pick(others).id : larare;
  const day = (n: number) => addDays(today, n);

  for (const [i, c] of CASES.entries()) {
    const id = rng.uuid();
    const decided = c.status !== 'investigation';
    const startedBy = i % 2 === 0 ? larare : rektor;
    await q.execute(sql`insert into action_programme (organiser_id, id, pupil_id, school_unit_id, status, investigation_reason, investigation_started_on,
        investigation_findings, investigated_by, decision, decision_reason, decided_by, decided_on, needs, evaluate_by, evaluation, evaluated_on,
        guardians_informed_on, shared_at, version)
      values (${org}, ${id}, ${chosen[i].id}, ${unitId}, ${c.status}, ${c.reason}, ${day(-c.startedDaysAgo)}, ${c.findings}, ${startedBy},
        ${decided ? (c.status === 'no_programme' ? 'no_programme' : 'programme') : null}, ${c.decisionReason ?? null}, ${decided ? rektor : null},
        ${decided ? day(-c.decidedDaysAgo!) : null}, ${c.needs}, ${c.measures.length ? day(c.evaluateInDays) : null},
        ${c.evaluation ?? null}, ${c.status === 'evaluated' ? day(c.evaluateInDays) : null},
        ${decided ? day(-c.decidedDaysAgo! + 2) : null}, ${decided ? sql`(${day(-c.decidedDaysAgo! + 2)}::date + time '15:00') at time zone 'Europe/Stockholm'` : null},
        ${decided ? 4 : 2})`);
    for (const m of c.measures) {
      const followedUp = c.status === 'evaluated';
      await q.execute(sql`insert into action_programme_measure (organiser_id, id, programme_id, measure, responsible_id, follow_up_on, follow_up_note, followed_up_on)
        values (${org}, ${rng.uuid()}, ${id}, ${m.measure}, ${m.by === 'larare' ? larare : other}, ${day(m.followUpInDays)},
          ${followedUp ? `${day(m.followUpInDays)}: Åtgärden fungerar; eleven deltar aktivt.` : null}, ${followedUp ? day(m.followUpInDays) : null})`);
    }
  }
  return CASES.length;
}
