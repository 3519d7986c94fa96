/**
 * SS 12000 groups, duties and activities become our student groups with their members, duties (with the
 * mentor assignments they carry) and the teachers and subject of a teaching group. Pure.
 */
import type { SsActivity, SsDuty, SsGroup } from './source-types.js';
import type { ActivityRecord, DutyRecord, DutyRole, GroupRecord, GroupType, Mapped } from './records.js';
import { dateOf, ok, reject, textOf } from './map-common.js';

const GROUP_TYPES: Record<string, GroupType> = { Klass: 'class', Undervisning: 'teaching', Mentor: 'mentor' };

/** Klass, Undervisning and Mentor are ours; the other group types (Schema, Provgrupp …) have no counterpart. */
export const groupTypeOf = (v: string | undefined): GroupType | null => (v && v in GROUP_TYPES ? GROUP_TYPES[v] : null);

export function mapGroup(g: SsGroup): Mapped<GroupRecord> {
  const name = textOf(g.displayName);
  if (!name) return reject('groups', g.id, 'Gruppen saknar namn');
  const groupType = groupTypeOf(g.groupType);
  if (!groupType) return reject('groups', g.id, `Grupptypen ”${g.groupType ?? ''}” finns inte i Lärka (klass, undervisningsgrupp eller mentorsgrupp)`);
  if (!g.organisation?.id) return reject('groups', g.id, 'Gruppen hör inte till någon skolenhet');
  const startDate = dateOf(g.startDate);
  if (!startDate) return reject('groups', g.id, 'Gruppen saknar startdatum');
  const seen = new Set<string>();
  const members = (g.groupMemberships ?? []).flatMap((m) => {
    const person = m.person?.id;
    const start = dateOf(m.startDate) ?? startDate;
    const key = `${person}|${start}`;
    if (!person || seen.has(key)) return [];
    seen.add(key);
    return [{ personExternalId: person, startDate: start, endDate: dateOf(m.endDate) }];
  });
  return ok({ externalId: g.id, unitExternalId: g.organisation.id, name, groupType, startDate, endDate: dateOf(g.endDate), members });
}

const DUTY_ROLES: Record<string, DutyRole> = {
  'Lärare': 'teacher', 'Förstelärare': 'teacher', 'Speciallärare/specialpedagog': 'teacher',
  Rektor: 'principal', 'Skoladministratör': 'administrator',
  Kurator: 'student_health', 'Skolsköterska': 'student_health', 'Skolläkare': 'student_health', 'Skolpsykolog': 'student_health',
};

/** The standard's duty roles we have a role for: teachers (incl. förstelärare, speciallärare), rektor,
 *  skoladministratör and elevhälsa (kurator, skolsköterska, skolläkare, skolpsykolog); Annan personal is ours
 *  when its Arbetsområde (description) says Elevhälsa or Analytiker. */
export function dutyRoleOf(v: string | undefined, description?: string): DutyRole | null {
  if (v && v in DUTY_ROLES) return DUTY_ROLES[v];
  if (v === 'Annan personal' && description) {
    if (/elevhälsa/i.test(description)) return 'student_health';
    if (/analytiker/i.test(description)) return 'analyst';
  }
  return null;
}

/** `isUnit` tells whether an organisation id is a school unit of the source (else it is the organiser). */
export function mapDuty(d: SsDuty, isUnit: (id: string) => boolean): Mapped<DutyRecord> {
  const role = dutyRoleOf(d.dutyRole, d.description);
  if (!role) return reject('duties', d.id, `Befattningen ”${d.dutyRole ?? ''}”${d.description ? ` (${d.description})` : ''} har ingen motsvarighet i Lärka`);
  if (!d.person?.id) return reject('duties', d.id, 'Tjänstgöringen saknar person');
  const startDate = dateOf(d.startDate);
  if (!startDate) return reject('duties', d.id, 'Tjänstgöringen saknar startdatum');
  const at = d.dutyAt?.id ?? null;
  const unit = at && isUnit(at) ? at : null;
  if (role === 'analyst' && unit) return reject('duties', d.id, 'En analytiker tjänstgör hos huvudmannen, inte vid en skolenhet');
  if (!unit && role !== 'administrator' && role !== 'analyst') return reject('duties', d.id, 'Tjänstgöringen hör inte till någon skolenhet');
  const mentorOf = (d.assignmentRole ?? []).filter((a) => a.assignmentRoleType === 'Mentor' && a.group?.id)
    .map((a) => ({ groupExternalId: a.group!.id, startDate: dateOf(a.startDate), endDate: dateOf(a.endDate) }));
  return ok({ externalId: d.id, personExternalId: d.person.id, unitExternalId: unit, role, startDate, endDate: dateOf(d.endDate), mentorOf });
}

/** An activity gives its groups' subject (the syllabus's subject code) and their teachers (by duty). */
/** `subjectOf` gives our subject code of the activity's syllabus (by its id) and name, if one. */
export function mapActivity(a: SsActivity, subjectOf: (syllabusId: string, activityName: string | undefined) => string | null): Mapped<ActivityRecord> {
  const groups = (a.groups ?? []).map((g) => g.id).filter(Boolean);
  if (!groups.length) return reject('activities', a.id, 'Aktiviteten saknar grupp');
  const teachers = (a.teachers ?? []).filter((t) => t.duty?.id)
    .map((t) => ({ dutyExternalId: t.duty!.id, grader: t.grader === true, startDate: dateOf(t.startDate), endDate: dateOf(t.endDate) }));
  return ok({ externalId: a.id, groupExternalIds: groups, subjectCode: a.syllabus?.id ? subjectOf(a.syllabus.id, a.displayName) : null, teachers });
}
