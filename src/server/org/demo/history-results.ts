import { NATIONAL_TESTS } from '../../../domain/national-tests/catalogue.js';
import type { Ctx } from './context.js';
import {
  assignDeviations, BALANCED_MIX, type DeviationMix, GENEROUS_MIX, type Letter, letterOf, MATHS_MIX, shifted, STRICT_MIX,
  subjectScore, USUAL_MIX,
} from './history-model.js';
import type { HistoryPupil } from './history-pupils.js';
import type { HistoryRows } from './history-rows.js';
import type { HistoryTeachers } from './history-teachers.js';
import { historyGroupName, htBegin, PLANTED, schoolYearLabel, type UnitProfile, vtEnd } from './history-units.js';
import { CLASS_SUBJECTS } from './schools.js';

/** One class of one grade year (6 or 9) in one history school year, with the pupils who were in it. */
export interface ClassYear {
  profile: UnitProfile;
  /** Calendar year the school year began; yearsBack 1 = the year before the current one. */
  start: number;
  yearsBack: number;
  gradeYear: 6 | 9;
  className: string;
  pupils: HistoryPupil[];
}

export interface HistoryEnv {
  ctx: Ctx;
  rows: HistoryRows;
  teachers: HistoryTeachers;
  termIds: Map<string, string>;
  /** The year-9 science and social tests of each unit and school year ('unitId:2025'). */
  choices: Map<string, string[]>;
}

const SHARE_NOT_TAKING_PART = 0.04;
const SHARE_STRECK = 0.004;

/** The subjects a pupil is graded in: the class subjects with SVA for SV where the pupil studies it, and
 *  the språkval in year 9 (modern languages are first graded in year 7). */
export function subjectsOf(p: HistoryPupil, gradeYear: 6 | 9): string[] {
  const subjects: string[] = CLASS_SUBJECTS.map((s) => (s === 'SV' && p.sva ? 'SVA' : s));
  if (gradeYear === 9 && p.language) subjects.push(p.language);
  return subjects;
}

/** The national tests of the year at the unit: EN, MA, SV/SVA, and in year 9 the science and social subject drawn. */
export function testedSubjects(env: HistoryEnv, cy: ClassYear): Set<string> {
  const base = ['EN', 'MA', 'SV', 'SVA'];
  if (cy.gradeYear === 6) return new Set(base);
  const key = `${cy.profile.unit.id}:${cy.start}`;
  let chosen = env.choices.get(key);
  if (!chosen) {
    const pick = (choice: string) => env.ctx.rng.pick(NATIONAL_TESTS[9].filter((t) => t.choice === choice).map((t) => t.subjectCode));
    chosen = [pick('science'), pick('social')];
    env.choices.set(key, chosen);
  }
  return new Set([...base, ...chosen]);
}

const matches = (cy: ClassYear, subject: string, p: { unitIndex: number; gradeYear: number; subjectCode: string; className?: string; yearsBack?: number }) =>
  cy.profile.unit.index === p.unitIndex && cy.gradeYear === p.gradeYear && subject === p.subjectCode
  && (p.className === undefined || p.className === cy.className) && (p.yearsBack === undefined || p.yearsBack === cy.yearsBack);

/** How a group's grades deviate from its test grades: the planted patterns, else the usual mix (MA its own). */
export function mixOf(cy: ClassYear, subject: string): { bySex: boolean; mix: (sex: 'F' | 'M' | null) => DeviationMix } {
  if (matches(cy, subject, PLANTED.sexGroup)) return { bySex: true, mix: (s) => (s === 'F' ? GENEROUS_MIX : s === 'M' ? STRICT_MIX : USUAL_MIX) };
  if (matches(cy, subject, PLANTED.cleanGroup)) return { bySex: true, mix: (s) => (s ? BALANCED_MIX : USUAL_MIX) };
  if (matches(cy, subject, PLANTED.generousUnit) || matches(cy, subject, PLANTED.generousTeacher)) return { bySex: false, mix: () => GENEROUS_MIX };
  return { bySex: false, mix: () => (subject === 'MA' ? MATHS_MIX : USUAL_MIX) };
}

/** The pupils present in the class that year (a newly arrived pupil only after arriving). */
const presentIn = (cy: ClassYear) => cy.pupils.filter((p) => !p.arrival || p.arrival <= vtEnd(cy.start));

