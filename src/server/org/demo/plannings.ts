import { sql } from 'drizzle-orm';
import { addDays } from '../../../domain/timetable/calendar.js';
import { DEFAULT_YOUNG_SCALE } from '../../../domain/assessment/steps.js';
import { SUBJECTS } from '../../../domain/org/subjects.js';
import { cellId } from '../../assessment/cell-id.js';
import { rows as readRows, type Queryable } from '../../platform/db/database.js';
import { Rows, writeRows } from './bulk.js';
import type { Preset } from './context.js';
import type { Dataset } from './dataset.js';
import { hashSeed, Rng } from './random.js';
import type { UnitInfo } from './schools.js';

/**
 * Demo plannings and assessments. At the first three units (where the named accounts are; in the municipality
 * preset only for classes A and B, so its seed grows as little as the demo's): for the teaching groups of years 6–9 in MA, SV and EN and the classes
 * of years 4–5 in MA, a published planning that ended a week ago — picked content, 3–8 requirements of the
 * subject's stage, owned by the group's teacher (the class teacher for a class) — with assessments for most
 * pupils (mostly E/C, some A, some not yet; the default scale in years 4–5), shared with pupils and guardians on
 * about half of them; and a published planning running now, not yet assessed. Drawn from a generator of its
 * own, so the rest of the demo data is the same as without it.
 */
const SUBJECTS_6_9 = ['MA', 'SV', 'EN'];
const TITLES: Record<string, string[]> = {
  MA: ['Algebra och ekvationer', 'Geometri – area och volym', 'Sannolikhet och statistik', 'Procent och förändringsfaktor', 'Funktioner och grafer'],
  SV: ['Novellskrivning', 'Argumenterande text', 'Lyrik och bildspråk', 'Källkritik och nyhetstexter'],
  EN: ['Travel and culture', 'Writing a short story', 'News and media', 'English around the world'],
  MA45: ['Taluppfattning och bråk', 'Mätning och skala', 'Mönster och ekvationer'],
};
const COMMENTS = ['Visar god förståelse i muntliga genomgångar.', 'Behöver träna mer på att motivera sina lösningar.',
  'Utvecklade resonemang i den skriftliga uppgiften.', 'Arbetar noggrant och självständigt.', 'Kom igång bra, behöver mer tid för att bli säker.'];
const TEXTS = {
  learning: '<p>Under arbetsområdet ska du utveckla din förmåga att använda ämnets begrepp och metoder och att resonera om dem.</p>',
  teaching: '<p>Vi varvar genomgångar med arbete i par och enskilt. Varje vecka avslutas med en kort gemensam sammanfattning.</p>',
  assessment: '<p>Du visar dina kunskaper i lektionsuppgifter, muntliga redovisningar och en avslutande skriftlig uppgift.</p>',
};

export function newPlanningRows() {
  return {
    planning: new Rows('planning', {
      id: 'uuid', schoolUnitId: 'uuid', subjectCode: 'text', curriculumVersionId: 'uuid', title: 'text', periodStart: 'date', periodEnd: 'date',
      learningHtml: 'text', teachingHtml: 'text', assessmentHtml: 'text', status: 'text', publishedAt: 'timestamptz', assessmentsShared: 'bool',
      createdBy: 'uuid', createdAt: 'timestamptz',
    }),
    group: new Rows('planning_group', { planningId: 'uuid', groupId: 'uuid' }),
    owner: new Rows('planning_owner', { planningId: 'uuid', personId: 'uuid' }),
    content: new Rows('planning_content', { planningId: 'uuid', contentId: 'uuid', position: 'int2' }),
    requirement: new Rows('planning_requirement', { planningId: 'uuid', requirementId: 'uuid', position: 'int2' }),
    assessment: new Rows('assessment', {
      id: 'uuid', planningId: 'uuid', pupilId: 'uuid', requirementId: 'uuid', level: 'text', comment: 'text', pupilYear: 'int2',
      assessedOn: 'date', assessedBy: 'uuid', updatedAt: 'timestamptz', version: 'int4',
    }),
    event: new Rows('assessment_event', { id: 'uuid', assessmentId: 'uuid', level: 'text', comment: 'text', assessedOn: 'date', assessedBy: 'uuid', recordedAt: 'timestamptz' }),
  };
}

