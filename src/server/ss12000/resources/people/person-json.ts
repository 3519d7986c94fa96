// A person row as the standard's Person: names, civic number, sex, security marking, status, contact
// details (only where the security marking allows), enrolments and responsibles.
import type { Ss12000Context } from '../../http/context.js';
import { metaOf, ref } from '../../http/meta.js';
import {
  addressOf, contactDetailsServed, isEmailAddress, isMobileNumber, personStatusOf, schoolTypeOf, securityMarkingOf, sexOf,
} from './mapping.js';

export interface EnrolmentJson { unitId: string; unitName: string; schoolYear: number; form: string; start: string; end: string | null }
export interface PersonRefJson { id: string; given: string; family: string; marking: string }

export interface PersonRow {
  id: string; given_name: string; family_name: string; civic_no: string | null; birth_date: string | null; sex: string | null;
  security_marking: string; status: string; email: string | null; work_email: string | null; phone: string | null; work_phone: string | null;
  street_address: string | null; postal_code: string | null; city: string | null; created_at: string | null; modified_at: string | null;
  enrolments: EnrolmentJson[] | null; responsibles: PersonRefJson[] | null;
}

/** A PersonReference: id, displayName when asked, and the security marking (which the reference carries). */
export function personRef(p: PersonRefJson, ctx: Ss12000Context) {
  return { ...ref(p.id, `${p.given} ${p.family}`, ctx.withNames), securityMarking: securityMarkingOf(p.marking) };
}

function contactDetails(r: PersonRow) {
  const emails = [
    ...(r.email && isEmailAddress(r.email) ? [{ value: r.email, type: 'Privat' as const }] : []),
    ...(r.work_email && isEmailAddress(r.work_email) ? [{ value: r.work_email, type: 'Skola personal' as const }] : []),
  ];
  const phoneNumbers = [
    ...(r.phone ? [{ value: r.phone, type: 'Hem' as const, mobile: isMobileNumber(r.phone) }] : []),
    ...(r.work_phone ? [{ value: r.work_phone, type: 'Arbete' as const, mobile: isMobileNumber(r.work_phone) }] : []),
  ];
  const address = addressOf(r.street_address, r.postal_code, r.city);
  return {
    ...(emails.length ? { emails } : {}),
    ...(phoneNumbers.length ? { phoneNumbers } : {}),
    ...(address ? { addresses: [address] } : {}),
  };
}

export function toPerson(r: PersonRow, ctx: Ss12000Context) {
  const securityMarking = securityMarkingOf(r.security_marking);
  const personStatus = personStatusOf(r.status);
  return {
    id: r.id,
    meta: metaOf(r.created_at, r.modified_at, ctx.now),
    givenName: r.given_name,
    familyName: r.family_name,
    ...(r.civic_no ? { civicNo: { value: r.civic_no, nationality: 'SE' } } : {}),
    ...(r.birth_date ? { birthDate: r.birth_date } : {}),
    sex: sexOf(r.sex),
    securityMarking,
    ...(personStatus ? { personStatus } : {}),
    ...(contactDetailsServed(securityMarking) ? contactDetails(r) : {}),
    enrolments: (r.enrolments ?? []).map((e) => ({
      enroledAt: ref(e.unitId, e.unitName, ctx.withNames),
      schoolYear: e.schoolYear,
      schoolType: schoolTypeOf(e.form),
      startDate: e.start,
      ...(e.end ? { endDate: e.end } : {}),
    })),
    responsibles: (r.responsibles ?? []).map((g) => ({ person: personRef(g, ctx), relationType: 'Vårdnadshavare' as const })),
  };
}