/** Writes the class group with its mentor, its teaching groups with their graders, the grades and the national test results. */
export function addClassYear(env: HistoryEnv, cy: ClassYear): void {
  const { ctx } = env;
  const { rng, ds } = ctx;
  const unit = cy.profile.unit;
  const [from, to] = [htBegin(cy.start), vtEnd(cy.start)];
  const pupils = presentIn(cy);
  const addGroup = (name: string, groupType: string, subjectCode: string | null) => {
    const id = rng.uuid();
    ds.group.add({ id, schoolUnitId: unit.id, name: historyGroupName(name, cy.start), groupType, subjectCode, schoolYear: cy.gradeYear, startDate: from, endDate: to });
    return id;
  };
  const classId = addGroup(cy.className, 'class', null);
  const mentor = env.teachers.grader(unit, cy.className, 'SV', cy.yearsBack);
  ds.groupStaff.add({ id: rng.uuid(), groupId: classId, personId: mentor, assignment: 'mentor', grader: false, startDate: from, endDate: to });
  for (const p of pupils) ds.membership.add({ id: rng.uuid(), groupId: classId, personId: p.id, startDate: p.arrival && p.arrival > from ? p.arrival : from, endDate: to });

  const bySubject = new Map<string, HistoryPupil[]>();
  for (const p of pupils) for (const s of subjectsOf(p, cy.gradeYear)) bySubject.set(s, [...(bySubject.get(s) ?? []), p]);
  const tested = testedSubjects(env, cy);
  const termId = env.termIds.get(`${schoolYearLabel(cy.start)}:VT`)!;
  const at = `${to}T10:00:00Z`;
  for (const [subject, members] of bySubject) {
    const base = `${cy.className} ${subject}`;
    const groupId = addGroup(base, 'teaching', subject);
    const grader = env.teachers.grader(unit, base, subject, cy.yearsBack, matches(cy, subject, PLANTED.generousTeacher));
    ds.groupStaff.add({ id: rng.uuid(), groupId, personId: grader, assignment: 'teacher', grader: true, startDate: from, endDate: to });
    const grades = tested.has(subject) ? testedGrades(env, cy, subject, members, grader, at) : members.map((p) => letterOf(subjectScore(rng, p.ability, subject)));
    members.forEach((p, i) => env.rows.grade.add({
      id: rng.uuid(), pupilId: p.id, subjectCode: subject, groupId, termId, kind: cy.gradeYear === 9 ? 'final' : 'term',
      value: rng.chance(SHARE_STRECK) ? '-' : grades[i], state: 'locked', registeredBy: grader, registeredAt: at, confirmedBy: grader, confirmedAt: at,
    }));
  }
}

/** Test results of the group's pupils (a few did not take part) and subject grades that deviate from them
 *  in the group's mix; returns the subject grades in the order of `members`. */
function testedGrades(env: HistoryEnv, cy: ClassYear, subject: string, members: HistoryPupil[], grader: string, at: string): Letter[] {
  const { rng } = env.ctx;
  const tests = members.map((p) => (rng.chance(SHARE_NOT_TAKING_PART) ? null : letterOf(subjectScore(rng, p.ability, subject))));
  members.forEach((p, i) => env.rows.test.add({
    id: rng.uuid(), pupilId: p.id, schoolUnitId: cy.profile.unit.id, subjectCode: subject, gradeYear: cy.gradeYear,
    schoolYear: schoolYearLabel(cy.start), testGrade: tests[i], notParticipated: tests[i] === null, registeredBy: grader, updatedAt: at,
  }));
  const grades: Letter[] = members.map((p, i) => tests[i] ?? letterOf(subjectScore(rng, p.ability, subject)));
  const { bySex, mix } = mixOf(cy, subject);
  const parts = new Map<string, number[]>();
  members.forEach((p, i) => {
    if (tests[i] === null) return;
    const key = bySex ? String(p.sex) : 'all';
    parts.set(key, [...(parts.get(key) ?? []), i]);
  });
  for (const [key, idx] of parts) {
    const sex = key === 'F' || key === 'M' ? key : null;
    const devs = assignDeviations(rng, idx.map((i) => tests[i]!), mix(sex));
    idx.forEach((i, k) => { grades[i] = shifted(tests[i]!, devs[k])!; });
  }
  return grades;
}
