import { sql } from 'drizzle-orm';
import { addDays, isoWeekday } from '../../../domain/timetable/calendar.js';
import { rows, type Queryable } from '../../platform/db/database.js';
import { hashSeed, Rng } from './random.js';
import { namedPersonId } from './staff.js';

/**
 * Demo development talks and extra adaptations at the first unit (Björkskolan), written after the timetables:
 * - for `vardnadshavare`'s child there: last spring's talk and this autumn's, both held and shared, the
 *   autumn one with the teachers' comments, goals and the follow-up of the spring goals; an adaptation in
 *   mathematics, shared, with a follow-up note;
 * - for six pupils of 9A (the class of `mentor`, where `larare` teaches mathematics): talks planned in the
 *   coming days, some with comments (never larare's, whose list "Inför utvecklingssamtal" has work in it);
 *   a few adaptations (general and in a subject, one evaluated).
 * Drawn from a generator of its own, so the rest of the demo data is the same as without it.
 */
type Q = Pick<Queryable, 'execute'>;
interface Teacher { id: string; name: string; subject: string }

const weekday = (day: string, forward: boolean) => { let d = day; while (isoWeekday(d) > 5) d = addDays(d, forward ? 1 : -1); return d; };

const COMMENTS: Record<string, string[]> = {
  MA: ['Säker på algebra och ekvationer. Behöver öva på att förklara sina lösningar i problemlösning.', 'Arbetar på bra och tar hjälp när det behövs. Geometrin behöver mer träning.'],
  SV: ['Läser mycket och skriver utförliga texter. Kan utveckla sina analyser av skönlitteratur.', 'Deltar aktivt i diskussioner. Behöver arbeta med textstruktur och styckeindelning.'],
  EN: ['Talar engelska med god säkerhet. Kan bredda ordförrådet i skriftliga uppgifter.', 'Förstår talad engelska väl; skriftlig produktion behöver mer övning.'],
  BI: ['Intresserad och nyfiken på laborationerna. Laborationsrapporterna kan bli mer noggranna.'],
  HI: ['Har goda kunskaper om tidsperioderna. Kan träna på att använda källor kritiskt.'],
  FY: ['Förstår begreppen kraft och energi. Kan bli säkrare på att dra slutsatser av mätningar.'],
  KE: ['Arbetar noggrant vid laborationer. Behöver repetera kemiska formler.'],
  TK: ['Kreativ i konstruktionsuppgifterna. Dokumentationen kan bli tydligare.'],
  GE: ['Läser kartor säkert. Kan utveckla resonemangen om orsaker och konsekvenser.'],
  RE: ['Resonerar nyanserat om etiska frågor. Kan använda fler begrepp från ämnet.'],
  SH: ['Följer nyheterna och deltar gärna i diskussioner. Kan stödja sina åsikter med fler argument.'],
  IDH: ['Deltar aktivt och samarbetar bra. Kan utveckla sin förmåga att planera träning.'],
  BL: ['Provar gärna nya tekniker. Kan berätta mer om sina bildval.'],
  MU: ['Spelar och sjunger med engagemang. Kan öva mer på att följa ensemblens tempo.'],
  SL: ['Arbetar självständigt i slöjdsalen. Kan utvärdera sitt arbete mer utförligt.'],
  HKK: ['Planerar matlagningen väl. Kan fördjupa kunskaperna om näring.'],
  M2SPA: ['Uttalar spanska bra och vågar tala. Behöver öva på verbböjningar.'],
  M2TYS: ['Förstår enkla texter väl. Behöver öva på ordföljd i skriftliga uppgifter.'],
  M2FRA: ['Har ett bra uttal. Kan öva mer på glosor mellan lektionerna.'],
  SVA: ['Har utvecklat sitt ordförråd. Kan öva på längre skriftliga texter.'],
};
const commentFor = (rng: Rng, subject: string) => rng.pick(COMMENTS[subject] ?? ['Arbetar bra på lektionerna och gör framsteg i ämnet.']);

