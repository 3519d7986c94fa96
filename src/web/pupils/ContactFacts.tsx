import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FactTable } from '../app/FactTable';
import type { PupilContact } from './types';

/** A contact field as shown: "Skyddad" when the contact is withheld (protected registration), never blank. */
export function contactValue(t: TFunction, contact: PupilContact | null, v: string | null | undefined): string {
  return contact === null ? t('pupils.protectedValue') : v || t('pupils.missing');
}

export const postalLine = (contact: PupilContact | null) => (contact ? [contact.postalCode, contact.city].filter(Boolean).join(' ') : null);

/** The pupil's address, e-mail and phone as facts. */
export function ContactFacts({ contact }: { contact: PupilContact | null }) {
  const { t } = useTranslation();
  const value = (v: string | null | undefined) => contactValue(t, contact, v);
  return (
    <FactTable
      label={t('pupils.contact')}
      testId="pupil-contact"
      facts={[
        [t('pupils.streetAddress'), value(contact?.streetAddress)],
        [t('pupils.postalAddress'), value(postalLine(contact))],
        [t('pupils.email'), value(contact?.email)],
        [t('pupils.phone'), value(contact?.phone)],
      ]}
    />
  );
}
