import { useState } from 'react';
import { Alert, Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { DataTable, Section } from '../app/DataTable';
import { formatStamp, spanText, type ReportList as Reports } from './types';
import { useWithdrawReport } from './useAbsenceReports';

/** The child's reports, newest first: who reported and when; today's and coming ones can be withdrawn. */
export function ReportList({ data }: { data: Reports }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawReport();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onWithdraw = (id: string) => {
    setMessage(null);
    withdraw.mutate(id, {
      onSuccess: () => setMessage({ ok: true, text: t('absenceReports.outcome.withdrawn') }),
      onError: (err) => setMessage({ ok: false, text: t(`absenceReports.problems.${isApiError(err) && err.code === 'report_in_past' ? 'report_in_past' : 'other'}`) }),
    });
  };
  const l = (k: string) => t(`absenceReports.list.${k}`);
  return (
    <Section title={t('absenceReports.list.title', { name: data.pupil.name })} testId="report-list">
      <div aria-live="polite">
        {message && <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? undefined : 'alert'} data-testid="withdraw-message">{message.text}</Alert>}
      </div>
      <DataTable
        label={t('absenceReports.list.title', { name: data.pupil.name })}
        testId="reports-table"
        empty={l('empty')}
        columns={[l('when'), l('time'), l('reportedBy'), l('reportedAt'), l('status'), l('action')]}
        rows={data.reports.map((r) => ({
          key: r.id,
          cells: [
            r.fromDate === r.toDate ? r.fromDate : `${r.fromDate} – ${r.toDate}`,
            r.fromTime ? `${r.fromTime}–${r.toTime}` : l('wholeDay'),
            `${r.reportedByName} (${t(`absenceReports.roles.${r.reporterRole}`)})`,
            formatStamp(r.createdAt),
            <Badge key="s" color={r.withdrawn ? 'gray' : 'green'} variant="light" tt="none">{r.withdrawn ? l('withdrawn') : l('active')}</Badge>,
            r.mayWithdraw ? (
              <Button key="w" size="xs" variant="outline" color="red.9" onClick={() => onWithdraw(r.id)} loading={withdraw.isPending && withdraw.variables === r.id}
                aria-label={t('absenceReports.list.withdrawLabel', { span: spanText(r) })} data-testid="withdraw-report">{l('withdraw')}</Button>
            ) : '',
          ],
        }))}
      />
    </Section>
  );
}
