import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termChangeProblem } from '../../domain/register/terms';
import { DataTable } from '../app/DataTable';
import { DateRangeFields, isSpan } from './DateRangeFields';
import { HolidayForm } from './HolidayForm';
import { problemText } from './problem';
import type { DateSpan, Holiday, Term } from './types';
import { useChangeTerm, useRemoveHoliday } from './useOrganisation';

export const termLabel = (term: Term) => `${term.kind} ${term.kind === 'HT' ? term.schoolYear.slice(0, 4) : term.schoolYear.slice(5, 9)}`;

function TermDatesForm({ term, terms, onDone }: { term: Term; terms: Term[]; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const change = useChangeTerm();
  const [dates, setDates] = useState<DateSpan>({ startDate: term.startDate, endDate: term.endDate });
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setProblem(null);
    if (!isSpan(dates)) return;
    const found = termChangeProblem({ ...term, ...dates }, terms, term.holidays, null);
    if (found) return setProblem(t(`organisation.errors.${found}`));
    change.mutate({ id: term.id, ...dates }, { onSuccess: () => onDone(t('organisation.calendar.termChanged', { term: termLabel(term) })), onError: (err) => setProblem(problemText(t, err)) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('organisation.calendar.changeDatesLabel', { term: termLabel(term) })} data-testid="term-form">
      <Stack gap="sm">
        <DateRangeFields value={dates} onChange={setDates} checked={checked} testId="term" />
        <div aria-live="polite">{problem && <Alert color="red" role="alert" data-testid="term-error">{problem}</Alert>}</div>
        <Group>
          <Button type="submit" loading={change.isPending} data-testid="term-save">{t('organisation.save')}</Button>
          <Button variant="default" onClick={() => onDone(null)}>{t('organisation.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One term: its dates (changed by the organiser-level administrator) and its holidays. */
export function TermCard({ term, terms, today, organiserAdministrator, units, onNotice }: {
  term: Term;
  terms: Term[];
  today: string;
  organiserAdministrator: boolean;
  units: { id: string; name: string; whole?: boolean }[];
  onNotice: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveHoliday();
  const [editing, setEditing] = useState<'dates' | 'holiday' | Holiday | null>(null);
  const label = termLabel(term);
  const titleId = `term-${term.id}`;
  const done = (message: string | null) => { setEditing(null); onNotice(message); };
  const open = (what: 'dates' | 'holiday' | Holiday) => { onNotice(null); setEditing(what); };
  const running = term.startDate <= today && today <= term.endDate;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} data-testid={`term-${label.replace(' ', '-')}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h4" id={titleId}>{t('organisation.calendar.termTitle', { kind: t(`organisation.calendar.kinds.${term.kind}`), year: label.slice(3) })}</Title>
            {running && <Badge variant="light" color="larka" tt="none">{t('organisation.calendar.current')}</Badge>}
          </Group>
          <Group gap="sm">
            <Text fw={600} data-testid="term-dates">{t('organisation.calendar.termDates', { from: term.startDate, to: term.endDate })}</Text>
            {organiserAdministrator && editing !== 'dates' && (
              <Button size="xs" variant="outline" onClick={() => open('dates')} aria-label={t('organisation.calendar.changeDatesLabel', { term: label })}>
                {t('organisation.calendar.changeDates')}
              </Button>
            )}
          </Group>
        </Group>
        {editing === 'dates' && <TermDatesForm term={term} terms={terms} onDone={done} />}
        <DataTable
          label={`${t('organisation.calendar.holidays')} ${label}`}
          testId={`holidays-${label.replace(' ', '-')}`}
          empty={t('organisation.calendar.noHolidays')}
          columns={['name', 'dates', 'applies', 'action'].map((c) => t(`organisation.calendar.holidayCol.${c}`))}
          rows={term.holidays.map((h) => ({
            key: h.id,
            cells: [
              h.name,
              t('organisation.calendar.termDates', { from: h.startDate, to: h.endDate }),
              h.unit?.name ?? t('organisation.calendar.wholeOrganiser'),
              h.editable ? (
                <Group key="a" gap="xs" wrap="nowrap">
                  <Button size="xs" variant="outline" onClick={() => open(h)} aria-label={t('organisation.calendar.editHolidayLabel', { name: h.name })}>
                    {t('organisation.units.edit')}
                  </Button>
                  <Button size="xs" variant="outline" color="red.9" loading={remove.isPending && remove.variables === h.id}
                    aria-label={t('organisation.calendar.removeHolidayLabel', { name: h.name })}
                    onClick={() => remove.mutate(h.id, { onSuccess: () => onNotice(t('organisation.calendar.holidayRemoved', { name: h.name })) })}>
                    {t('organisation.calendar.removeHoliday')}
                  </Button>
                </Group>
              ) : '–',
            ],
          }))}
        />
        {editing !== null && editing !== 'dates' && (
          <HolidayForm term={term} termLabel={label} holiday={editing === 'holiday' ? null : editing} units={units} onDone={done} />
        )}
        {units.length > 0 && editing === null && (
          <Group>
            <Button size="xs" variant="light" onClick={() => open('holiday')} aria-label={t('organisation.calendar.addHolidayLabel', { term: label })} data-testid="holiday-add">
              {t('organisation.calendar.addHoliday')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
