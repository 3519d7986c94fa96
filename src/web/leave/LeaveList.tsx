import { useState } from 'react';
import { Alert, Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import { formatStamp } from '../absence-reports/types';
import { leaveDates, STATUS_COLOURS, type LeaveList as Leave } from './types';
import { useWithdrawLeave } from './useLeave';

/** A child's applications with their status and the decision (with its reason); guardians withdraw pending ones. */
export function LeaveList({ data, mayWithdraw }: { data: Leave; mayWithdraw: boolean }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawLeave();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const l = (k: string) => t(`leave.list.${k}`);
  const onWithdraw = (id: string) => withdraw.mutate(id, {
    onSuccess: () => setMessage({ ok: true, text: l('withdrawn') }),
    onError: () => setMessage({ ok: false, text: t('leave.problems.not_pending') }),
  });
  return (
    <Section title={t('leave.list.title', { name: data.pupil.name })} testId="leave-list">
      <div aria-live="polite">
        {message && <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? undefined : 'alert'}>{message.text}</Alert>}
      </div>
      <DataTable
        label={t('leave.list.title', { name: data.pupil.name })}
        testId="leave-table"
        empty={l('empty')}
        columns={[l('dates'), l('reason'), l('appliedBy'), l('status'), l('decision'), ...(mayWithdraw ? [l('action')] : [])]}
        rows={data.applications.map((a) => ({
          key: a.id,
          cells: [
            leaveDates(a),
            a.reason,
            `${a.appliedByName}, ${formatStamp(a.createdAt)}`,
            <Badge key="s" color={STATUS_COLOURS[a.status]} variant="light" tt="none" data-testid="leave-status">{t(`leave.status.${a.status}`)}</Badge>,
            a.decidedByName ? (
              <div key="d">
                <Text size="sm">{t('leave.list.decidedBy', { name: a.decidedByName, date: a.decidedAt ? formatStamp(a.decidedAt) : '' })}</Text>
                {a.decisionReason && <Text size="sm" data-testid="leave-decision-reason">{a.decisionReason}</Text>}
              </div>
            ) : '',
            ...(mayWithdraw ? [a.status === 'pending' ? (
              <Button key="w" size="xs" variant="outline" color="red.9" onClick={() => onWithdraw(a.id)}
                aria-label={t('leave.list.withdrawLabel', { dates: leaveDates(a) })} data-testid="withdraw-leave">{l('withdraw')}</Button>
            ) : ''] : []),
          ],
        }))}
      />
    </Section>
  );
}
