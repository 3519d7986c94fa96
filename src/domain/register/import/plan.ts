/**
 * Works out what an import file will do against the register (a Snapshot), row by row, in file order:
 * later rows see what earlier rows create or end (a file may end a class membership and start another).
 * The same file against the same register always gives the same plan, which is how the apply checks that it
 * writes exactly what the preview showed. Pure: no I/O.
 */
import { parseCivicNo, formatCivicNo } from '../../org/personnummer.js';
import { membershipProblem } from '../class-membership.js';
import type { Marking } from './cells.js';
import type { GroupRow, GuardianRow, ImportRecord, MembershipRow, PersonFields, PupilRow, ReadRow, StaffRow } from './rows.js';
import {
  emptyOps, type Change, type ExistingGroup, type ExistingMembership, type ExistingPerson, type Outcome, type PersonColumns, type Plan, type PlanLine, type Snapshot,
} from './plan-types.js';

const MARKING_NAMES: Record<Marking, string> = { none: 'ingen', confidential: 'sekretessmarkering', protected: 'skyddad folkbokföring' };
const GROUP_TYPE_NAMES = { class: 'klass', teaching: 'undervisningsgrupp', mentor: 'mentorsgrupp' } as const;
const ROLE_NAMES = { teacher: 'lärare', principal: 'rektor', administrator: 'skoladministratör', student_health: 'elevhälsa' } as const;
const FIELD_NAMES: Record<keyof PersonColumns, string> = {
  givenName: 'Förnamn', familyName: 'Efternamn', email: 'E-post', phone: 'Telefon', workEmail: 'E-post (arbete)', workPhone: 'Telefon (arbete)',
  streetAddress: 'Adress', postalCode: 'Postnummer', city: 'Ort', securityMarking: 'Skydd',
};
const CONTACT_FIELDS = new Set<keyof PersonColumns>(['email', 'phone', 'workEmail', 'workPhone', 'streetAddress', 'postalCode', 'city']);
export const groupKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const yesNo = (b: boolean) => (b ? 'ja' : 'nej');

/** A row's line in the making, and the reasons that reject it. */
class Line {
  creates: string[] = [];
  changes: Change[] = [];
  reasons: string[] = [];
  constructor(readonly row: number, public subject: string) {}
  done(): PlanLine {
    const outcome: Outcome = this.reasons.length ? 'reject' : this.creates.length ? 'create' : this.changes.length ? 'change' : 'unchanged';
    return { row: this.row, outcome, subject: this.subject, creates: outcome === 'reject' ? [] : this.creates, changes: outcome === 'reject' ? [] : this.changes, reasons: this.reasons };
  }
}

