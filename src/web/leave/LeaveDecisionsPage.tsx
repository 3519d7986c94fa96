import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { leaveDates, type PendingLeave } from './types';
import { useDecideLeave, useLeaveQueue } from './useLeave';

/** "Ledighetsansökningar" (/ledighet/beslut): the principal's or delegate's queue; grant, or refuse with a reason. */
export function LeaveDecisionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('leave.decisions.title'));
  const session = useCurrentSession();
  const queue = useLeaveQueue(session.current);
  const decide = useDecideLeave();
  const [refusing, setRefusing] = useState<PendingLeave | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const d = (k: string, o?: Record<string, unknown>) => t(`leave.decisions.${k}`, o ?? {});

  const send = (a: PendingLeave, decision: 'granted' | 'refused', why: string | null) => {
    setMessage(null);
    decide.mutate({ id: a.id, decision, reason: why, version: a.version }, {
      onSuccess: () => { setMessage({ ok: true, text: d(decision, { name: a.pupilName }) }); setRefusing(null); setReason(''); setChecked(false); },
      onError: (err) => setMessage({ ok: false, text: t(`leave.problems.${isApiError(err) && ['not_pending', 'version_conflict', 'reason_required'].includes(err.code) ? err.code : 'other'}`) }),
    });
  };
  const onRefuse = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (refusing && reason.trim()) send(refusing, 'refused', reason.trim());
  };

  if (queue.isPending) return <LoadingState />;
  if (queue.isError) return <ErrorState onRetry={() => void queue.refetch()} />;
  return (
    <Stack gap="lg" py="md">
      <Title order={1}>{d('title')}</Title>
      {!queue.data.mayDecide ? <Alert color="yellow" data-testid="not-delegate">{d('notDelegate')}</Alert> : (
        <>
          <Text>{d('intro', { unit: session.current.unitName ?? '' })}</Text>
          <div aria-live="polite">
            {message && <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? undefined : 'alert'} data-testid="decision-message">{message.text}</Alert>}
          </div>
          <DataTable
            label={d('title')}
            testId="leave-queue"
            empty={d('empty')}
            columns={[d('pupil'), d('class'), d('dates'), d('reason'), d('absence'), d('action')]}
            rows={queue.data.applications.map((a) => ({
              key: a.id,
              cells: [
                a.pupilName,
                a.className ?? '–',
                leaveDates(a),
                a.reason,
                d('absenceValue', { invalid: a.invalidMinutes, valid: a.validMinutes }),
                <Group key="a" gap="xs" wrap="nowrap">
                  <Button size="xs" color="green.9" onClick={() => send(a, 'granted', null)} loading={decide.isPending && decide.variables?.id === a.id && decide.variables.decision === 'granted'}
                    aria-label={d('grantLabel', { name: a.pupilName })} data-testid="grant-leave">{d('grant')}</Button>
                  <Button size="xs" variant="outline" color="red.9" onClick={() => { setRefusing(a); setReason(''); setChecked(false); }}
                    aria-label={d('refuseLabel', { name: a.pupilName })} data-testid="refuse-leave">{d('refuse')}</Button>
                </Group>,
              ],
            }))}
          />
          {refusing && (
            <Paper withBorder p="md" radius="md" maw={720}>
              <form onSubmit={onRefuse} noValidate aria-labelledby="refuse-title" data-testid="refuse-form">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="refuse-title">{d('refuseTitle', { name: refusing.pupilName })}</Title>
                  <TextInput label={d('refuseReason')} description={d('refuseReasonHelp')} value={reason} maxLength={500} required autoFocus
                    onChange={(e) => setReason(e.currentTarget.value)} error={checked && !reason.trim() ? t('leave.problems.reason_required') : undefined}
                    data-testid="refuse-reason" />
                  <Group gap="sm">
                    <Button type="submit" color="red.9" loading={decide.isPending} data-testid="confirm-refuse">{d('confirmRefuse')}</Button>
                    <Button variant="default" onClick={() => setRefusing(null)}>{d('cancel')}</Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