interface Stage { syllabusCode: string; yearFrom: number; yearTo: number; plain: boolean; requirements: string[]; content: string[] }

/** The stages of the curriculum version in force on `today`, with their requirement and content ids in order. */
export const readStages = (q: Pick<Queryable, 'execute'>, today: string) => readRows<Stage & { versionId: string }>(q, sql`select sy.code as "syllabusCode",
    sy.version_id as "versionId", st.year_from as "yearFrom", st.year_to as "yearTo", st.name not like '%,%' as plain,
    coalesce((select json_agg(k.id order by k.position) from knowledge_requirement k where k.stage_id = st.id), '[]'::json) as requirements,
    coalesce((select json_agg(c.id order by c.position) from central_content c where c.stage_id = st.id), '[]'::json) as content
  from syllabus sy join syllabus_stage st on st.syllabus_id = sy.id
  where sy.version_id = (select v.id from curriculum_version v where v.valid_from <= ${today}::date order by v.valid_from desc limit 1)
  order by sy.code, (st.name not like '%,%') desc, st.code`);

export interface PlanningOptions { ds: Dataset; units: UnitInfo[]; today: string; organiserId: string; preset: Preset; stages: (Stage & { versionId: string })[] }

/** Builds the demo plannings and assessments in memory (no I/O). */
export function buildPlannings(opts: PlanningOptions) {
  const { ds, today } = opts;
  const rng = new Rng(hashSeed('larka-demo:plannings'));
  const out = newPlanningRows();
  if (!opts.stages.length) return out;
  const versionId = opts.stages[0].versionId;
  const syllabusOf = new Map(SUBJECTS.map((s) => [s.code, s.syllabusCode]));
  const stageFor = (subject: string, year: number) => opts.stages.find((s) => s.syllabusCode === syllabusOf.get(subject) && s.yearFrom <= year && year <= s.yearTo && s.requirements.length);
  const units = new Set(opts.units.slice(0, 3).map((u) => u.id));
  const unitIndex = new Map(opts.units.map((u) => [u.id, u.index]));

  const staffOf = new Map<string, { teacher?: string; mentor?: string }>();
  for (let i = 0; i < ds.groupStaff.length; i++) {
    const g = ds.groupStaff.get(i, 'groupId') as string;
    const s = staffOf.get(g) ?? {};
    const kind = ds.groupStaff.get(i, 'assignment') as 'teacher' | 'mentor';
    s[kind] ??= ds.groupStaff.get(i, 'personId') as string;
    staffOf.set(g, s);
  }
  const membersOf = new Map<string, string[]>();
  for (let i = 0; i < ds.membership.length; i++) {
    const end = ds.membership.get(i, 'endDate') as string | null;
    if ((ds.membership.get(i, 'startDate') as string) > today || (end !== null && end < today)) continue;
    const g = ds.membership.get(i, 'groupId') as string;
    membersOf.set(g, [...(membersOf.get(g) ?? []), ds.membership.get(i, 'personId') as string]);
  }
  const ability = new Map<string, number>(); // a pupil's tendency, the same across subjects: -1 … 1
  const abilityOf = (p: string) => { if (!ability.has(p)) ability.set(p, rng.next() * 2 - 1); return ability.get(p)!; };
  const at = (day: string, time: string) => `${day} ${time} Europe/Stockholm`;

  const pastEnd = addDays(today, -7);
  const pastStart = addDays(pastEnd, -35);
  for (let i = 0; i < ds.group.length; i++) {
    const unitId = ds.group.get(i, 'schoolUnitId') as string;
    if (!units.has(unitId) || ds.group.get(i, 'endDate') && (ds.group.get(i, 'endDate') as string) < today) continue;
    const type = ds.group.get(i, 'groupType') as string;
    const year = ds.group.get(i, 'schoolYear') as number | null;
    const name = ds.group.get(i, 'name') as string;
    const groupId = ds.group.get(i, 'id') as string;
    // the municipality's units are five times larger: classes A and B only, so its seed grows as little as the demo's
    if (opts.preset === 'municipality' && !/^\d+[AB]\b/.test(name)) continue;
    let subject: string | null;
    let owner: string | undefined;
    if (type === 'teaching' && year !== null && year >= 6 && SUBJECTS_6_9.includes(ds.group.get(i, 'subjectCode') as string)) {
      subject = ds.group.get(i, 'subjectCode') as string;
      owner = staffOf.get(groupId)?.teacher;
    } else if (type === 'class' && (year === 4 || year === 5)) {
      subject = 'MA';
      owner = staffOf.get(groupId)?.mentor;
    } else continue;
    const stage = stageFor(subject, year);
    const pupils = membersOf.get(groupId) ?? [];
    if (!owner || !stage || !pupils.length) continue;
    const titles = TITLES[year <= 5 ? 'MA45' : subject];
    const first = rng.int(0, titles.length - 1);
    const requirements = rng.shuffle([...stage.requirements]).slice(0, Math.min(stage.requirements.length, rng.int(3, 8)))
      .sort((a, b) => stage.requirements.indexOf(a) - stage.requirements.indexOf(b));
    const content = rng.shuffle([...stage.content]).slice(0, rng.int(3, 6)).sort((a, b) => stage.content.indexOf(a) - stage.content.indexOf(b));
    // a shared past planning for the demo guardian's children (9B at the first unit, 4A at the second) and about half of the others
    const forced = (unitIndex.get(unitId) === 0 && name.startsWith('9B')) || (unitIndex.get(unitId) === 1 && name === '4A');
    const shared = forced || rng.chance(0.5);
    for (const past of [true, false]) {
      const id = rng.uuid();
      const [start, end] = past ? [pastStart, pastEnd] : [addDays(today, -6), addDays(today, 28)];
      out.planning.add({ id, schoolUnitId: unitId, subjectCode: subject, curriculumVersionId: versionId, title: titles[(first + (past ? 0 : 1)) % titles.length],
        periodStart: start, periodEnd: end, learningHtml: TEXTS.learning, teachingHtml: TEXTS.teaching, assessmentHtml: TEXTS.assessment,
        status: 'published', publishedAt: at(addDays(start, -3), '16:00'), assessmentsShared: past && shared, createdBy: owner, createdAt: at(addDays(start, -4), '15:30') });
      out.group.add({ planningId: id, groupId });
      out.owner.add({ planningId: id, personId: owner });
      content.forEach((c, n) => out.content.add({ planningId: id, contentId: c, position: n + 1 }));
      requirements.forEach((r, n) => out.requirement.add({ planningId: id, requirementId: r, position: n + 1 }));
      if (!past) continue;
      for (const pupil of pupils) {
        if (!forced && rng.chance(0.08)) continue; // absent at the assessment, not yet assessed
        const a = abilityOf(pupil);
        for (const r of requirements) {
          if (rng.chance(0.05)) continue;
          const level = year <= 5
            ? rng.weighted([[DEFAULT_YOUNG_SCALE[0], Math.max(2, 15 - a * 10)], [DEFAULT_YOUNG_SCALE[1], 45], [DEFAULT_YOUNG_SCALE[2], Math.max(5, 40 + a * 30)]] as const)
            : rng.weighted([['not_yet', Math.max(1, 7 - a * 6)], ['E', 40 - a * 15], ['C', 37 + a * 5], ['A', Math.max(2, 14 + a * 16)]] as const);
          const comment = rng.chance(0.1) ? rng.pick(COMMENTS) : null;
          const day = addDays(pastEnd, -rng.int(0, 5));
          const cell = cellId(opts.organiserId, id, pupil, r);
          out.assessment.add({ id: cell, planningId: id, pupilId: pupil, requirementId: r, level, comment, pupilYear: year, assessedOn: day,
            assessedBy: owner, updatedAt: at(day, '15:10'), version: 1 });
          out.event.add({ id: rng.uuid(), assessmentId: cell, level, comment, assessedOn: day, assessedBy: owner, recordedAt: at(day, '15:10') });
        }
      }
    }
  }
  return out;
}

/** Reads the curriculum, builds the demo plannings and writes them set-based. */
export async function seedDemoPlannings(q: Pick<Queryable, 'execute'>, opts: Omit<PlanningOptions, 'stages'>, lap?: (what: string) => void) {
  const out = buildPlannings({ ...opts, stages: await readStages(q, opts.today) });
  for (const r of Object.values(out)) {
    await writeRows(q, opts.organiserId, r as Rows<string>);
    lap?.(`wrote ${r.length} ${r.table}`);
  }
}
