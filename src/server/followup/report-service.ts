import { figuresFor } from '../../domain/followup/reference-file.js';
import { subtractAggregate, type Aggregate } from '../../domain/followup/report-aggregate.js';
import { hiddenParts } from '../../domain/followup/suppression.js';
import { recurringPatterns, type PatternEntity } from '../../domain/followup/report-patterns.js';
import type { BreakdownInput, PartInput, RowInput } from '../../domain/followup/report-sections.js';
import { TestFamily } from '../../domain/followup/report-tests.js';
import { GRADE_STEP_NUMBER, type GradeLetter } from '../../domain/followup/report-aggregate.js';
import { followupShowsPupils, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/http/errors.js';
import { currentReference } from './reference.js';
import { AggregateIndex, holdsPerPupil, partLabel, patternEntities, PUPIL_DIMENSIONS, pupilParts, sectionsOf, type Subjects } from './report-assemble.js';
import { unitBackgroundBreakdowns } from './report-background.js';
import { findingsMatcher } from './report-findings.js';
import {
  findGroup, findUnit, groupNames, groupPupils, groupSchoolYears, listGroups, organiserName, personNames, subjectsById, unitBackgrounds, unitNames,
} from './report-queries.js';
import type { ReportT } from './report-schemas.js';
import { groupAggregates, organiserAggregates, unitAggregates } from './report-store.js';

export type GradeYear = 6 | 9;
/** A school year as '2025/2026' (the second year following the first), else 422 — checked after the scope. */
export function checkSchoolYear(y: string | null | undefined): void {
  if (y != null && !(/^\d{4}\/\d{4}$/.test(y) && Number(y.slice(5)) === Number(y.slice(0, 4)) + 1)) {
    throw new AppError(422, 'invalid_school_year', 'A school year is written 2025/2026');
  }
}

const TESTS_METHOD = 'Benjamini–Hochberg (FDR 5 %) över rapportens alla test';
const path = (base: string, gradeYear: GradeYear, schoolYear: string) => `${base}?gradeYear=${gradeYear}&schoolYear=${encodeURIComponent(schoolYear)}`;

/** The follow-up report of grades against national test grades, at the organiser, a unit and a group. */
export function followupReportService(db: Db) {
  async function referenceFor(actor: Actor, gradeYear: GradeYear) {
    const { file } = await currentReference(db, actor.organiserId);
    return (code: string) => figuresFor(file, gradeYear, code).map((f) => ({ measure: f.measure, schoolYear: f.schoolYear, value: f.value, source: f.source }));
  }

  const chooseYear = (index: AggregateIndex, wanted: string | undefined) => wanted ?? index.schoolYears()[0] ?? null;

  /** Breakdowns by the pupils' own data (and the register's where held) of one subject and year. */
  function pupilBreakdowns(index: AggregateIndex, schoolYear: string, code: string): BreakdownInput[] {
    return PUPIL_DIMENSIONS.filter((d) => holdsPerPupil(index, d)).map((dimension) => ({
      dimension, source: 'pupil' as const, partition: true, parts: pupilParts(index, schoolYear, code, dimension),
    })).filter((b) => b.parts.length > 0);
  }

  function finish(family: TestFamily, report: Omit<ReportT, 'tests'>): ReportT {
    family.adjust();
    return { ...report, tests: { count: family.count, method: TESTS_METHOD } } as ReportT;
  }

  return {
    /** The groups the actor may open that have analysed grades (teacher: own graded; principal: the unit). */
    async groups(actor: Actor, schoolYear: string | null) {
      requireAction(actor, 'followup.view');
      checkSchoolYear(schoolYear);
      const found = await listGroups(db, actor, schoolYear);
      return { groups: found.map((g) => ({ id: g.id, name: g.name, subject: g.subject_code ? { code: g.subject_code, name: g.subject_name ?? g.subject_code } : null,
        gradeYear: g.grade_year, schoolYear: g.school_year, pupils: g.pupils })) };
    },

    /** The organiser's overview: rows = units (the analyst). */
    async organiser(actor: Actor, q: { gradeYear: GradeYear; schoolYear?: string }): Promise<ReportT> {
      requireAction(actor, 'followup.view');
      if (actor.role !== 'analyst') throw notFound('Not found');
      checkSchoolYear(q.schoolYear);
      const [aggregates, subjects, units, title, reference, backgrounds] = await Promise.all([
        organiserAggregates(db, actor.organiserId, q.gradeYear), subjectsById(db), unitNames(db, actor.organiserId),
        organiserName(db, actor.organiserId), referenceFor(actor, q.gradeYear), unitBackgrounds(db, actor.organiserId, null)]);
      const index = new AggregateIndex(aggregates);
      const schoolYear = chooseYear(index, q.schoolYear);
      const family = new TestFamily();
      const findings = await findingsMatcher(db, actor, [...units.keys()], schoolYear ?? '', q.gradeYear);
      const unitRow = (code: string, key: string, agg: Aggregate): RowInput => ({ key, label: units.get(key) ?? key, kind: 'unit', agg,
        drill: path(`/api/followup/units/${key}`, q.gradeYear, schoolYear ?? ''), findings: findings(code, { kind: 'unit', unitId: key, ref: null }) });
      const subjectsOut = schoolYear ? sectionsOf({
        index, schoolYear, gradeYear: q.gradeYear, subjects,
        total: () => ({ key: 'total', label: title, kind: 'organiser', drill: null }),
        rows: (code) => [...index.dim(schoolYear, code, 'row')].map(([k, a]) => unitRow(code, k, a)),
        breakdowns: (code) => [...pupilBreakdowns(index, schoolYear, code),
          ...unitBackgroundBreakdowns(index, schoolYear, code, backgrounds, 'organiser')],
        parentOthers: () => null,
        reference,
      }, family) : [];
      const entities = patternEntities(index, q.gradeYear, subjects, 'row', (k) => ({ key: k, label: units.get(k) ?? k, kind: 'unit' }));
      return finish(family, {
        level: 'organiser', id: actor.organiserId, title, gradeYear: q.gradeYear, schoolYear: schoolYear ?? q.schoolYear ?? '',
        schoolYears: index.schoolYears(), parents: [], subjects: subjectsOut as ReportT['subjects'],
        patterns: recurringPatterns(entities, index.totalsBySubject(), q.gradeYear), pupils: null,
      });
    },

    /** A unit: rows = its teaching groups; breakdowns by pupil group, unit background and (principal) teacher. */
    async unit(actor: Actor, unitId: string, q: { gradeYear: GradeYear; schoolYear?: string }): Promise<ReportT> {
      requireAction(actor, 'followup.view');
      const unit = await findUnit(db, actor, unitId);
      if (!unit) throw notFound('Unit not found');
      checkSchoolYear(q.schoolYear);
      const teachers = actor.role === 'principal';
      const [aggregates, subjects, groups, reference, backgrounds] = await Promise.all([
        unitAggregates(db, actor.organiserId, unit.id, q.gradeYear, teachers), subjectsById(db), groupNames(db, actor.organiserId, unit.id),
        referenceFor(actor, q.gradeYear), unitBackgrounds(db, actor.organiserId, unit.id)]);
      const index = new AggregateIndex(aggregates);
      const schoolYear = chooseYear(index, q.schoolYear);
      const teacherIds = [...new Set(index.schoolYears().flatMap((y) => index.subjects(y).flatMap((s) => [...index.dim(y, s, 'teacher').keys()])))];
      const teacherNames = await personNames(db, actor.organiserId, teacherIds);
      const family = new TestFamily();
      const findings = await findingsMatcher(db, actor, [unit.id], schoolYear ?? '', q.gradeYear);
      const teacherParts = (code: string): PartInput[] => [...index.dim(schoolYear!, code, 'teacher')].map(([k, agg]) => ({
        key: k, label: teacherNames.get(k) ?? k, kind: 'teacher', drill: null, agg, shown: true, findings: findings(code, { kind: 'teacher', unitId: unit.id, ref: k }) }));
      const withFindings = (code: string, b: BreakdownInput): BreakdownInput => (b.dimension === 'teacher' || b.source === 'unit' ? b
        : { ...b, parts: b.parts.map((p) => ({ ...p, findings: findings(code, { kind: 'pupil_group', unitId: unit.id, ref: p.key }) })) });
      const subjectsOut = schoolYear ? sectionsOf({
        index, schoolYear, gradeYear: q.gradeYear, subjects,
        total: (code) => ({ key: unit.id, label: unit.name, kind: 'unit', drill: null, findings: findings(code, { kind: 'unit', unitId: unit.id, ref: null }) }),
        rows: (code) => [...index.dim(schoolYear, code, 'row')].map(([k, agg]) => ({ key: k, label: groups.get(k) ?? k, kind: 'group' as const, agg,
          drill: `/api/followup/groups/${k}`, findings: findings(code, { kind: 'group', unitId: unit.id, ref: k }) })),
        breakdowns: (code) => [...pupilBreakdowns(index, schoolYear, code).map((b) => withFindings(code, b)),
          ...unitBackgroundBreakdowns(index, schoolYear, code, backgrounds, 'unit'),
          ...(teachers ? [{ dimension: 'teacher' as const, source: 'pupil' as const, partition: false, parts: teacherParts(code) }] : [])],
        parentOthers: () => null,
        reference,
      }, family) : [];
      const entities: PatternEntity[] = [
        ...patternEntities(index, q.gradeYear, subjects, 'row', (k) => { const name = recurringName(groups.get(k) ?? k); return { key: name, label: name, kind: 'group' }; }),
        ...(teachers ? patternEntities(index, q.gradeYear, subjects, 'teacher', (k) => ({ key: k, label: teacherNames.get(k) ?? k, kind: 'teacher' })) : []),
        ...PUPIL_DIMENSIONS.filter((d) => holdsPerPupil(index, d)).flatMap((d) => patternEntities(index, q.gradeYear, subjects, d, (k) => {
          const label = partLabel(d, k);
          return label ? { key: `${d}:${k}`, label, kind: 'pupil_group' } : null;
        })),
      ];
      return finish(family, {
        level: 'unit', id: unit.id, title: unit.name, gradeYear: q.gradeYear, schoolYear: schoolYear ?? q.schoolYear ?? '',
        schoolYears: index.schoolYears(),
        parents: actor.role === 'analyst' ? [{ label: await organiserName(db, actor.organiserId), path: path('/api/followup/organiser', q.gradeYear, schoolYear ?? '') }] : [],
        subjects: subjectsOut as ReportT['subjects'],
        patterns: recurringPatterns(entities, index.totalsBySubject(), q.gradeYear), pupils: null,
      });
    },

    /** A group: its figures against the rest of the unit, its breakdowns, and its pupils for those allowed. */
    async group(actor: Actor, groupId: string): Promise<ReportT> {
      requireAction(actor, 'followup.view');
      const group = await findGroup(db, actor, groupId);
      if (!group || (group.grade_year !== 6 && group.grade_year !== 9)) throw notFound('Group not found');
      const gradeYear = group.grade_year as GradeYear;
      const years = await groupSchoolYears(db, actor.organiserId, group.id, gradeYear);
      const schoolYear = years[0] ?? schoolYearOf(group.start_date);
      const [aggregates, subjects, reference, backgrounds] = await Promise.all([
        groupAggregates(db, actor.organiserId, { id: group.id, unitId: group.unit_id, gradeYear, schoolYear }), subjectsById(db),
        referenceFor(actor, gradeYear), unitBackgrounds(db, actor.organiserId, group.unit_id)]);
      const all = new AggregateIndex(aggregates);
      const family = new TestFamily();
      const findings = await findingsMatcher(db, actor, [group.unit_id], schoolYear, gradeYear);
      const subjectsOut = sectionsOf({
        index: groupIndex(all, schoolYear, group.id), schoolYear, gradeYear, subjects,
        total: (code) => ({ key: group.id, label: group.name, kind: 'group', drill: null, findings: findings(code, { kind: 'group', unitId: group.unit_id, ref: group.id }) }),
        rows: () => [],
        breakdowns: (code) => [...pupilBreakdowns(all, schoolYear, code),
          ...unitBackgroundBreakdowns(groupIndex(all, schoolYear, group.id), schoolYear, code, backgrounds.filter((b) => b.unit_id === group.unit_id), 'unit')],
        parentOthers: (code) => { const t = all.total(schoolYear, code); const mine = all.dim(schoolYear, code, 'row').get(group.id);
          return t && mine ? subtractAggregate(t, mine) : null; },
        totalHidden: (code) => (followupShowsPupils(actor) ? undefined : hiddenAmongGroups(all, schoolYear, code, group.id)),
        reference,
      }, family);
      const pupils = followupShowsPupils(actor) ? (await groupPupils(db, actor.organiserId, group.id, gradeYear, schoolYear)).map((p) => ({
        id: p.id, name: `${p.given_name} ${p.family_name}`, subjectCode: p.subject_code, grade: p.value, testGrade: p.test_grade,
        notParticipated: p.not_participated ?? false,
        steps: p.value !== '-' && p.test_grade ? GRADE_STEP_NUMBER[p.value as GradeLetter] - GRADE_STEP_NUMBER[p.test_grade as GradeLetter] : null,
      })).sort((a, b) => collator.compare(a.name, b.name)) : null;
      const parents = actor.role === 'teacher' ? [] : [{ label: group.unit_name, path: path(`/api/followup/units/${group.unit_id}`, gradeYear, schoolYear) }];
      return finish(family, {
        level: 'group', id: group.id, title: group.name, gradeYear, schoolYear, schoolYears: years.length ? years : [schoolYear],
        parents, subjects: subjectsOut as ReportT['subjects'], patterns: [], pupils,
      });
    },
  };
}

const collator = new Intl.Collator('sv');

/** A group's name without its school-year tag ('9B EN 24/25' → '9B EN'): the same group from year to year. */
export const recurringName = (name: string) => name.replace(/\s+(\d{2}\/\d{2}|\d{4}\/\d{4}|\d{4})$/, '').trim();

/** The school year a group's start date falls in (July starts a new one). */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

/** The group level's index with the group as the total (the unit's other groups only for the test and the suppression). */
function groupIndex(all: AggregateIndex, schoolYear: string, groupId: string): AggregateIndex {
  return all.withTotals(schoolYear, (code) => all.dim(schoolYear, code, 'row').get(groupId));
}

/** Whether the group's figures are hidden in the partition of its unit's groups (as the unit report hides them). */
function hiddenAmongGroups(all: AggregateIndex, schoolYear: string, code: string, groupId: string) {
  const groups = [...all.dim(schoolYear, code, 'row')];
  const at = groups.findIndex(([k]) => k === groupId);
  if (at < 0) return undefined;
  return {
    deviation: hiddenParts(groups.map(([, a]) => a.both), true)[at],
    distribution: hiddenParts(groups.map(([, a]) => a.graded), true)[at],
  };
}
