import { createHash, randomUUID } from 'node:crypto';
import { svCollator } from '../../domain/org/sorting.js';
import { groupContinues, nextGroupName, promotion } from '../../domain/register/school-year.js';
import type { GroupRow, UnitRegister } from './rollover-read.js';

/** The whole rollover of one unit, worked out before anything is written: the preview shows it, the apply
 *  writes exactly it (the digest of what it would do must still be the one the administrator saw). */

export interface RolloverChoices { carryMentors: boolean; carryTeachers: boolean }
export interface Ended { id: string; previousEndDate: string | null; personId?: string; groupId?: string }

export interface Plan {
  oldYearEnds: string;
  newYearStarts: string;
  enrolments: { id: string; personId: string; schoolYear: number; schoolForm: string; gradesRequested: boolean; adaptedTimetable: boolean; endDate: string | null }[];
  groups: { id: string; fromId: string; name: string; groupType: string; subjectCode: string | null; schoolYear: number | null; endDate: string | null }[];
  memberships: { id: string; groupId: string; personId: string; endDate: string | null }[];
  staff: { id: string; groupId: string; personId: string; assignment: string; grader: boolean; endDate: string | null }[];
  ended: { enrolment: Ended[]; student_group: Ended[]; group_membership: Ended[]; group_staff: Ended[] };
  summary: PlanSummary;
  digest: string;
}

