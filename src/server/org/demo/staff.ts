import { demoAccount, type DemoAccount } from './accounts.js';
import type { Ctx } from './context.js';
import { mobilePhone, randomAddress, randomDate, workPhone } from './identity.js';
import { BACKGROUNDS, SWEDISH } from './names.js';
import { addPerson, birthDateIn, givenNameFor } from './people.js';
import { stableUuid } from './random.js';

export type DutyRole = 'teacher' | 'administrator' | 'principal' | 'analyst' | 'student_health';

export interface Teacher { id: string; licensed: boolean; qualified: string[] }

/** The person id of a named demo account: the same in every run, preset and seed. */
export const namedPersonId = (username: string) => stableUuid(`larka-demo:person:${username}`);

/** Creates a staff member (generic, or the named account given) and returns the person id. */
export function addStaffPerson(ctx: Ctx, named?: DemoAccount): string {
  const { rng } = ctx;
  const pool = named ? SWEDISH : rng.chance(0.8) ? SWEDISH : rng.weighted(BACKGROUNDS.slice(1));
  const sex = named?.sex ?? (rng.chance(0.7) ? 'F' : 'M');
  const givenName = named?.givenName ?? givenNameFor(ctx, pool, sex);
  const familyName = named?.familyName ?? rng.pick(pool.family);
  const id = named ? namedPersonId(named.username) : rng.uuid();
  addPerson(ctx, {
    id, givenName, familyName, sex,
    birthDate: birthDateIn(ctx, ctx.year - rng.int(25, 64)),
    phone: mobilePhone(rng), workEmail: ctx.workEmails.issue(givenName, familyName), workPhone: workPhone(rng),
    address: randomAddress(rng),
  });
  return id;
}

/** A duty (tjänstgöring) at a unit, or at organiser level when unitId is null (analyst, organiser-level administrator). */
export function addDuty(ctx: Ctx, personId: string, unitId: string | null, role: DutyRole, licensed = false, qualified: readonly string[] = []): void {
  const start = randomDate(ctx.rng, `${ctx.year - 15}-08-01`, ctx.htStart);
  ctx.ds.duty.add({
    id: ctx.rng.uuid(), personId, schoolUnitId: unitId, role, licensed, qualifiedSubjects: [...qualified],
    startDate: start, endDate: null,
  });
}

/** Puts a staff member on a group: as teacher (grader) of a teaching group or as mentor of a class. */
export function addGroupStaff(ctx: Ctx, groupId: string, personId: string, assignment: 'teacher' | 'mentor'): void {
  ctx.ds.groupStaff.add({
    id: ctx.rng.uuid(), groupId, personId, assignment, grader: assignment === 'teacher',
    startDate: ctx.htStart, endDate: null,
  });
}

/** A new teacher at a unit; `licensed` false gives a teacher without legitimation (no qualified subjects). */
export function newTeacher(ctx: Ctx, unitId: string, licensed: boolean, qualified: readonly string[], named?: string): Teacher {
  const id = addStaffPerson(ctx, named ? demoAccount(named) : undefined);
  const q = licensed ? [...qualified] : [];
  addDuty(ctx, id, unitId, 'teacher', licensed, q);
  return { id, licensed, qualified: q };
}

/** Principal, administrators and student health of a unit; the named ones at the first unit. */
export function addUnitLeadership(ctx: Ctx, unitId: string, first: boolean): { principal: string; administrators: string[] } {
  const principal = addStaffPerson(ctx, first ? demoAccount('rektor') : undefined);
  addDuty(ctx, principal, unitId, 'principal');
  const administrators: string[] = [];
  for (let i = 0; i < ctx.shape.administrators; i++) {
    const id = addStaffPerson(ctx, first && i === 0 ? demoAccount('admin') : undefined);
    addDuty(ctx, id, unitId, 'administrator');
    administrators.push(id);
  }
  for (let i = 0; i < ctx.shape.studentHealth; i++) addDuty(ctx, addStaffPerson(ctx), unitId, 'student_health');
  return { principal, administrators };
}

/** Organiser-level analysts (unit null): the named `analytiker`, and one more in a municipality. */
export function addAnalysts(ctx: Ctx): void {
  addDuty(ctx, addStaffPerson(ctx, demoAccount('analytiker')), null, 'analyst');
  if (ctx.shape.unitCount > 3) addDuty(ctx, addStaffPerson(ctx), null, 'analyst');
}

/** The organiser-level administrator (`huvudman`): an administrator duty without a unit, i.e. at every unit. */
export function addOrganiserAdministrator(ctx: Ctx): void {
  addDuty(ctx, addStaffPerson(ctx, demoAccount('huvudman')), null, 'administrator');
}

/** The named student health account (`elevhalsa`) at the first unit, besides the generated student health staff. */
export function addNamedStudentHealth(ctx: Ctx, unitId: string): void {
  addDuty(ctx, addStaffPerson(ctx, demoAccount('elevhalsa')), unitId, 'student_health');
}

/** Delegations by the principal of the first unit: two in force and one that has expired. */
export function addDelegations(ctx: Ctx, unitId: string, principal: string, deputy: string, admin: string, former: string): void {
  const add = (delegateId: string, decisionKind: string, startDate: string, endDate: string | null) =>
    ctx.ds.delegation.add({ id: ctx.rng.uuid(), schoolUnitId: unitId, principalId: principal, delegateId, decisionKind, startDate, endDate });
  add(deputy, 'sign_term_grades', ctx.htStart, null);
  add(admin, 'decide_leave', ctx.htStart, null);
  add(former, 'sign_term_grades', `${ctx.year - 1}-08-18`, `${ctx.year}-06-30`);
}
