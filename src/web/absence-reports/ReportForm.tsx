import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { isIsoDate, isTime, spanText, type NewReport, type ReportCreated, type ReportWindow } from './types';
import { useCreateReport } from './useAbsenceReports';

const KNOWN = ['outside_report_window', 'dates_reversed', 'times_reversed', 'times_incomplete', 'part_day_spans_days', 'pupil_may_not_report'];

/** The new report: today or coming days, the whole day or part of it (times), within the unit's window. */
export function ReportForm({ pupilId, today, window }: { pupilId: string; today: string; window: ReportWindow }) {
  const { t } = useTranslation();
  const create = useCreateReport();
  const [when, setWhen] = useState<'today' | 'coming'>('today');
  const [extent, setExtent] = useState<'whole' | 'part'>('whole');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [fromTime, setFromTime] = useState('08:00');
  const [toTime, setToTime] = useState('12:00');
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<ReportCreated | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const coming = when === 'coming';
  const part = extent === 'part';
  const dateError = (v: string, optional = false) => (checked && !(optional && v === '') && !isIsoDate(v) ? t('absenceReports.form.invalidDate') : undefined);
  const timeError = (v: string) => (checked && !isTime(v) ? t('absenceReports.form.invalidTime') : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setProblem(null);
    setResult(null);
    const from = coming ? fromDate : today;
    const to = coming && !part ? toDate || fromDate : from;
    if (!isIsoDate(from) || !isIsoDate(to) || (part && (!isTime(fromTime) || !isTime(toTime)))) return;
    const body: NewReport = { pupilId, fromDate: from, toDate: to, fromTime: part ? fromTime : null, toTime: part ? toTime : null };
    create.mutate(body, {
      onSuccess: (r) => { setResult(r); setChecked(false); },
      onError: (err) => setProblem(isApiError(err) && KNOWN.includes(err.code) ? err.code : 'other'),
    });
  };

  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="report-form-title" data-testid="report-form">
        <Stack gap="md">
          <Title order={2} size="h3" id="report-form-title">{t('absenceReports.form.title')}</Title>
          <Radio.Group label={t('absenceReports.form.when')} value={when} onChange={(v) => setWhen(v as 'today' | 'coming')}>
            <Group gap="lg" mt={4}>
              <Radio value="today" label={`${t('absenceReports.form.today')} (${today})`} data-testid="when-today" />
              <Radio value="coming" label={t('absenceReports.form.coming')} data-testid="when-coming" />
            </Group>
          </Radio.Group>
          <Radio.Group label={t('absenceReports.form.extent')} value={extent} onChange={(v) => setExtent(v as 'whole' | 'part')}>
            <Group gap="lg" mt={4}>
              <Radio value="whole" label={t('absenceReports.form.wholeDay')} data-testid="extent-whole" />
              <Radio value="part" label={t('absenceReports.form.partDay')} data-testid="extent-part" />
            </Group>
          </Radio.Group>
          {coming && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('absenceReports.form.from')} placeholder={t('absenceReports.form.datePlaceholder')} value={fromDate}
                onChange={(e) => setFromDate(e.currentTarget.value.trim())} error={dateError(fromDate)} maxLength={10} inputMode="numeric"
                autoComplete="off" required data-testid="report-from" />
              {!part && (
                <TextInput label={t('absenceReports.form.to')} placeholder={t('absenceReports.form.datePlaceholder')} value={toDate}
                  onChange={(e) => setToDate(e.currentTarget.value.trim())} error={dateError(toDate, true)} maxLength={10} inputMode="numeric"
                  autoComplete="off" data-testid="report-to" />
              )}
            </SimpleGrid>
          )}
          {part && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('absenceReports.form.fromTime')} placeholder={t('absenceReports.form.timePlaceholder')} value={fromTime}
                onChange={(e) => setFromTime(e.currentTarget.value.trim())} error={timeError(fromTime)} maxLength={5} autoComplete="off" required data-testid="report-from-time" />
              <TextInput label={t('absenceReports.form.toTime')} placeholder={t('absenceReports.form.timePlaceholder')} value={toTime}
                onChange={(e) => setToTime(e.currentTarget.value.trim())} error={timeError(toTime)} maxLength={5} autoComplete="off" required data-testid="report-to-time" />
            </SimpleGrid>
          )}
          <div aria-live="polite">
            {result && (
              <Alert color="green" data-testid="report-saved">
                {t(`absenceReports.outcome.${result.outcome}`, { span: spanText(result.report) })}
                {result.lessonsMadeValid > 0 && ` ${t('absenceReports.outcome.lessonsMadeValid', { count: result.lessonsMadeValid })}`}
              </Alert>
            )}
            {problem && (
              <Alert color="red" role="alert" data-testid="report-error">{t(`absenceReports.problems.${problem}`, { ...window })}</Alert>
            )}
          </div>
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="report-submit">{t('absenceReports.form.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
