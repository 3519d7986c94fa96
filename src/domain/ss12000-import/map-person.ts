/**
 * An SS 12000 Person becomes our person: the civic number normalised and validated as the register import
 * does, the standard's codes for sex and security marking turned into ours, contact details by their type,
 * the enrolments and the guardians (responsibles of relation Vårdnadshavare). Pure.
 */
import { civicNo } from '../register/import/cells.js';
import { parseCivicNo } from '../org/personnummer.js';
import type { SsEnrolment, SsPerson } from './source-types.js';
import type { EnrolmentRecord, Mapped, Marking, PersonRecord, Rejection, Sex } from './records.js';
import { dateOf, ok, reject, textOf } from './map-common.js';

const SEX: Record<string, Sex> = { Kvinna: 'F', Man: 'M', 'Okänt': 'X' };
const MARKING: Record<string, Marking> = { Ingen: 'none', Sekretessmarkering: 'confidential', 'Skyddad folkbokföring': 'protected' };

/** Sex of the standard (Kvinna, Man, Okänt) as ours (F, M, X); absent → null. */
export const sexOf = (v: string | undefined): Sex | null => (v && v in SEX ? SEX[v] : null);
/** Security marking of the standard as ours; absent or unknown → null (a recorded marking is kept). */
export const markingOf = (v: string | undefined): Marking | null => (v && v in MARKING ? MARKING[v] : null);
/** Aktiv is active; Utvandrad and Avliden are inactive; absent is Aktiv (the standard's default). */
export const activeOf = (v: string | undefined) => v === undefined || v === 'Aktiv';

const WORK_EMAIL = new Set(['Skola personal', 'Arbete övrigt']);

/** An enrolment we can keep: it names a unit, a start date and a school year 0–10; a cancelled one is skipped. */
export function mapEnrolment(personId: string, e: SsEnrolment): { ok: true; value: EnrolmentRecord | null } | { ok: false; rejection: Rejection } {
  if (e.cancelled) return { ok: true, value: null };
  const no = (reason: string) => ({ ok: false as const, rejection: { type: 'persons', id: personId, reason } });
  if (!e.enroledAt?.id) return no('Inskrivningen saknar skolenhet');
  const startDate = dateOf(e.startDate);
  if (!startDate) return no('Inskrivningen saknar startdatum');
  if (typeof e.schoolYear !== 'number' || !Number.isInteger(e.schoolYear) || e.schoolYear < 0 || e.schoolYear > 10) {
    return no(`Inskrivningen från ${startDate} saknar årskurs 0–10`);
  }
  if (!e.schoolType) return no(`Inskrivningen från ${startDate} saknar skolform`);
  return { ok: true, value: { unitExternalId: e.enroledAt.id, schoolYear: e.schoolYear, schoolForm: e.schoolType, startDate, endDate: dateOf(e.endDate) } };
}

export function mapPerson(p: SsPerson, today: Date): Mapped<PersonRecord> {
  const givenName = textOf(p.givenName);
  const familyName = textOf(p.familyName);
  if (!givenName || !familyName) return reject('persons', p.id, 'Personen saknar förnamn eller efternamn');
  let civic: string | null = null;
  let kind: PersonRecord['civicNoKind'] = null;
  let birthDate = dateOf(p.birthDate);
  const rawCivic = textOf(p.civicNo?.value);
  if (rawCivic) {
    const cell = civicNo(rawCivic, 'Personnummer', today);
    if (!cell.ok) return reject('persons', p.id, cell.reason);
    const parsed = parseCivicNo(cell.value, today);
    civic = cell.value;
    if (parsed.ok) { kind = parsed.kind; birthDate ??= parsed.birthDate; }
  }
  const email = p.emails?.find((e) => e.type && !WORK_EMAIL.has(e.type) && textOf(e.value));
  const workEmail = p.emails?.find((e) => e.type && WORK_EMAIL.has(e.type) && textOf(e.value));
  const phone = p.phoneNumbers?.find((n) => n.type !== 'Arbete' && textOf(n.value));
  const workPhone = p.phoneNumbers?.find((n) => n.type === 'Arbete' && textOf(n.value));
  const address = p.addresses?.find((a) => (a.type ?? 'Folkbokföring') === 'Folkbokföring') ?? p.addresses?.[0];
  const warnings: Rejection[] = [];
  const enrolments: EnrolmentRecord[] = [];
  for (const e of p.enrolments ?? []) {
    const m = mapEnrolment(p.id, e);
    if (!m.ok) warnings.push(m.rejection);
    else if (m.value) enrolments.push(m.value);
  }
  const guardianExternalIds = [...new Set((p.responsibles ?? [])
    .filter((r) => r.relationType === 'Vårdnadshavare' && r.person?.id).map((r) => r.person!.id))];
  return ok({
    externalId: p.id, civicNo: civic, civicNoKind: kind, birthDate, sex: sexOf(p.sex), givenName, familyName,
    securityMarking: markingOf(p.securityMarking),
    email: textOf(email?.value), phone: textOf(phone?.value), workEmail: textOf(workEmail?.value), workPhone: textOf(workPhone?.value),
    streetAddress: textOf(address?.streetAddress), postalCode: textOf(address?.postalCode), city: textOf(address?.locality),
    active: activeOf(p.personStatus), enrolments, guardianExternalIds,
  }, warnings);
}
