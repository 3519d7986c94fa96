/** An SS 12000 Organisation of type Skolenhet becomes our school unit, matched by its school unit code. Pure. */
import type { SsOrganisation } from './source-types.js';
import type { Mapped, UnitRecord } from './records.js';
import { ok, reject, textOf } from './map-common.js';

/** Organisations other than school units (Huvudman, Rektorsområde …) are not ours to import: skipped, not rejected. */
export const isSchoolUnit = (o: SsOrganisation) => o.organisationType === 'Skolenhet';

export function mapSchoolUnit(o: SsOrganisation): Mapped<UnitRecord> {
  const code = textOf(o.schoolUnitCode);
  if (!code) return reject('organisations', o.id, 'Skolenheten saknar skolenhetskod');
  if (!/^\d{8}$/.test(code)) return reject('organisations', o.id, `Skolenhetskoden ”${code}” ska vara åtta siffror`);
  const name = textOf(o.displayName);
  if (!name) return reject('organisations', o.id, 'Skolenheten saknar namn');
  return ok({
    externalId: o.id, name, schoolUnitCode: code, schoolForms: [...new Set(o.schoolTypes ?? [])].sort(),
    municipalityCode: textOf(o.municipalityCode), streetAddress: textOf(o.address?.streetAddress), postalCode: textOf(o.address?.postalCode),
    city: textOf(o.address?.locality), email: textOf(o.email), phone: textOf(o.phoneNumber),
  });
}
