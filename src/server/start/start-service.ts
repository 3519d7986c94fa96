import { byName, byPersonName } from '../../domain/org/sorting.js';
import { isDelegationActive } from '../../domain/access/delegation.js';
import { requireAction } from '../platform/access/access.js';
import { visibleInvestigations } from '../absence/investigations.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import {
  findUnit, findUnitRef, listGroups, listOrganiserUnits, listUnitDelegations, listVisiblePupils, type GroupRow, type PupilSummaryRow,
} from './start-store.js';

const subjectOf = (g: GroupRow) => (g.subject_code ? { code: g.subject_code, name: g.subject_name ?? g.subject_code } : null);
const pupilName = (p: PupilSummaryRow) => `${p.given_name} ${p.family_name}`;

/** The start page's data for the actor's current role: real data, scoped by the access module. */
export function startService(deps: { db: Db; organiserName: string }) {
  const { db } = deps;

  async function teacher(actor: Actor) {
    const groups = (await listGroups(db, actor)).sort(byName);
    const unit = await findUnitRef(db, actor);
    if (!unit) throw notFound('Unit not found');
    const classes = (assignment: string) => groups.filter((g) => g.group_type === 'class' && g.my_assignments.includes(assignment))
      .map((g) => ({ id: g.id, name: g.name, schoolYear: g.school_year, pupilCount: g.pupil_count }));
    return {
      kind: 'teacher' as const,
      unit: { id: unit.id, name: unit.name },
      mentorClasses: classes('mentor'),
      classes: classes('teacher'),
      groups: groups.filter((g) => g.group_type === 'teaching')
        .map((g) => ({ id: g.id, name: g.name, subject: subjectOf(g)!, pupilCount: g.pupil_count, grader: g.my_grader })),
    };
  }

  async function administrator(actor: Actor) {
    const [groups, unit] = [await listGroups(db, actor, { staffNames: true }), await findUnitRef(db, actor)];
    if (!unit) throw notFound('Unit not found');
    groups.sort(byName);
    return {
      kind: 'administrator' as const,
      unit: { id: unit.id, name: unit.name, schoolUnitCode: unit.school_unit_code },
      classes: groups.filter((g) => g.group_type === 'class')
        .map((g) => ({ id: g.id, name: g.name, schoolYear: g.school_year, pupilCount: g.pupil_count, mentors: g.mentors })),
      groups: groups.filter((g) => g.group_type === 'teaching')
        .map((g) => ({ id: g.id, name: g.name, subject: subjectOf(g)!, pupilCount: g.pupil_count, teachers: g.teachers })),
    };
  }

  async function principal(actor: Actor) {
    const unit = await findUnit(db, actor);
    if (!unit) throw notFound('Unit not found');
    const delegations = await listUnitDelegations(db, actor);
    return {
      kind: 'principal' as const,
      unit: { id: unit.id, name: unit.name, schoolUnitCode: unit.school_unit_code, schoolForms: unit.school_forms,
        pupilCount: unit.pupil_count, staffCount: unit.staff_count, classCount: unit.class_count },
      delegations: delegations.map((d) => ({
        id: d.id, decisionKind: d.decision_kind, delegate: { id: d.delegate_id, name: d.delegate_name },
        from: d.start_date, to: d.end_date, revoked: d.revoked,
        active: isDelegationActive({ startDate: d.start_date, endDate: d.end_date, revoked: d.revoked }, actor.today),
      })),
    };
  }

  async function analyst(actor: Actor) {
    const units = (await listOrganiserUnits(db, actor)).sort(byName);
    return {
      kind: 'analyst' as const,
      organiser: { name: deps.organiserName },
      units: units.map((u) => ({ id: u.id, name: u.name, schoolUnitCode: u.school_unit_code, schoolForms: u.school_forms, pupilCount: u.pupil_count })),
    };
  }

  async function guardian(actor: Actor) {
    const children = (await listVisiblePupils(db, actor))
      .map((p) => ({ ...p, familyName: p.family_name, givenName: p.given_name })).sort(byPersonName);
    return {
      kind: 'guardian' as const,
      children: children.map((c) => ({
        id: c.id, name: pupilName(c), unit: c.unit_id ? { id: c.unit_id, name: c.unit_name! } : null,
        className: c.class_name, schoolYear: c.school_year,
      })),
    };
  }

  async function pupil(actor: Actor) {
    const [self] = await listVisiblePupils(db, actor);
    if (!self) throw notFound('Pupil not found');
    const groups = (await listGroups(db, actor)).filter((g) => g.group_type === 'teaching').sort(byName);
    return {
      kind: 'pupil' as const,
      self: { id: self.id, name: pupilName(self), unit: self.unit_id ? { id: self.unit_id, name: self.unit_name! } : null,
        className: self.class_name, schoolYear: self.school_year },
      groups: groups.map((g) => ({ id: g.id, name: g.name, subject: subjectOf(g) })),
    };
  }

  /** Student health (elevhälsa): the unit and its open absence investigations, follow-ups due first. */
  async function student_health(actor: Actor) {
    const unit = await findUnitRef(db, actor);
    if (!unit) throw notFound('Unit not found');
    const open = (await visibleInvestigations(db, actor)).filter((i) => i.status === 'open');
    return {
      kind: 'student_health' as const,
      unit: { id: unit.id, name: unit.name },
      investigations: open.map((i) => ({ id: i.id, pupilId: i.pupilId, name: `${i.givenName} ${i.familyName}`, className: i.className,
        openedOn: i.openedOn, nextFollowUp: i.nextFollowUp })),
    };
  }

  const byRole = { teacher, administrator, principal, analyst, guardian, pupil, student_health };

  return {
    async start(actor: Actor) {
      requireAction(actor, 'start.view');
      return byRole[actor.role](actor);
    },
  };
}
