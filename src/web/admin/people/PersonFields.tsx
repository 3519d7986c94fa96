import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact, PersonData, SecurityMarking } from './types';

export interface PersonForm { givenName: string; familyName: string; civicNo: string; securityMarking: SecurityMarking; contact: Record<keyof Contact, string> }

export const emptyContact = { email: '', phone: '', streetAddress: '', postalCode: '', city: '' };
export const emptyPerson: PersonForm = { givenName: '', familyName: '', civicNo: '', securityMarking: 'none', contact: emptyContact };
export const personReady = (f: PersonForm) => f.givenName.trim() !== '' && f.familyName.trim() !== '' && f.civicNo.trim() !== '';

/** What is sent: contact details only when they may be shown (never for a protected person; `contactShown` false keeps them). */
export function toPersonData(f: PersonForm, contactShown: boolean): PersonData {
  return { givenName: f.givenName, familyName: f.familyName, civicNo: f.civicNo, securityMarking: f.securityMarking,
    contact: contactShown && f.securityMarking !== 'protected' ? f.contact : null };
}

/** Name, civic number, security marking and (unless protected) contact details of a person. */
export function PersonFields({ value, onChange, checked, civicError, contactShown, testId }: {
  value: PersonForm; onChange: (f: PersonForm) => void; checked: boolean; civicError?: string; contactShown: boolean; testId: string;
}) {
  const { t } = useTranslation();
  const required = (v: string) => (checked && v.trim() === '' ? t('people.required') : undefined);
  const contactField = (key: keyof Contact, props: object = {}) => (
    <TextInput label={t(`people.${key}`)} value={value.contact[key]} data-testid={`${testId}-${key}`} {...props}
      onChange={(e) => onChange({ ...value, contact: { ...value.contact, [key]: e.currentTarget.value } })} />
  );
  const markings: SecurityMarking[] = ['none', 'confidential', 'protected'];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput required label={t('people.givenName')} value={value.givenName} error={required(value.givenName)} data-testid={`${testId}-given`}
          onChange={(e) => onChange({ ...value, givenName: e.currentTarget.value })} autoComplete="off" />
        <TextInput required label={t('people.familyName')} value={value.familyName} error={required(value.familyName)} data-testid={`${testId}-family`}
          onChange={(e) => onChange({ ...value, familyName: e.currentTarget.value })} autoComplete="off" />
        <TextInput required label={t('people.civicNoInput')} description={t('people.civicNoHint')} value={value.civicNo} autoComplete="off"
          error={required(value.civicNo) ?? civicError} data-testid={`${testId}-civic`} onChange={(e) => onChange({ ...value, civicNo: e.currentTarget.value })} />
        <Select label={t('people.securityMarking')} allowDeselect={false} value={value.securityMarking} data-testid={`${testId}-marking`}
          data={markings.map((m) => ({ value: m, label: t(`people.markings.${m}`) }))}
          onChange={(v) => onChange({ ...value, securityMarking: (v as SecurityMarking) ?? value.securityMarking })} />
      </SimpleGrid>
      {!contactShown || value.securityMarking === 'protected' ? (
        <Alert color="red" variant="light" data-testid={`${testId}-protected`}>{t('people.protectedNote')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {contactField('email', { type: 'email' })}
          {contactField('phone', { type: 'tel' })}
          {contactField('streetAddress')}
          {contactField('postalCode')}
          {contactField('city')}
        </SimpleGrid>
      )}
    </Stack>
  );
}
