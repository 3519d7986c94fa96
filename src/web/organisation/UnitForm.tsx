import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isMunicipalityCode, isSchoolUnitCode, normalisePostalCode, SCHOOL_FORMS, type SchoolForm } from '../../domain/register/school-units';
import { problemText } from './problem';
import type { Unit, UnitContact } from './types';
import { useCreateUnit, useUpdateUnit, useUpdateUnitContact } from './useOrganisation';

const FIELDS = ['name', 'schoolUnitCode', 'municipalityCode', 'streetAddress', 'postalCode', 'city', 'email', 'phone'] as const;
type Values = Record<(typeof FIELDS)[number], string> & { schoolForms: SchoolForm[] };

const empty: Values = { name: '', schoolUnitCode: '', municipalityCode: '', streetAddress: '', postalCode: '', city: '', email: '', phone: '', schoolForms: ['GR'] };
const toValues = (u: Unit | null): Values =>
  u ? { ...Object.fromEntries(FIELDS.map((f) => [f, u[f] ?? ''])) as Record<(typeof FIELDS)[number], string>, schoolForms: u.schoolForms } : empty;
const orNull = (s: string) => s.trim() || null;

/** Checks in the browser what the server checks too; the keys are field names, the values text keys. */
function problems(v: Values, contactOnly: boolean): Partial<Record<keyof Values, string>> {
  const p: Partial<Record<keyof Values, string>> = {};
  if (!contactOnly) {
    if (!v.name.trim()) p.name = 'organisation.required';
    if (!isSchoolUnitCode(v.schoolUnitCode.trim())) p.schoolUnitCode = 'organisation.units.invalidCode';
    if (v.municipalityCode.trim() && !isMunicipalityCode(v.municipalityCode.trim())) p.municipalityCode = 'organisation.units.invalidMunicipality';
    if (v.schoolForms.length === 0) p.schoolForms = 'organisation.units.noForms';
  }
  if (v.postalCode.trim() && !normalisePostalCode(v.postalCode)) p.postalCode = 'organisation.units.invalidPostalCode';
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) p.email = 'organisation.units.invalidEmail';
  if (v.phone.trim() && !/^[0-9 +()-]{5,30}$/.test(v.phone.trim())) p.phone = 'organisation.units.invalidPhone';
  return p;
}

/** "Ny skolenhet" / "Ändra …": every field for the organiser-level administrator, address and contact for a unit's own. */
export function UnitForm({ unit, contactOnly, onDone }: { unit: Unit | null; contactOnly: boolean; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(() => toValues(unit));
  const [checked, setChecked] = useState(false);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const updateContact = useUpdateUnitContact();
  const saving = create.isPending || update.isPending || updateContact.isPending;
  const error = create.error ?? update.error ?? updateContact.error;
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const found = checked ? problems(v, contactOnly) : {};
  const fieldError = (f: keyof Values) => (found[f] ? t(found[f]!) : undefined);
  const set = (f: (typeof FIELDS)[number]) => (e: { currentTarget: { value: string } }) => setV({ ...v, [f]: e.currentTarget.value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(problems(v, contactOnly)).length) return;
    const contact: UnitContact = {
      streetAddress: orNull(v.streetAddress), postalCode: orNull(v.postalCode), city: orNull(v.city), email: orNull(v.email), phone: orNull(v.phone),
    };
    const done = (u: Unit) => onDone(t(unit ? 'organisation.units.changed' : 'organisation.units.created', { name: u.name }));
    if (contactOnly && unit) return updateContact.mutate({ id: unit.id, ...contact }, { onSuccess: done });
    const fields = { ...contact, name: v.name.trim(), schoolUnitCode: v.schoolUnitCode.trim(), schoolForms: v.schoolForms, municipalityCode: orNull(v.municipalityCode) };
    if (unit) update.mutate({ id: unit.id, ...fields }, { onSuccess: done });
    else create.mutate(fields, { onSuccess: done });
  };

  const text = (f: (typeof FIELDS)[number], label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={t(label)} value={v[f]} onChange={set(f)} error={fieldError(f)} data-testid={`unit-${f}`} {...extra} />
  );
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="unit-form">
        <Stack gap="md">
          <Title order={2} size="h3" id={titleId} ref={heading} tabIndex={-1}>
            {unit ? t('organisation.units.formTitleEdit', { name: unit.name }) : t('organisation.units.formTitleNew')}
          </Title>
          {!contactOnly && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {text('name', 'organisation.units.name', { required: true, autoComplete: 'off' })}
                {text('schoolUnitCode', 'organisation.units.code', { required: true, inputMode: 'numeric', maxLength: 8, autoComplete: 'off' })}
                {text('municipalityCode', 'organisation.units.municipality', { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' })}
              </SimpleGrid>
              <Checkbox.Group label={t('organisation.units.forms')} value={v.schoolForms} error={fieldError('schoolForms')}
                onChange={(forms) => setV({ ...v, schoolForms: SCHOOL_FORMS.filter((f) => forms.includes(f)) })}>
                <Group mt="xs">
                  {SCHOOL_FORMS.map((f) => <Checkbox key={f} value={f} label={t(`organisation.schoolForms.${f}`)} data-testid={`unit-form-${f}`} />)}
                </Group>
              </Checkbox.Group>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {text('streetAddress', 'organisation.units.street', { autoComplete: 'off' })}
            {text('postalCode', 'organisation.units.postalCode', { inputMode: 'numeric', maxLength: 6, autoComplete: 'off' })}
            {text('city', 'organisation.units.city', { autoComplete: 'off' })}
            {text('email', 'organisation.units.email', { type: 'email', autoComplete: 'off' })}
            {text('phone', 'organisation.units.phone', { type: 'tel', autoComplete: 'off' })}
          </SimpleGrid>
          {error && <Alert color="red" role="alert" data-testid="unit-error">{problemText(t, error)}</Alert>}
          <Group>
            <Button type="submit" loading={saving} data-testid="unit-save">{t('organisation.save')}</Button>
            <Button variant="default" onClick={() => onDone(null)}>{t('organisation.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