export interface GroupStep {
  id: string; name: string; groupType: string; subjectCode: string | null; schoolYear: number | null;
  /** Next year's name; null when the group ends. */
  newName: string | null; nameKept: boolean; pupils: number; pupilsCarried: number;
  staff: { name: string; assignment: string; carried: boolean }[];
}
export interface PlanWarning { code: string; count: number; items: string[] }
export interface PlanSummary {
  promoted: { fromYear: number; toYear: number; schoolForm: string; count: number }[];
  leaving: { id: string; name: string; className: string | null; schoolYear: number; schoolForm: string }[];
  groups: GroupStep[];
  warnings: PlanWarning[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planRollover(reg: UnitRegister, dates: { oldYearEnds: string; newYearStarts: string }, choices: RolloverChoices, newId: () => string = randomUUID): Plan {
  const warnings: PlanWarning[] = [];
  const warn = (code: string, items: string[]) => { if (items.length) warnings.push({ code, count: items.length, items: items.slice(0, 50).sort(svCollator.compare) }); };
  const carriedEnd = (end: string | null) => end; // rows that run across the summer keep a later end date they had

  // Pupils: up a year, or leaving after the last year of their school form.
  const staying = new Set<string>();
  const enrolments: Plan['enrolments'] = [];
  const leavingRows: UnitRegister['enrolments'] = [];
  const skipped: string[] = [];
  const promotedCount = new Map<string, Plan['summary']['promoted'][number]>();
  for (const e of [...reg.enrolments].sort(byId)) {
    if (reg.alreadyEnrolledNext.has(e.personId)) { skipped.push(e.name); continue; }
    const p = promotion(e);
    if (p.kind === 'leaves') { leavingRows.push(e); continue; }
    staying.add(e.personId);
    enrolments.push({ id: newId(), personId: e.personId, schoolYear: p.schoolYear, schoolForm: p.schoolForm, gradesRequested: e.gradesRequested,
      adaptedTimetable: e.adaptedTimetable, endDate: carriedEnd(e.endDate) });
    const key = `${e.schoolForm}:${e.schoolYear}`;
    const c = promotedCount.get(key) ?? { fromYear: e.schoolYear, toYear: p.schoolYear, schoolForm: p.schoolForm, count: 0 };
    c.count++;
    promotedCount.set(key, c);
  }
  warn('already_enrolled_next_year', skipped);
  const enrolledIds = new Set(reg.enrolments.map((e) => e.personId));

  // Groups: next year's group from this year's, with the pupils who stay and, where chosen, the staff.
  const membersOf = groupBy(reg.memberships, (m) => m.groupId);
  const staffOf = groupBy(reg.staff, (s) => s.groupId);
  const groups: Plan['groups'] = [];
  const memberships: Plan['memberships'] = [];
  const staff: Plan['staff'] = [];
  const steps: GroupStep[] = [];
  const newNames = new Map<string, number>();
  const kept: string[] = [];
  const notCarried: string[] = [];
  for (const g of [...reg.groups].sort(byId)) {
    const members = membersOf.get(g.id) ?? [];
    const stay = members.filter((m) => staying.has(m.personId));
    const continues = groupContinues({ schoolYear: g.schoolYear, members: members.length, staying: stay.length });
    const next = continues ? nextGroupName(g.name, g.schoolYear) : null;
    const newName = continues ? next ?? g.name : null;
    if (continues && next === null) kept.push(g.name);
    const groupStaff = staffOf.get(g.id) ?? [];
    const carry = (s: (typeof groupStaff)[number]) => continues && s.staysOn && (s.assignment === 'mentor' ? choices.carryMentors : choices.carryTeachers);
    steps.push({
      id: g.id, name: g.name, groupType: g.groupType, subjectCode: g.subjectCode, schoolYear: g.schoolYear, newName, nameKept: continues && next === null,
      pupils: members.length, pupilsCarried: continues ? stay.length : 0,
      staff: groupStaff.map((s) => ({ name: s.name, assignment: s.assignment, carried: carry(s) })).sort((a, b) => svCollator.compare(a.name, b.name)),
    });
    if (!continues || newName === null) continue;
    newNames.set(newName, (newNames.get(newName) ?? 0) + 1);
    const id = newId();
    groups.push({ id, fromId: g.id, name: newName, groupType: g.groupType, subjectCode: g.subjectCode, schoolYear: g.schoolYear === null ? null : g.schoolYear + 1, endDate: carriedEnd(g.endDate) });
    for (const m of stay.sort(byId)) memberships.push({ id: newId(), groupId: id, personId: m.personId, endDate: carriedEnd(m.endDate) });
    for (const s of [...groupStaff].sort(byId)) {
      if (carry(s)) staff.push({ id: newId(), groupId: id, personId: s.personId, assignment: s.assignment, grader: s.grader, endDate: carriedEnd(s.endDate) });
      else if (continues && !s.staysOn && (s.assignment === 'mentor' ? choices.carryMentors : choices.carryTeachers)) notCarried.push(`${s.name} (${g.name})`);
    }
  }
  steps.sort((a, b) => svCollator.compare(a.name, b.name));

  // Warnings the administrator should see before applying.
  const classOf = new Map<string, string>();
  const classes = new Map(reg.groups.filter((g) => g.groupType === 'class').map((g) => [g.id, g]));
  for (const m of reg.memberships) { const c = classes.get(m.groupId); if (c) classOf.set(m.personId, c.name); }
  warn('pupils_without_class', reg.enrolments.filter((e) => !classOf.has(e.personId)).map((e) => e.name));
  warn('name_collision', [...newNames].filter(([n, count]) => count > 1 || reg.namesTakenNext.has(n)).map(([n]) => n));
  warn('name_kept', kept);
  warn('staff_leaving_unit', notCarried);
  const strangers = new Set(reg.memberships.filter((m) => !enrolledIds.has(m.personId)).map((m) => m.personId));
  if (strangers.size) warnings.push({ code: 'members_not_enrolled', count: strangers.size, items: [] });
  const open = reg.openGrades.reduce((n, g) => n + g.count, 0);
  if (open) warnings.push({ code: 'grades_not_locked', count: open, items: reg.openGrades.map((g) => `${g.state}: ${g.count}`) });

  const endAll = <T extends { id: string; endDate: string | null }>(list: T[], extra: (r: T) => Partial<Ended>) =>
    [...list].sort(byId).map((r) => ({ id: r.id, previousEndDate: r.endDate, ...extra(r) }));
  const ended = {
    enrolment: endAll(reg.enrolments.filter((e) => !reg.alreadyEnrolledNext.has(e.personId)), (e) => ({ personId: e.personId })),
    student_group: endAll(reg.groups, (g: GroupRow) => ({ groupId: g.id })),
    group_membership: endAll(reg.memberships, (m) => ({ personId: m.personId, groupId: m.groupId })),
    group_staff: endAll(reg.staff, (s) => ({ personId: s.personId, groupId: s.groupId })),
  };
  const summary: PlanSummary = {
    promoted: [...promotedCount.values()].sort((a, b) => a.schoolForm.localeCompare(b.schoolForm) || a.fromYear - b.fromYear),
    leaving: leavingRows.map((e) => ({ id: e.personId, name: e.name, className: classOf.get(e.personId) ?? null, schoolYear: e.schoolYear, schoolForm: e.schoolForm }))
      .sort((a, b) => svCollator.compare(a.className ?? '', b.className ?? '') || svCollator.compare(a.name, b.name)),
    groups: steps, warnings,
  };
  const plan = { ...dates, enrolments, groups, memberships, staff, ended, summary };
  return { ...plan, digest: digestOf(plan) };
}

/** What the plan would do, without the ids it makes up: the same register and choices give the same digest. */
function digestOf(p: Omit<Plan, 'digest' | 'summary'>): string {
  const fromOf = new Map(p.groups.map((g) => [g.id, g.fromId]));
  const canonical = {
    dates: [p.oldYearEnds, p.newYearStarts],
    enrolments: p.enrolments.map(({ id: _, ...e }) => e),
    groups: p.groups.map(({ id: _, ...g }) => g),
    memberships: p.memberships.map((m) => [fromOf.get(m.groupId), m.personId, m.endDate]),
    staff: p.staff.map((s) => [fromOf.get(s.groupId), s.personId, s.assignment, s.grader, s.endDate]),
    ended: p.ended,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) { const k = key(t); const l = out.get(k); if (l) l.push(t); else out.set(k, [t]); }
  return out;
}

export const planCounts = (p: Plan) => ({
  created: { enrolment: p.enrolments.length, student_group: p.groups.length, group_membership: p.memberships.length, group_staff: p.staff.length },
  ended: { enrolment: p.ended.enrolment.length, student_group: p.ended.student_group.length, group_membership: p.ended.group_membership.length,
    group_staff: p.ended.group_staff.length },
});
