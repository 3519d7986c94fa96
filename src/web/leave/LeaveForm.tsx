import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { isIsoDate } from '../absence-reports/types';
import { useApplyForLeave } from './useLeave';

const KNOWN = ['starts_in_past', 'dates_reversed', 'reason_required'];

/** "Ny ansökan": dates and what the leave is for, in the guardian's own words (no health details). */
export function LeaveForm({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const apply = useApplyForLeave();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dateError = (v: string) => (checked && !isIsoDate(v) ? t('leave.form.invalidDate') : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setSent(false);
    setProblem(null);
    if (!isIsoDate(from) || !isIsoDate(to) || reason.trim() === '') return;
    apply.mutate({ pupilId, fromDate: from, toDate: to, reason: reason.trim() }, {
      onSuccess: () => { setSent(true); setChecked(false); setFrom(''); setTo(''); setReason(''); },
      onError: (err) => setProblem(isApiError(err) && KNOWN.includes(err.code) ? err.code : 'other'),
    });
  };

  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="leave-form-title" data-testid="leave-form">
        <Stack gap="md">
          <Title order={2} size="h3" id="leave-form-title">{t('leave.form.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('leave.form.from')} placeholder="ÅÅÅÅ-MM-DD" value={from} onChange={(e) => setFrom(e.currentTarget.value.trim())}
              error={dateError(from)} maxLength={10} inputMode="numeric" autoComplete="off" required data-testid="leave-from" />
            <TextInput label={t('leave.form.to')} placeholder="ÅÅÅÅ-MM-DD" value={to} onChange={(e) => setTo(e.currentTarget.value.trim())}
              error={dateError(to)} maxLength={10} inputMode="numeric" autoComplete="off" required data-testid="leave-to" />
          </SimpleGrid>
          <TextInput label={t('leave.form.reason')} description={t('leave.form.reasonHelp')} value={reason} maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)} error={checked && reason.trim() === '' ? t('leave.form.reasonRequired') : undefined}
            required data-testid="leave-reason" />
          <div aria-live="polite">
            {sent && <Alert color="green" data-testid="leave-sent">{t('leave.form.sent')}</Alert>}
            {problem && <Alert color="red" role="alert" data-testid="leave-error">{t(`leave.problems.${problem}`)}</Alert>}
          </div>
          <Group><Button type="submit" loading={apply.isPending} data-testid="leave-submit">{t('leave.form.submit')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
