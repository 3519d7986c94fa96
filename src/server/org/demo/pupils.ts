import type { Ctx } from './context.js';
import { addDays, type CivicKind, mobilePhone } from './identity.js';
import { type NamePool, SWEDISH, SWEDISH_CHILDREN } from './names.js';
import { addPerson, birthDateIn, givenNameFor } from './people.js';
import { CLASS_SUBJECTS, type ClassInfo, LANGUAGES, type UnitInfo } from './schools.js';

/** A place for one pupil: unit, class, school year and school form. */
export interface Slot { unit: UnitInfo; cls: ClassInfo; year: number; form: 'GR' | 'GRS'; taken: boolean }

export interface NewPupil {
  id: string;
  slot: Slot;
  pool: NamePool;
  familyName: string;
  givenName?: string;
  sex?: 'F' | 'M';
  kind: CivicKind;
  marking: 'none' | 'confidential' | 'protected';
  address: { streetAddress: string; postalCode: string; city: string };
  arrival: string | null;
  sva: boolean;
}

/** All pupil places of all units, class by class. */
export function buildSlots(ctx: Ctx, units: UnitInfo[]): Slot[] {
  const { rng, shape } = ctx;
  const slots: Slot[] = [];
  for (const unit of units) {
    for (const cls of unit.classes) {
      const n = cls.form === 'GRS' ? rng.int(5, 8) : rng.int(shape.classSize[0], shape.classSize[1]);
      for (let i = 0; i < n; i++) {
        slots.push({ unit, cls, year: cls.form === 'GRS' ? rng.pick(cls.years) : cls.year!, form: cls.form, taken: false });
      }
    }
  }
  return slots;
}

/** Adds the pupil: person, enrolment, class membership and (years 6–9) teaching-group memberships.
 *  Returns the birth date. */
export function addPupil(ctx: Ctx, p: NewPupil): string {
  const { rng, ds } = ctx;
  const { slot } = p;
  const sex = p.sex ?? (rng.chance(0.5) ? 'F' : 'M');
  const offset = rng.chance(0.02) ? rng.pick([-1, 1]) : 0;
  const birthDate = birthDateIn(ctx, ctx.year - 6 - slot.year + offset);
  const arrival = p.arrival && p.arrival < birthDate ? addDays(birthDate, 30) : p.arrival;
  addPerson(ctx, {
    id: p.id, givenName: p.givenName ?? givenNameFor(ctx, p.pool === SWEDISH ? SWEDISH_CHILDREN : p.pool, sex), familyName: p.familyName, sex, birthDate,
    kind: p.kind, marking: p.marking, phone: slot.year >= 7 && rng.chance(0.6) ? mobilePhone(rng) : null,
    address: p.address, newlyArrivedDate: arrival, sva: p.sva,
  });
  const started = arrival ?? `${ctx.year - slot.year}-08-18`;
  ds.enrolment.add({
    id: rng.uuid(), personId: p.id, schoolUnitId: slot.unit.id, schoolYear: slot.year, schoolForm: slot.form,
    gradesRequested: slot.form === 'GRS' && rng.chance(0.3), adaptedTimetable: rng.chance(0.01),
    startDate: started, endDate: null,
  });
  const from = arrival && arrival > ctx.htStart ? arrival : ctx.htStart;
  const join = (groupId: string | undefined) => {
    if (groupId) ds.membership.add({ id: rng.uuid(), groupId, personId: p.id, startDate: from, endDate: null });
  };
  join(slot.cls.id);
  if (slot.form === 'GRS') {
    if (slot.year >= 6) for (const gid of slot.cls.subjectGroups.values()) join(gid);
  } else if (slot.year >= 6) {
    for (const s of CLASS_SUBJECTS) {
      join(s === 'SV' && p.sva ? slot.unit.pairGroups.get(`${slot.cls.pair}:SVA`) : slot.cls.subjectGroups.get(s));
    }
    const lang = arrival ? null : rng.weighted<string | null>([[LANGUAGES[0], 45], [LANGUAGES[1], 22], [LANGUAGES[2], 15], [null, 18]]);
    if (lang) join(slot.unit.pairGroups.get(`${slot.cls.pair}:${lang}`));
  }
  return birthDate;
}