export function planImport(read: ReadRow[], snapshot: Snapshot): Plan {
  const s = snapshot;
  const today = s.today;
  const ops = emptyOps();
  const persons = new Map<string, ExistingPerson & { ref: string; fromRow?: number; fields?: PersonFields }>();
  for (const [civic, p] of s.persons) persons.set(civic, { ...p, ref: p.id });
  const groups: (ExistingGroup & { ref: string })[] = s.groups.map((g) => ({ ...g, ref: g.id }));
  const memberships = new Map<string, (ExistingMembership & { planned?: number })[]>([...s.memberships].map(([k, v]) => [k, [...v]]));
  const pupilsHere = new Set(s.enrolments.keys());
  const guardianships = new Set(s.guardianships);
  const seen = new Map<string, number>();
  const lines: PlanLine[] = [];
  // what a row changed in the working state, undone when the row is rejected
  let journal: (() => void)[] = [];
  const assign = <T extends object>(target: T, values: Partial<T>) => {
    const prev = Object.fromEntries(Object.keys(values).map((k) => [k, (target as any)[k]]));
    journal.push(() => Object.assign(target, prev));
    Object.assign(target, values);
  };
  const addTo = <T>(list: T[], item: T) => { list.push(item); journal.push(() => list.splice(list.indexOf(item), 1)); };
  const addToSet = <T>(set: Set<T>, item: T) => { if (!set.has(item)) { set.add(item); journal.push(() => set.delete(item)); } };

  const nameOf = (p: { givenName: string; familyName: string }, civic: string) => `${p.familyName}, ${p.givenName} (${formatCivicNo(civic)})`;
  const firstSeen = (key: string, row: number) => { const at = seen.get(key); if (at === undefined) seen.set(key, row); return at; };
  const groupNamed = (name: string) => groups.filter((g) => groupKey(g.name) === groupKey(name));

  /** The person of a row: found by civic number (changing their data when they belong to this unit) or created. */
  function person(line: Line, f: PersonFields, staff: boolean) {
    const wanted: Partial<PersonColumns> = {
      givenName: f.givenName, familyName: f.familyName, streetAddress: f.streetAddress, postalCode: f.postalCode, city: f.city,
      securityMarking: f.securityMarking ?? undefined, ...(staff ? { workEmail: f.email, workPhone: f.phone } : { email: f.email, phone: f.phone }),
    };
    const found = persons.get(f.civicNo);
    if (found?.fields) {
      // a person on an earlier row of the file (a guardian of two children): the rows must agree
      const differs = (Object.keys(wanted) as (keyof PersonColumns)[]).some((k) => wanted[k] != null && (found.fields as any)[fieldOfRow(k)] !== wanted[k]);
      if (differs) line.reasons.push(`Uppgifterna om personen skiljer sig från rad ${found.fromRow}`);
      return found;
    }
    if (found) {
      assign(found, { fields: f, fromRow: line.row });
      if (!found.relatedToUnit) return found; // another unit's person: linked, their data left as it is
      const set: Partial<PersonColumns> = {}; const before: Partial<PersonColumns> = {};
      const hidden = found.securityMarking === 'protected' || f.securityMarking === 'protected';
      for (const k of Object.keys(wanted) as (keyof PersonColumns)[]) {
        const after = wanted[k];
        if (after == null || after === found[k]) continue;
        (set as any)[k] = after; (before as any)[k] = found[k];
        const show = (v: string | null) => (hidden && CONTACT_FIELDS.has(k) ? (v ? '(skyddad)' : null) : k === 'securityMarking' ? MARKING_NAMES[v as Marking] : v);
        line.changes.push({ field: FIELD_NAMES[k], before: show(found[k]), after: show(after) });
      }
      if (Object.keys(set).length) { ops.personUpdates.push({ id: found.id, set, before }); assign(found, set); }
      return found;
    }
    const parsed = parseCivicNo(f.civicNo, new Date(`${today}T12:00:00Z`));
    const created = {
      id: '', ref: `new:${f.civicNo}`, givenName: f.givenName, familyName: f.familyName, email: null, phone: null, workEmail: null, workPhone: null,
      streetAddress: null, postalCode: null, city: null, securityMarking: 'none' as Marking, ...Object.fromEntries(Object.entries(wanted).filter(([, v]) => v != null)),
      relatedToUnit: true, fields: f, fromRow: line.row,
    };
    persons.set(f.civicNo, created);
    journal.push(() => persons.delete(f.civicNo));
    ops.newPersons.push({
      ref: created.ref, civicNo: f.civicNo, civicNoKind: parsed.ok ? parsed.kind : 'temporary', birthDate: parsed.ok ? parsed.birthDate : null, sex: parsed.ok ? parsed.sex : null,
      givenName: created.givenName, familyName: created.familyName, email: created.email, phone: created.phone, workEmail: created.workEmail, workPhone: created.workPhone,
      streetAddress: created.streetAddress, postalCode: created.postalCode, city: created.city, securityMarking: created.securityMarking,
    });
    line.creates.push('ny person');
    return created;
  }

  /** Joins (or keeps, or changes the dates of) a pupil's membership of a group, by the rule of one class at a time. */
  function membership(line: Line, personRef: string, group: ExistingGroup & { ref: string }, start: string | null, end: string | null, changeDates: boolean) {
    const list = memberships.get(personRef) ?? [];
    if (!memberships.has(personRef)) { memberships.set(personRef, list); journal.push(() => memberships.delete(personRef)); }
    const range = { startDate: start ?? today, endDate: end };
    const same = list.filter((m) => m.groupId === group.ref);
    const match = same.find((m) => overlaps(m, range)) ?? (start === null ? same.find((m) => m.endDate === null || m.endDate >= today) : undefined);
    const others = list.filter((m) => m !== match).map((m) => ({ ...m, groupId: m.groupId }));
    const proposed = match ? { startDate: changeDates ? start ?? match.startDate : match.startDate, endDate: changeDates ? end ?? match.endDate : match.endDate } : range;
    if (match && proposed.startDate === match.startDate && proposed.endDate === match.endDate) return;
    const problem = membershipProblem({ ...proposed, groupId: group.ref, groupType: group.groupType }, others);
    if (problem === 'in_another_class') {
      const cls = others.find((m) => m.groupType === 'class' && overlaps(m, proposed))!;
      line.reasons.push(`Eleven går redan i klass ${cls.groupName} under perioden (en elev går i en klass i taget)`);
      return;
    }
    if (problem === 'already_member') { line.reasons.push(`Eleven är redan med i ${group.name} under perioden`); return; }
    if (problem === 'invalid_range') { line.reasons.push('Slutdatumet är före startdatumet'); return; }
    if (match) {
      if (match.planned === undefined) {
        ops.membershipUpdates.push({ id: match.id, groupId: match.groupId, personId: personRef, ...proposed, before: { startDate: match.startDate, endDate: match.endDate } });
      }
      if (proposed.startDate !== match.startDate) line.changes.push({ field: `Startdatum i ${group.name}`, before: match.startDate, after: proposed.startDate });
      if (proposed.endDate !== match.endDate) line.changes.push({ field: `Slutdatum i ${group.name}`, before: match.endDate, after: proposed.endDate });
      assign(match, proposed);
      return;
    }
    ops.newMemberships.push({ groupRef: group.ref, personRef, ...range });
    addTo(list, { id: '', groupId: group.ref, groupName: group.name, groupType: group.groupType, ...range, planned: line.row });
    line.creates.push(`medlem i ${group.name} från ${range.startDate}${range.endDate ? ` till ${range.endDate}` : ''}`);
  }

  function pupil(line: Line, r: PupilRow) {
    if (firstSeen(`p:${r.civicNo}`, line.row) !== undefined) { line.reasons.push(`Eleven finns redan på rad ${seen.get(`p:${r.civicNo}`)}`); return; }
    const form = r.schoolForm ?? (s.unit.schoolForms.includes('GR') ? 'GR' : s.unit.schoolForms[0]);
    if (!s.unit.schoolForms.includes(form)) line.reasons.push(`Skolformen ${form} finns inte på enheten (${s.unit.schoolForms.join(', ')})`);
    const cls = r.className ? groupNamed(r.className).filter((g) => g.groupType === 'class') : [];
    if (r.className && cls.length !== 1) line.reasons.push(cls.length ? `Flera klasser heter ${r.className}` : `Okänd klass ${r.className} på enheten`);
    const known = persons.get(r.civicNo)?.id;
    if (known && s.enrolledElsewhere.has(known) && !s.enrolments.has(known)) line.reasons.push('Eleven är inskriven på en annan skolenhet; den inskrivningen behöver avslutas först');
    const p = person(line, r, false);
    if (line.reasons.length) return;
    const enrolment = p.id ? s.enrolments.get(p.id) : undefined;
    if (!enrolment) {
      ops.newEnrolments.push({ personRef: p.ref, schoolYear: r.schoolYear, schoolForm: form, startDate: r.startDate ?? today });
      line.creates.push(`inskrivning i årskurs ${r.schoolYear === 0 ? 'F' : r.schoolYear} (${form}) från ${r.startDate ?? today}`);
      addToSet(pupilsHere, p.ref);
    } else if (enrolment.schoolYear !== r.schoolYear || (r.schoolForm && enrolment.schoolForm !== form)) {
      const after = { schoolYear: r.schoolYear, schoolForm: r.schoolForm ? form : enrolment.schoolForm };
      ops.enrolmentUpdates.push({ id: enrolment.id, personId: p.id, ...after, before: { schoolYear: enrolment.schoolYear, schoolForm: enrolment.schoolForm } });
      if (after.schoolYear !== enrolment.schoolYear) line.changes.push({ field: 'Årskurs', before: String(enrolment.schoolYear), after: String(after.schoolYear) });
      if (after.schoolForm !== enrolment.schoolForm) line.changes.push({ field: 'Skolform', before: enrolment.schoolForm, after: after.schoolForm });
    }
    if (cls.length === 1) membership(line, p.ref, cls[0], r.startDate, null, false);
  }

  function guardian(line: Line, r: GuardianRow) {
    const key = `g:${r.civicNo}:${r.childCivicNo}`;
    const at = firstSeen(key, line.row);
    if (at !== undefined) { line.reasons.push(`Samma vårdnadshavare och elev finns redan på rad ${at}`); return; }
    if (r.civicNo === r.childCivicNo) line.reasons.push('Vårdnadshavaren och eleven är samma person');
    const child = persons.get(r.childCivicNo);
    if (!child || !pupilsHere.has(child.ref)) line.reasons.push(`Eleven ${formatCivicNo(r.childCivicNo)} finns inte bland enhetens elever (importera eleverna först)`);
    const g = person(line, r, false);
    if (line.reasons.length || !child) return;
    line.subject = `${line.subject}, vårdnadshavare till ${child.givenName} ${child.familyName}`;
    const pair = `${g.ref}:${child.ref}`;
    if (guardianships.has(pair)) return;
    addToSet(guardianships, pair);
    ops.newGuardianships.push({ guardianRef: g.ref, childRef: child.ref, startDate: r.startDate ?? today });
    line.creates.push(`vårdnadshavare till ${child.givenName} ${child.familyName} från ${r.startDate ?? today}`);
  }

  function staff(line: Line, r: StaffRow) {
    const at = firstSeen(`s:${r.civicNo}:${r.role}`, line.row);
    if (at !== undefined) { line.reasons.push(`Samma person och roll finns redan på rad ${at}`); return; }
    const unknown = (r.qualifiedSubjects ?? []).filter((c) => !s.subjects.has(c));
    if (unknown.length) line.reasons.push(`Okänt ämne ${unknown.join(', ')}`);
    const p = person(line, r, true);
    if (line.reasons.length) return;
    const duty = p.id ? s.duties.get(`${p.id}:${r.role}`) : undefined;
    if (!duty) {
      const licensed = r.licensed ?? false; const subjects = r.qualifiedSubjects ?? [];
      ops.newDuties.push({ personRef: p.ref, role: r.role, licensed, qualifiedSubjects: subjects, startDate: r.startDate ?? today });
      line.creates.push(`tjänstgöring som ${ROLE_NAMES[r.role]} från ${r.startDate ?? today}${licensed ? ', legitimerad' : ''}${subjects.length ? `, behörig i ${subjects.join(' ')}` : ''}`);
      return;
    }
    const licensed = r.licensed ?? duty.licensed;
    const subjects = r.qualifiedSubjects ? [...r.qualifiedSubjects].sort() : duty.qualifiedSubjects;
    const subjectsChanged = subjects.join(' ') !== [...duty.qualifiedSubjects].sort().join(' ');
    if (licensed === duty.licensed && !subjectsChanged) return;
    ops.dutyUpdates.push({ id: duty.id, personId: p.id, licensed, qualifiedSubjects: subjects, before: duty });
    if (licensed !== duty.licensed) line.changes.push({ field: 'Legitimerad', before: yesNo(duty.licensed), after: yesNo(licensed) });
    if (subjectsChanged) line.changes.push({ field: 'Behörig i ämnen', before: duty.qualifiedSubjects.join(' ') || null, after: subjects.join(' ') || null });
  }

  function group(line: Line, r: GroupRow) {
    const at = firstSeen(`gr:${groupKey(r.groupName)}`, line.row);
    if (at !== undefined) { line.reasons.push(`Gruppen finns redan på rad ${at}`); return; }
    if (r.subject && !s.subjects.has(r.subject)) line.reasons.push(`Okänt ämne ${r.subject}`);
    const found = groupNamed(r.groupName);
    if (found.length > 1) line.reasons.push(`Flera grupper på enheten heter ${r.groupName}`);
    if (found.length === 1 && found[0].groupType !== r.groupType) line.reasons.push(`${found[0].name} finns redan som ${GROUP_TYPE_NAMES[found[0].groupType]}`);
    if (line.reasons.length) return;
    const g = found[0];
    if (!g) {
      const created = { id: '', ref: `new:${groupKey(r.groupName)}`, name: r.groupName, groupType: r.groupType, subjectCode: r.subject, schoolYear: r.schoolYear, startDate: r.startDate ?? today, endDate: r.endDate };
      addTo(groups, created);
      ops.newGroups.push({ ref: created.ref, name: created.name, groupType: created.groupType, subjectCode: created.subjectCode, schoolYear: created.schoolYear, startDate: created.startDate, endDate: created.endDate });
      line.creates.push(`${GROUP_TYPE_NAMES[r.groupType]} ${r.groupName}${r.subject ? ` i ${r.subject}` : ''} från ${created.startDate}`);
      return;
    }
    const set = { subjectCode: r.subject ?? g.subjectCode, schoolYear: r.schoolYear ?? g.schoolYear, startDate: r.startDate ?? g.startDate, endDate: r.endDate ?? g.endDate };
    if (set.endDate !== null && set.endDate < set.startDate) { line.reasons.push('Slutdatumet är före startdatumet'); return; }
    const fields: [keyof typeof set, string][] = [['subjectCode', 'Ämne'], ['schoolYear', 'Årskurs'], ['startDate', 'Startdatum'], ['endDate', 'Slutdatum']];
    for (const [k, label] of fields) if (set[k] !== g[k]) line.changes.push({ field: label, before: g[k] === null ? null : String(g[k]), after: set[k] === null ? null : String(set[k]) });
    if (line.changes.length) {
      ops.groupUpdates.push({ id: g.id, set, before: { subjectCode: g.subjectCode, schoolYear: g.schoolYear, startDate: g.startDate, endDate: g.endDate } });
      assign(g, set);
    }
  }

  function member(line: Line, r: MembershipRow) {
    const at = firstSeen(`m:${r.childCivicNo}:${groupKey(r.groupName)}`, line.row);
    if (at !== undefined) { line.reasons.push(`Samma elev och grupp finns redan på rad ${at}`); return; }
    const child = persons.get(r.childCivicNo);
    if (!child || !pupilsHere.has(child.ref)) line.reasons.push(`Eleven ${formatCivicNo(r.childCivicNo)} finns inte bland enhetens elever`);
    else line.subject = `${nameOf(child, r.childCivicNo)} i ${r.groupName}`;
    const found = groupNamed(r.groupName);
    if (found.length !== 1) line.reasons.push(found.length ? `Flera grupper på enheten heter ${r.groupName}` : `Okänd grupp ${r.groupName} på enheten`);
    if (line.reasons.length || !child) return;
    membership(line, child.ref, found[0], r.startDate, r.endDate, true);
  }

  for (const r of read) {
    if (!r.ok) { lines.push({ row: r.row, outcome: 'reject', subject: r.subject, creates: [], changes: [], reasons: r.reasons }); continue; }
    const line = new Line(r.row, subjectOf(r.record));
    const rec: ImportRecord = r.record;
    const lengths = Object.entries(ops).map(([k, v]) => [k, (v as unknown[]).length] as const);
    journal = [];
    switch (rec.kind) {
      case 'elever': pupil(line, rec); break;
      case 'vardnadshavare': guardian(line, rec); break;
      case 'personal': staff(line, rec); break;
      case 'grupper': group(line, rec); break;
      case 'gruppmedlemskap': member(line, rec); break;
    }
    // a rejected row leaves nothing behind: its operations and what later rows would see are taken back
    if (line.reasons.length) {
      for (const [k, n] of lengths) (ops as unknown as Record<string, unknown[]>)[k].length = n;
      for (const undo of journal.reverse()) undo();
    }
    lines.push(line.done());
  }
  const counts = { create: 0, change: 0, unchanged: 0, reject: 0 } as Record<Outcome, number>;
  for (const l of lines) counts[l.outcome]++;
  return { lines, ops, counts };
}

/** The field of a row (PersonFields) a person column is compared with, for rows of the same person. */
const fieldOfRow = (k: keyof PersonColumns): keyof PersonFields =>
  k === 'workEmail' ? 'email' : k === 'workPhone' ? 'phone' : (k as keyof PersonFields);

const overlaps = (a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) =>
  !(a.endDate !== null && a.endDate < b.startDate) && !(b.endDate !== null && b.endDate < a.startDate);

function subjectOf(r: ImportRecord): string {
  switch (r.kind) {
    case 'grupper': return `${r.groupName} (${GROUP_TYPE_NAMES[r.groupType]})`;
    case 'gruppmedlemskap': return `${formatCivicNo(r.childCivicNo)} i ${r.groupName}`;
    default: return `${r.familyName}, ${r.givenName} (${formatCivicNo(r.civicNo)})`;
  }
}
