import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactPair } from './types';

interface PairValues {
  email: string;
  phone: string;
}

const toValues = (p: ContactPair | null): PairValues => ({ email: p?.email ?? '', phone: p?.phone ?? '' });
const toPair = (v: PairValues): ContactPair => ({
  email: v.email.trim() || null,
  phone: v.phone.trim() || null,
});
const looksLikeEmail = (s: string) => !s.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());
const looksLikePhone = (s: string) => /^[0-9+()\- ]*$/.test(s.trim());
const isValid = (v: PairValues) => looksLikeEmail(v.email) && looksLikePhone(v.phone);

function PairFields({
  legend,
  values,
  onChange,
  prefix,
  personal,
  showErrors,
}: {
  legend: string;
  values: PairValues;
  onChange: (v: PairValues) => void;
  prefix: string;
  personal: boolean;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const emailError = showErrors && !looksLikeEmail(values.email) ? t('contact.invalidEmail') : undefined;
  const phoneError = showErrors && !looksLikePhone(values.phone) ? t('contact.invalidPhone') : undefined;
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <TextInput
          label={t('contact.email')}
          name={`${prefix}-email`}
          type="email"
          autoComplete={personal ? 'email' : 'off'}
          value={values.email}
          error={emailError}
          onChange={(e) => onChange({ ...values, email: e.currentTarget.value })}
        />
        <TextInput
          label={t('contact.phone')}
          name={`${prefix}-phone`}
          type="tel"
          autoComplete={personal ? 'tel' : 'off'}
          value={values.phone}
          error={phoneError}
          onChange={(e) => onChange({ ...values, phone: e.currentTarget.value })}
        />
      </Stack>
    </Fieldset>
  );
}

/** The edit form; `version` is the version the user's values are based on. */
export function ContactForm({
  initial,
  version,
  saving,
  onSave,
  onAttempt,
}: {
  initial: Contact;
  version: number;
  saving: boolean;
  onSave: (c: Contact) => void;
  /** called on every submit, before validation (clears an earlier "saved"/"failed" message) */
  onAttempt: () => void;
}) {
  const { t } = useTranslation();
  const [personal, setPersonal] = useState(() => toValues(initial.personal));
  const [work, setWork] = useState(() => toValues(initial.work));
  const [showErrors, setShowErrors] = useState(false);
  const hasWork = initial.work !== null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onAttempt();
    setShowErrors(true);
    if (!isValid(personal) || (hasWork && !isValid(work))) return;
    onSave({ personal: toPair(personal), work: hasWork ? toPair(work) : null, version });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="contact-form">
      <Stack gap="md" maw={560}>
        <PairFields
          legend={t('contact.personal')}
          prefix="personal"
          personal
          values={personal}
          onChange={setPersonal}
          showErrors={showErrors}
        />
        {hasWork && (
          <PairFields
            legend={t('contact.work')}
            prefix="work"
            personal={false}
            values={work}
            onChange={setWork}
            showErrors={showErrors}
          />
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {t('contact.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