export async function seedDevelopmentTalks(q: Q, organiserId: string, today: string): Promise<void> {
  const rng = new Rng(hashSeed('larka-demo:development-talks'));
  const org = organiserId;
  const unit = (await rows<{ id: string }>(q, sql`select id from school_unit where organiser_id = ${org} and name = 'Björkskolan'`))[0]?.id;
  if (!unit) return;
  const person = (id: string) => rows<{ name: string }>(q, sql`select given_name || ' ' || family_name as name from person where organiser_id = ${org} and id = ${id}`);
  const teachersOf = (pupilId: string) => rows<Teacher>(q, sql`select distinct on (g.subject_code) gs.person_id as id, s.given_name || ' ' || s.family_name as name, g.subject_code as subject
    from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'teaching' and g.school_unit_id = ${unit}
    join group_staff gs on gs.organiser_id = g.organiser_id and gs.group_id = g.id and gs.assignment = 'teacher' and gs.end_date is null
    join person s on s.organiser_id = gs.organiser_id and s.id = gs.person_id
    where m.organiser_id = ${org} and m.person_id = ${pupilId} and m.end_date is null order by g.subject_code, gs.person_id`);
  const mentorOf = async (pupilId: string) => (await rows<{ id: string; name: string }>(q, sql`select gs.person_id as id, s.given_name || ' ' || s.family_name as name
    from group_membership m join student_group c on c.organiser_id = m.organiser_id and c.id = m.group_id and c.group_type = 'class' and c.school_unit_id = ${unit}
    join group_staff gs on gs.organiser_id = c.organiser_id and gs.group_id = c.id and gs.assignment = 'mentor'
    join person s on s.organiser_id = gs.organiser_id and s.id = gs.person_id
    where m.organiser_id = ${org} and m.person_id = ${pupilId} and m.end_date is null order by gs.person_id limit 1`))[0];
  const talk = async (t: { pupilId: string; heldOn: string; status: 'planned' | 'held'; shared: boolean; by: string; participants: string; summary: string }) => {
    const id = rng.uuid();
    await q.execute(sql`insert into development_talk (organiser_id, id, pupil_id, school_unit_id, held_on, participants, summary, status, shared_at, created_by, created_at, updated_at)
      values (${org}, ${id}, ${t.pupilId}, ${unit}, ${t.heldOn}, ${t.participants}, ${t.summary}, ${t.status},
        ${t.shared ? sql`${t.heldOn}::date + time '16:00'` : sql`null`}, ${t.by}, ${addDays(t.heldOn, -14)}::date + time '09:00', ${t.heldOn}::date + time '16:00')`);
    return id;
  };
  const comment = (talkId: string, teacher: Teacher) => q.execute(sql`insert into development_talk_comment (organiser_id, id, talk_id, subject_code, teacher_id, comment)
    values (${org}, ${rng.uuid()}, ${talkId}, ${teacher.subject}, ${teacher.id}, ${commentFor(rng, teacher.subject)})`);
  let goalSeq = 0;
  const goal = async (talkId: string, g: [string, string, string, string], followUp?: { talkId: string; outcome: string; note: string }) => {
    // ids that sort in the order written (goals have no position column)
    const id = `00000000-0000-7000-8000-${String(++goalSeq).padStart(4, '0')}${rng.uuid().slice(-8)}`;
    await q.execute(sql`insert into development_talk_goal (organiser_id, id, talk_id, goal, pupil_does, school_does, home_does, follow_up_talk_id, follow_up_outcome, follow_up_note)
      values (${org}, ${id}, ${talkId}, ${g[0]}, ${g[1]}, ${g[2]}, ${g[3]}, ${followUp?.talkId ?? null}, ${followUp?.outcome ?? null}, ${followUp?.note ?? null})`);
  };
  const adaptation = async (a: { pupilId: string; subject: string | null; description: string; start: string; end: string | null; responsible: string; followUp: string | null;
    by: string; shared: boolean; evaluation?: string; note?: string }) => {
    const id = rng.uuid();
    await q.execute(sql`insert into extra_adaptation (organiser_id, id, pupil_id, school_unit_id, subject_code, description, start_date, end_date, responsible_id,
        follow_up_on, evaluation, evaluated_on, shared_at, created_by, created_at, updated_at)
      values (${org}, ${id}, ${a.pupilId}, ${unit}, ${a.subject}, ${a.description}, ${a.start}, ${a.end}, ${a.responsible}, ${a.followUp},
        ${a.evaluation ?? null}, ${a.evaluation ? a.end : null}, ${a.shared ? sql`${a.start}::date + time '15:00'` : sql`null`}, ${a.by},
        ${a.start}::date + time '14:00', ${a.start}::date + time '14:00')`);
    if (a.note) await q.execute(sql`insert into extra_adaptation_note (organiser_id, id, adaptation_id, noted_on, note, author_id, created_at)
      values (${org}, ${rng.uuid()}, ${id}, ${addDays(a.start, 21)}, ${a.note}, ${a.responsible}, ${addDays(a.start, 21)}::date + time '15:00')`);
  };

  // vardnadshavare's child at Björkskolan: spring and autumn talks, held and shared
  const guardian = namedPersonId('vardnadshavare');
  const child = (await rows<{ id: string; given: string }>(q, sql`select gu.child_id as id, p.given_name as given from guardianship gu
    join enrolment e on e.organiser_id = gu.organiser_id and e.person_id = gu.child_id and e.school_unit_id = ${unit} and e.end_date is null
    join person p on p.organiser_id = gu.organiser_id and p.id = gu.child_id
    where gu.organiser_id = ${org} and gu.guardian_id = ${guardian} order by gu.child_id limit 1`))[0];
  if (child) {
    const mentor = await mentorOf(child.id);
    const teachers = await teachersOf(child.id);
    const guardianName = (await person(guardian))[0]?.name ?? '';
    if (mentor) {
      const participants = `${child.given}, ${guardianName} (vårdnadshavare), ${mentor.name} (mentor)`;
      const spring = await talk({ pupilId: child.id, heldOn: weekday(addDays(today, -200), false), status: 'held', shared: true, by: mentor.id, participants,
        summary: `${child.given} trivs i klassen och har kommit igång bra med studierna. Vi pratade om studieteknik och om att planera veckan.` });
      const autumn = await talk({ pupilId: child.id, heldOn: weekday(addDays(today, -30), false), status: 'held', shared: true, by: mentor.id, participants,
        summary: `${child.given} har utvecklats i de flesta ämnen och tar mer ansvar för sin planering. Inför vårterminen och gymnasievalet fokuserar vi på matematik och på att lämna in uppgifter i tid.` });
      for (const teacher of teachers.filter((x) => ['MA', 'SV', 'EN', 'BI', 'HI'].includes(x.subject))) await comment(autumn, teacher);
      await goal(spring, ['Använda en veckoplanering', 'Skriver in läxor och prov i planeringen', 'Mentorn går igenom planeringen varannan vecka', 'Frågar om veckans planering på söndagar'],
        { talkId: autumn, outcome: 'met', note: 'Använder planeringen varje vecka.' });
      await goal(spring, ['Läsa 20 minuter om dagen', 'Väljer en bok i skolbiblioteket', 'Svenskläraren tipsar om böcker', 'Läser tillsammans ibland'],
        { talkId: autumn, outcome: 'partly', note: 'Läser oftare, men inte varje dag.' });
      await goal(autumn, ['Bli säkrare på problemlösning i matematik', 'Gör en extra uppgift i veckan och visar läraren', 'Läraren ger återkoppling på lösningarna', 'Frågar hur det går i matematiken']);
      await goal(autumn, ['Lämna in alla uppgifter i tid', 'Börjar med uppgifter samma vecka som de ges', 'Mentorn påminner en vecka före inlämning', 'Hjälper till att hitta lugn studietid hemma']);
      const ma = teachers.find((x) => x.subject === 'MA');
      await adaptation({ pupilId: child.id, subject: 'MA', description: 'Genomgångar även skriftligt och möjlighet att använda formelblad på prov.',
        start: weekday(addDays(today, -60), false), end: null, responsible: ma?.id ?? mentor.id, followUp: weekday(addDays(today, 12), true), by: ma?.id ?? mentor.id,
        shared: true, note: 'Formelbladet hjälper; Olle räknar med större säkerhet.'.replace('Olle', child.given) });
    }
  }

  // six pupils of 9A: talks planned in the coming days, some comments (never larare's), a few adaptations
  const nineA = await rows<{ id: string; given: string }>(q, sql`select m.person_id as id, p.given_name as given from group_membership m
    join student_group c on c.organiser_id = m.organiser_id and c.id = m.group_id and c.name = '9A' and c.group_type = 'class' and c.school_unit_id = ${unit}
    join person p on p.organiser_id = m.organiser_id and p.id = m.person_id
    where m.organiser_id = ${org} and m.end_date is null and not exists (select 1 from account a where a.organiser_id = m.organiser_id and a.person_id = m.person_id)
    order by p.family_name, p.given_name, m.person_id`);
  const mentor = namedPersonId('mentor');
  const larare = namedPersonId('larare');
  const picked = rng.shuffle([...nineA]).slice(0, 6);
  for (const [i, pupil] of picked.entries()) {
    const heldOn = weekday(addDays(today, 3 + i * 2), true);
    const id = await talk({ pupilId: pupil.id, heldOn, status: 'planned', shared: false, by: mentor, participants: '', summary: '' });
    for (const teacher of (await teachersOf(pupil.id)).filter((x) => x.id !== larare && rng.chance(0.5))) await comment(id, teacher);
  }
  for (const [i, pupil] of picked.slice(0, 3).entries()) {
    const start = weekday(addDays(today, -45 + i * 10), false);
    if (i === 0) {
      await adaptation({ pupilId: pupil.id, subject: null, description: 'Får instruktioner både muntligt och skriftligt och en lugn plats vid eget arbete.',
        start, end: null, responsible: mentor, followUp: weekday(addDays(today, 5), true), by: mentor, shared: true, note: 'Fungerar väl; eleven kommer snabbare igång.' });
    } else if (i === 1) {
      await adaptation({ pupilId: pupil.id, subject: 'SV', description: 'Anpassade texter och inlästa läromedel i svenska.', start, end: null,
        responsible: mentor, followUp: weekday(addDays(today, -2), false), by: mentor, shared: false });
    } else {
      await adaptation({ pupilId: pupil.id, subject: 'MA', description: 'Extra tid på prov i matematik.', start: weekday(addDays(today, -120), false),
        end: weekday(addDays(today, -20), false), responsible: larare, followUp: null, by: larare, shared: true,
        evaluation: 'Eleven klarar nu proven på ordinarie tid; anpassningen behövs inte längre.' });
    }
  }
}
