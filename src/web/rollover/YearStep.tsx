import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { isIsoDate } from '../grading/periods/types';
import type { RolloverChoices, RolloverStatus, Terms } from './types';

type Field = 'htStart' | 'htEnd' | 'vtStart' | 'vtEnd';

/** Step 1: the next school year, its terms (the organiser's when they exist, else proposed and editable)
 *  and whether mentors and teachers are carried over. */
export function YearStep({ status, initial, pending, error, onPreview }: {
  status: RolloverStatus;
  initial: RolloverChoices | null;
  pending: boolean;
  error: string | null;
  onPreview: (choices: RolloverChoices) => void;
}) {
  const { t } = useTranslation();
  const existing = status.existingTerms;
  const start = initial?.terms ?? existing ?? status.proposedTerms!;
  const [dates, setDates] = useState<Record<Field, string>>({ htStart: start.ht.startDate, htEnd: start.ht.endDate, vtStart: start.vt.startDate, vtEnd: start.vt.endDate });
  const [carryMentors, setCarryMentors] = useState(initial?.carryMentors ?? true);
  const [carryTeachers, setCarryTeachers] = useState(initial?.carryTeachers ?? true);
  const [checked, setChecked] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.values(dates).some((d) => !isIsoDate(d))) return;
    const terms: Terms = { ht: { startDate: dates.htStart, endDate: dates.htEnd }, vt: { startDate: dates.vtStart, endDate: dates.vtEnd } };
    onPreview({ terms, carryMentors, carryTeachers });
  };
  const dateInput = (field: Field, label: string) => (
    <TextInput
      label={label}
      value={dates[field]}
      onChange={(e) => setDates({ ...dates, [field]: e.currentTarget.value.trim() })}
      readOnly={!!existing}
      placeholder={t('rollover.datePlaceholder')}
      inputMode="numeric"
      maxLength={10}
      autoComplete="off"
      required
      error={checked && !isIsoDate(dates[field]) ? t('rollover.invalidDate') : undefined}
      data-testid={`rollover-${field}`}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('rollover.steps.year')}>
      <Stack gap="md">
        <Text fw={600} data-testid="rollover-from-to">{t('rollover.fromTo', { from: status.fromSchoolYear, to: status.toSchoolYear })}</Text>
        <Text>{t('rollover.oldYearEnds', { date: formatDate(status.oldYearEnds), start: dates.htStart })}</Text>
        <Alert color="larka" variant="light" data-testid="rollover-terms-source">
          {existing ? t('rollover.termsExisting', { year: status.toSchoolYear }) : t('rollover.termsProposed', { year: status.toSchoolYear })}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fieldset legend={t('rollover.ht')}>
            <Stack gap="xs">
              {dateInput('htStart', t('rollover.from'))}
              {dateInput('htEnd', t('rollover.to'))}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('rollover.vt')}>
            <Stack gap="xs">
              {dateInput('vtStart', t('rollover.from'))}
              {dateInput('vtEnd', t('rollover.to'))}
            </Stack>
          </Fieldset>
        </SimpleGrid>
        <Stack gap="xs">
          <Checkbox label={t('rollover.carryMentors')} checked={carryMentors} onChange={(e) => setCarryMentors(e.currentTarget.checked)} data-testid="rollover-carry-mentors" />
          <Checkbox label={t('rollover.carryTeachers')} checked={carryTeachers} onChange={(e) => setCarryTeachers(e.currentTarget.checked)} data-testid="rollover-carry-teachers" />
          <Text size="sm" c="dimmed">{t('rollover.carryHelp')}</Text>
        </Stack>
        <div aria-live="polite">
          {error && <Alert color="red" role="alert" data-testid="rollover-preview-error">{error}</Alert>}
        </div>
        <Group>
          <Button type="submit" loading={pending} data-testid="rollover-preview">{t('rollover.previewButton')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
