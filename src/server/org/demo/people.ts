import type { Ctx } from './context.js';
import { type Address, type CivicKind, randomDate } from './identity.js';
import type { NamePool } from './names.js';

export interface NewPerson {
  id: string;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  kind?: CivicKind;
  marking?: 'none' | 'confidential' | 'protected';
  email?: string | null;
  phone?: string | null;
  workEmail?: string | null;
  workPhone?: string | null;
  address?: Address | null;
  newlyArrivedDate?: string | null;
  sva?: boolean;
}

/** Adds a person row with a fresh valid civic number matching birth date and sex; returns the row index. */
export function addPerson(ctx: Ctx, p: NewPerson): number {
  const kind = p.kind ?? 'personnummer';
  return ctx.ds.person.add({
    id: p.id,
    civicNo: ctx.civic.issue(ctx.rng, p.birthDate, p.sex, kind),
    civicNoKind: kind,
    givenName: p.givenName,
    familyName: p.familyName,
    sex: p.sex,
    birthDate: p.birthDate,
    securityMarking: p.marking ?? 'none',
    email: p.email ?? null,
    phone: p.phone ?? null,
    workEmail: p.workEmail ?? null,
    workPhone: p.workPhone ?? null,
    streetAddress: p.address?.streetAddress ?? null,
    postalCode: p.address?.postalCode ?? null,
    city: p.address?.city ?? null,
    newlyArrivedDate: p.newlyArrivedDate ?? null,
    swedishAsSecondLanguage: p.sva ?? false,
  });
}

export function givenNameFor(ctx: Ctx, pool: NamePool, sex: 'F' | 'M'): string {
  return ctx.rng.pick(sex === 'F' ? pool.female : pool.male);
}

/** A birth date in calendar year `year`, never after today. */
export function birthDateIn(ctx: Ctx, year: number): string {
  const to = `${year}-12-31` > ctx.today ? ctx.today : `${year}-12-31`;
  return randomDate(ctx.rng, `${year}-01-01`, to);
}
