import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import { contactValue, postalLine } from './ContactFacts';
import type { PupilGuardian } from './types';

/** The pupil's guardians with phone, e-mail and address; "Skyddad" for all of a protected guardian's, and
 *  for the address of every guardian of a protected pupil. */
export function GuardiansSection({ guardians }: { guardians: PupilGuardian[] }) {
  const { t } = useTranslation();
  const address = (g: PupilGuardian) =>
    g.addressWithheld ? t('pupils.protectedValue') : contactValue(t, g.contact, g.contact && [g.contact.streetAddress, postalLine(g.contact)].filter(Boolean).join(', '));
  return (
    <Section title={t('pupils.guardians')} testId="guardians-section">
      <DataTable
        label={t('pupils.guardiansLabel')}
        testId="guardians-table"
        empty={t('pupils.noGuardians')}
        columns={[t('pupils.name'), t('pupils.phone'), t('pupils.email'), t('pupils.address')]}
        rows={guardians.map((g) => ({
          key: g.id,
          cells: [
            <Group key="n" gap="xs" wrap="nowrap">
              <span>{`${g.givenName} ${g.familyName}`}</span>
              {g.contact === null && <Badge color="red.9" variant="filled" size="sm">{t('pupils.protectedTitle')}</Badge>}
            </Group>,
            contactValue(t, g.contact, g.contact?.phone),
            contactValue(t, g.contact, g.contact?.email),
            address(g),
          ],
        }))}
      />
    </Section>
  );
}
