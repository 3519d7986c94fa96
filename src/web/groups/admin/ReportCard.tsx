import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import type { SessionBody } from '../../session/types';
import { Notice, useErrorText } from './parts';
import { adminGroupPath, type GroupReport } from './types';
import { groupCalls, useGroupMutation } from './useGroupAdmin';

export const statusColor = { open: 'orange', resolved: 'green', rejected: 'gray' } as const;

/** One teacher's report: what is wrong, who reported it; for an open one, the note and "resolved"/"rejected". */
export function ReportCard({ report, current, showGroupLink }: { report: GroupReport; current: SessionBody['current']; showGroupLink: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const handle = useGroupMutation(current, (body: { outcome: 'resolved' | 'rejected'; note: string }) => groupCalls.handleReport(report.id, body));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const status = (s: GroupReport['status']) => t(`groupAdmin.reports.status.${s}`);
  const submit = (outcome: 'resolved' | 'rejected') => {
    setError(null);
    if (note.trim() === '') return setError(t('groupAdmin.reports.noteRequired'));
    handle.mutate({ outcome, note: note.trim() }, { onError: (err) => setError(errorText(err)) });
  };
  const noteId = `report-note-${report.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-label={`${report.groupName}: ${t(`groupAdmin.reports.kind.${report.kind}`)}`} data-testid="group-report" data-status={report.status}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={700}>{`${report.groupName} · ${t(`groupAdmin.reports.kind.${report.kind}`)}`}</Text>
          <Badge color={statusColor[report.status]} variant="light" tt="none" data-testid="report-status">{status(report.status)}</Badge>
        </Group>
        {report.pupil && <Text size="sm">{t('groupAdmin.reports.pupil', { name: report.pupil.name })}</Text>}
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="report-message">{report.message}</Text>
        <Text size="sm" c="dimmed">{t('groupAdmin.reports.reportedBy', { name: report.reportedBy.name, at: report.reportedAt })}</Text>
        {showGroupLink && <AppLink to={adminGroupPath(report.groupId)} testId="report-open-group">{t('groupAdmin.reports.openGroup', { name: report.groupName })}</AppLink>}
        {report.status !== 'open' ? (
          <Text size="sm" data-testid="report-outcome">
            {t('groupAdmin.reports.outcome', { status: status(report.status), name: report.resolvedBy ?? '', at: report.resolvedAt ?? '', note: report.resolution ?? '' })}
          </Text>
        ) : (
          <Stack gap="xs">
            <Textarea id={noteId} label={t('groupAdmin.reports.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="report-note" />
            {error && <Notice kind="error" testId="report-error">{error}</Notice>}
            <Group>
              <Button size="sm" onClick={() => submit('resolved')} loading={handle.isPending}>{t('groupAdmin.reports.resolve')}</Button>
              <Button size="sm" variant="outline" color="gray.8" onClick={() => submit('rejected')} disabled={handle.isPending}>{t('groupAdmin.reports.reject')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
