import { DEMO_ACCOUNTS, demoAccount } from './accounts.js';
import type { Ctx } from './context.js';
import { type Address, addDays, type CivicKind, mobilePhone, privateEmail, randomAddress, randomDate } from './identity.js';
import { BACKGROUNDS, FINNISH, type NamePool, SWEDISH } from './names.js';
import { addPerson, birthDateIn, givenNameFor } from './people.js';
import { addPupil, buildSlots, type Slot } from './pupils.js';
import { stableUuid } from './random.js';
import type { UnitInfo } from './schools.js';
import { namedPersonId } from './staff.js';

interface ExistingGuardian { id: string; rowIndex?: number; given?: string; family?: string; sex?: 'F' | 'M' }

interface FamilySpec {
  slots: Slot[];
  pool: NamePool;
  familyName?: string;
  children?: { id: string; givenName: string; sex: 'F' | 'M' }[];
  /** The first guardian when it is a named person (created here) or an existing staff member. */
  guardian?: ExistingGuardian & { create: boolean };
  index: number;
}

export interface FamilyCounts { pupils: number; guardians: number }

const childId = (key: string) => stableUuid(`larka-demo:person:${key}`);

/** Pupils and their guardians: named families first, then households of 1–3 children, some across units. */
export function buildFamilies(ctx: Ctx, units: UnitInfo[]): FamilyCounts {
  const { rng } = ctx;
  const slots = buildSlots(ctx, units);
  const counts: FamilyCounts = { pupils: 0, guardians: 0 };
  const state = { protectedGuardianDone: false, newlyArrived: 0 };
  const reserve = (unitName: string, className: string) => {
    const s = slots.find((x) => !x.taken && x.unit.name === unitName && x.cls.name === className);
    if (!s) throw new Error(`demo: no place in ${className} at ${unitName}`);
    s.taken = true;
    return s;
  };
  let index = 0;

  // Named families.
  const elev = demoAccount('elev');
  addFamily(ctx, {
    slots: [reserve(elev.units[0], elev.className!)], pool: SWEDISH, familyName: elev.familyName,
    children: [{ id: namedPersonId('elev'), givenName: elev.givenName, sex: elev.sex }], index: index++,
  }, counts, state);
  for (const account of DEMO_ACCOUNTS.filter((a) => a.children?.length)) {
    const existing = account.roles.includes('teacher');
    const rowIndex = existing ? ctx.ds.person.columns.id.indexOf(namedPersonId(account.username)) : undefined;
    if (existing && rowIndex! < 0) throw new Error(`demo: ${account.username} must be created before the families`);
    addFamily(ctx, {
      slots: account.children!.map((c) => reserve(c.unit, c.className)),
      pool: account.familyName === 'Hassan' ? BACKGROUNDS[2][0] : SWEDISH, familyName: account.familyName,
      children: account.children!.map((c) => ({ id: childId(c.key), givenName: c.givenName, sex: c.sex })),
      guardian: {
        id: namedPersonId(account.username), create: !existing, rowIndex,
        given: account.givenName, family: account.familyName, sex: account.sex,
      },
      index: index++,
    }, counts, state);
  }

  // Generic households.
  const pools = new Map<UnitInfo, Slot[]>(units.map((u) => [u, rng.shuffle(slots.filter((s) => s.unit === u && !s.taken))]));
  const order = rng.shuffle(slots.filter((s) => !s.taken));
  for (const first of order) {
    if (first.taken) continue;
    first.taken = true;
    const members = [first];
    const extra = rng.weighted([[0, 64], [1, 29], [2, 7]] as const);
    for (let k = 0; k < extra; k++) {
      const unit = units.length > 1 && rng.chance(0.1) ? rng.pick(units) : first.unit;
      const pool = pools.get(unit)!;
      for (let tries = 0; tries < 4 && pool.length; tries++) {
        const s = pool.pop()!;
        if (s.taken || members.some((m) => m.year === s.year)) continue;
        s.taken = true;
        members.push(s);
        break;
      }
    }
    addFamily(ctx, { slots: members, pool: rng.weighted(BACKGROUNDS), index: index++ }, counts, state);
  }
  return counts;
}

