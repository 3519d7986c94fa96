import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import { contactValue, postalLine } from './ContactFacts';
import type { PupilGuardian } from './types';

/** The pupil's guardians with phone, e-mail and address; a protected guardian's say "Skyddad". */
export function GuardiansSection({ guardians }: { guardians: PupilGuardian[] }) {
  const { t } = useTranslation();
  const address = (g: PupilGuardian) => g.contact && [g.contact.streetAddress, postalLine(g.contact)].filter(Boolean).join(', ');
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
            contactValue(t, g.contact, address(g)),
          ],
        }))}
      />
    </Section>
  );
}
