import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { Section } from '../../app/DataTable';
import { FactTable } from '../../app/FactTable';
import { useCurrentSession } from '../../session/useSession';
import { errorText, isCivicNoError, duplicateOf } from './errors';
import { emptyContact, PersonFields, personReady, toPersonData, type PersonForm } from './PersonFields';
import { DuplicateNotice } from './DuplicateNotice';
import type { Person } from './types';
import { useUpdatePerson } from './usePeople';

const formOf = (p: Person): PersonForm => ({
  givenName: p.givenName, familyName: p.familyName, civicNo: p.civicNo ?? '', securityMarking: p.securityMarking,
  contact: p.contact ? { email: p.contact.email ?? '', phone: p.contact.phone ?? '', streetAddress: p.contact.streetAddress ?? '',
    postalCode: p.contact.postalCode ?? '', city: p.contact.city ?? '' } : emptyContact,
});

/** Personal data as facts, and the form that edits them with the version read (a stale edit is told so). */
export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const update = useUpdatePerson(session.current, person.id);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<PersonForm>(formOf(person));
  const [version, setVersion] = useState(person.version);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'stale' | null>(null);
  const c = person.contact;
  const shown = (v: string | null | undefined) => (c === null ? t('people.protectedValue') : v || t('people.missing'));

  const start = () => { setForm(formOf(person)); setVersion(person.version); setChecked(false); setNotice(null); update.reset(); setEditing(true); };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!personReady(form)) return;
    update.mutate({ ...toPersonData(form, person.contact !== null), version }, {
      onSuccess: () => { setEditing(false); setNotice('saved'); },
      onError: (err) => {
        if (isApiError(err, 409) && err.code === 'stale_version') {
          const current = err.body?.current as Person;
          setForm(formOf(current)); setVersion(current.version); setNotice('stale');
        }
      },
    });
  };
  const duplicate = duplicateOf(update.error);
  const failed = update.error && !isCivicNoError(update.error) && !duplicate && !(isApiError(update.error, 409) && update.error.code === 'stale_version');

  return (
    <Section title={t('people.personal')} testId="person-details">
      {notice === 'saved' && !editing && <Alert color="green" data-testid="person-saved">{t('people.saved')}</Alert>}
      {editing ? (
        <form onSubmit={onSubmit} noValidate aria-label={t('people.edit')} data-testid="person-edit-form">
          <Stack gap="sm" maw={760}>
            {notice === 'stale' && <Alert color="orange" role="alert" data-testid="person-stale">{t('people.stale')}</Alert>}
            <PersonFields value={form} onChange={setForm} checked={checked} contactShown={person.contact !== null} testId="edit-person"
              civicError={isCivicNoError(update.error) ? errorText(t, update.error) : undefined} />
            {duplicate && <DuplicateNotice existing={duplicate} />}
            {failed && <Alert color="red" role="alert">{errorText(t, update.error)}</Alert>}
            <Group>
              <Button type="submit" loading={update.isPending} data-testid="person-save">{t('people.save')}</Button>
              <Button variant="subtle" onClick={() => setEditing(false)}>{t('people.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm" align="flex-start">
          <FactTable label={t('people.personal')} testId="person-facts" facts={[
            [t('people.givenName'), person.givenName],
            [t('people.familyName'), person.familyName],
            [person.civicNoKind ? t(`people.civicKinds.${person.civicNoKind}`) : t('people.civicNo'), person.civicNo ?? t('people.missing')],
            [t('people.birthDate'), person.birthDate ?? t('people.missing')],
            [t('people.securityMarking'), t(`people.markings.${person.securityMarking}`)],
            [t('people.streetAddress'), shown(c?.streetAddress)],
            [t('people.postalAddress'), shown(c && [c.postalCode, c.city].filter(Boolean).join(' '))],
            [t('people.email'), shown(c?.email)],
            [t('people.phone'), shown(c?.phone)],
          ]} />
          <Button variant="outline" onClick={start} data-testid="person-edit">{t('people.edit')}</Button>
        </Stack>
      )}
    </Section>
  );
}