function addFamily(ctx: Ctx, f: FamilySpec, counts: FamilyCounts, state: { protectedGuardianDone: boolean; newlyArrived: number }): void {
  const { rng } = ctx;
  const familyName = f.familyName ?? rng.pick(f.pool.family);
  const named = !!f.children;
  const home = randomAddress(rng);
  const immigrant = f.pool !== SWEDISH && f.pool !== FINNISH;
  const newlyArrived = !named && immigrant && rng.chance(0.08);
  const recent = newlyArrived && state.newlyArrived++ < 2 ? true : newlyArrived && rng.chance(0.25);
  const arrival = newlyArrived ? randomDate(rng, addDays(ctx.today, recent ? -300 : -1400), addDays(ctx.today, recent ? 0 : -301)) : null;
  const isProtected = !named && f.index % 250 === 17;
  const confidential = !named && f.index % 150 === 40;

  // Children.
  const births: string[] = [];
  const childIds: string[] = [];
  f.slots.forEach((slot, i) => {
    const c = f.children?.[i];
    const id = c?.id ?? rng.uuid();
    childIds.push(id);
    const kind: CivicKind = !newlyArrived ? 'personnummer'
      : recent ? (rng.chance(0.7) ? 'temporary' : 'samordningsnummer') : (rng.chance(0.35) ? 'samordningsnummer' : 'personnummer');
    births.push(addPupil(ctx, {
      id, slot, pool: f.pool, familyName, givenName: c?.givenName, sex: c?.sex, kind,
      marking: isProtected ? 'protected' : confidential && i === 0 ? 'confidential' : 'none',
      address: home, arrival, sva: newlyArrived || (immigrant && slot.year >= 1 && rng.chance(0.35)),
    }));
    counts.pupils++;
  });

  // Guardians: usually two, sometimes living apart; a named or existing person may be the first.
  const oldest = births.reduce((a, b) => (a < b ? a : b));
  const two = named || rng.chance(0.85);
  const sex1: 'F' | 'M' = f.guardian?.sex ?? (two ? (rng.chance(0.6) ? 'F' : 'M') : rng.chance(0.75) ? 'F' : 'M');
  const sex2: 'F' | 'M' = rng.chance(0.95) ? (sex1 === 'F' ? 'M' : 'F') : sex1;
  const guardianIds: string[] = [];
  const guardianKind = (): CivicKind => (!newlyArrived ? 'personnummer' : rng.chance(0.5) ? 'samordningsnummer' : 'personnummer');
  const addGuardian = (sex: 'F' | 'M', given: string, family: string, address: Address, id: string, marking: 'none' | 'protected') => {
    addPerson(ctx, {
      id, givenName: given, familyName: family, sex, kind: guardianKind(), marking,
      birthDate: birthDateIn(ctx, Number(oldest.slice(0, 4)) - rng.int(24, 42)),
      email: privateEmail(rng, given, family), phone: mobilePhone(rng), address,
    });
    counts.guardians++;
    guardianIds.push(id);
  };
  const g = f.guardian;
  if (g && !g.create) {
    // An existing staff member: their home becomes the family's home.
    for (const [col, v] of Object.entries(home)) ctx.ds.person.set(g.rowIndex!, col as 'city', v);
    guardianIds.push(g.id);
    counts.guardians++;
  } else {
    const protect = isProtected && !state.protectedGuardianDone;
    if (protect) state.protectedGuardianDone = true;
    addGuardian(sex1, g?.given ?? givenNameFor(ctx, f.pool, sex1), g?.family ?? familyName, home, g?.id ?? rng.uuid(), protect ? 'protected' : 'none');
  }
  if (two) {
    const separated = !named && rng.chance(0.2);
    const family2 = named || rng.chance(0.7) ? familyName : rng.pick(f.pool.family);
    addGuardian(sex2, givenNameFor(ctx, f.pool, sex2), family2, separated ? randomAddress(rng) : home,
      named ? stableUuid(`larka-demo:person:${f.index}/guardian2`) : rng.uuid(), 'none');
  }
  for (const guardianId of guardianIds) {
    childIds.forEach((childId, i) => {
      ctx.ds.guardianship.add({ id: rng.uuid(), guardianId, childId, startDate: births[i], endDate: null });
    });
  }
}
