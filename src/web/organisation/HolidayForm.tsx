import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { holidayProblem, type HolidayProblem } from '../../domain/register/terms';
import { DateRangeFields, isSpan } from './DateRangeFields';
import { problemText } from './problem';
import type { DateSpan, Holiday, Term } from './types';
import { useAddHoliday, useChangeHoliday } from './useOrganisation';

const WHOLE = 'whole';

/** A holiday of a term: new (with whom it applies to) or changed (name and dates). */
export function HolidayForm({ term, termLabel, holiday, units, onDone }: {
  term: Term;
  termLabel: string;
  holiday: Holiday | null;
  /** The units the actor may add holidays for; with `whole`, the whole organiser too. */
  units: { id: string; name: string; whole?: boolean }[];
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const add = useAddHoliday();
  const change = useChangeHoliday();
  const [name, setName] = useState(holiday?.name ?? '');
  const [dates, setDates] = useState<DateSpan>({ startDate: holiday?.startDate ?? '', endDate: holiday?.endDate ?? '' });
  const [reach, setReach] = useState<string | null>(units[0]?.id ?? null);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<HolidayProblem | null>(null);
  const label = holiday ? t('organisation.calendar.editHolidayLabel', { name: holiday.name }) : t('organisation.calendar.addHolidayLabel', { term: termLabel });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setProblem(null);
    if (!name.trim() || !isSpan(dates) || !reach) return;
    const unitId = holiday ? (holiday.unit?.id ?? null) : reach === WHOLE ? null : reach;
    const others = term.holidays.map((h) => ({ ...h, unitId: h.unit?.id ?? null }));
    const found = holidayProblem({ ...dates, id: holiday?.id, unitId }, term, others);
    if (found) return setProblem(found);
    const done = () => onDone(t(holiday ? 'organisation.calendar.holidayChanged' : 'organisation.calendar.holidayAdded', { name: name.trim() }));
    if (holiday) change.mutate({ id: holiday.id, name: name.trim(), ...dates }, { onSuccess: done });
    else add.mutate({ termId: term.id, unitId, name: name.trim(), ...dates }, { onSuccess: done });
  };
  const error = add.error ?? change.error;
  const message = problem ? t(`organisation.errors.${problem}`) : error ? problemText(t, error) : null;
  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={onSubmit} noValidate aria-label={label} data-testid="holiday-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('organisation.calendar.holidayName')} placeholder={t('organisation.calendar.holidayNamePlaceholder')} value={name}
              required autoComplete="off" error={checked && !name.trim() ? t('organisation.required') : undefined}
              onChange={(e) => setName(e.currentTarget.value)} data-testid="holiday-name" data-autofocus />
            {!holiday && (
              <Select label={t('organisation.calendar.holidayUnit')} value={reach} onChange={setReach} allowDeselect={false}
                data={units.map((u) => ({ value: u.whole ? WHOLE : u.id, label: u.name }))} data-testid="holiday-unit" />
            )}
          </SimpleGrid>
          <DateRangeFields value={dates} onChange={setDates} checked={checked} testId="holiday" />
          <div aria-live="polite">{message && <Alert color="red" role="alert" data-testid="holiday-error">{message}</Alert>}</div>
          <Group>
            <Button type="submit" loading={add.isPending || change.isPending} data-testid="holiday-save">{t('organisation.save')}</Button>
            <Button variant="default" onClick={() => onDone(null)}>{t('organisation.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
