import { useState, type FormEvent } from 'react';
import { Button, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/DataTable';
import { byPersonName } from '../../app/format';
import type { SessionBody } from '../../session/types';
import { GroupModal, Notice, useErrorText } from '../admin/parts';
import { statusColor } from '../admin/ReportCard';
import { REPORT_KINDS, type ReportKind } from '../admin/types';
import { useMyGroupReports, useReportGroup } from '../admin/useGroupAdmin';

type Pupil = { id: string; givenName: string; familyName: string };

/** "Rapportera fel i gruppen": which pupil (one of the group, or the name of a missing one) and what is wrong. */
function ReportDialog({ groupId, groupName, pupils, current, onClose, onSent }: {
  groupId: string; groupName: string; pupils: Pupil[]; current: SessionBody['current']; onClose: () => void; onSent: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const report = useReportGroup(groupId, current);
  const [kind, setKind] = useState<ReportKind>('pupil_missing');
  const [pupilId, setPupil] = useState('');
  const [missingName, setMissingName] = useState('');
  const [message, setMessage] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = kind === 'pupil_missing';
  const needsPupil = kind === 'pupil_not_in_group';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setError(null);
    if ((missing && missingName.trim() === '') || (needsPupil && !pupilId) || message.trim() === '') return;
    const text = missing ? `${missingName.trim()}: ${message.trim()}` : message.trim();
    report.mutate({ kind, pupilId: missing ? null : pupilId || null, message: text }, { onSuccess: () => { onSent(); onClose(); }, onError: (err) => setError(errorText(err)) });
  };
  return (
    <GroupModal onClose={onClose} title={t('groupAdmin.teacher.title', { group: groupName })}>
      <form onSubmit={onSubmit} noValidate data-testid="report-group-form">
        <Stack>
          <Text size="sm">{t('groupAdmin.teacher.intro')}</Text>
          <NativeSelect label={t('groupAdmin.teacher.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as ReportKind)} data-testid="report-kind"
            data={REPORT_KINDS.map((k) => ({ value: k, label: t(`groupAdmin.reports.kind.${k}`) }))} />
          {missing ? (
            <TextInput label={t('groupAdmin.teacher.missingName')} value={missingName} onChange={(e) => setMissingName(e.currentTarget.value)} required maxLength={200}
              error={checked && missingName.trim() === '' ? t('groupAdmin.required') : undefined} data-testid="report-missing-name" />
          ) : (
            <NativeSelect label={t('groupAdmin.teacher.pupil')} value={pupilId} onChange={(e) => setPupil(e.currentTarget.value)} required={needsPupil} data-testid="report-pupil"
              error={checked && needsPupil && !pupilId ? t('groupAdmin.errors.pupil_required') : undefined}
              data={[{ value: '', label: t('groupAdmin.teacher.pupilPick') }, ...byPersonName(pupils).map((p) => ({ value: p.id, label: `${p.familyName} ${p.givenName}` }))]} />
          )}
          <Textarea label={t('groupAdmin.teacher.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} required autosize minRows={3} maxLength={1500}
            error={checked && message.trim() === '' ? t('groupAdmin.errors.message_required') : undefined} data-testid="report-message-input" />
          {error && <Notice kind="error" testId="report-group-error">{error}</Notice>}
          <Stack align="flex-end">
            <Button type="submit" loading={report.isPending}>{t('groupAdmin.teacher.submit')}</Button>
          </Stack>
        </Stack>
      </form>
    </GroupModal>
  );
}

/** On the grade register: the teacher's button to report the group wrong, and the outcome of their reports. */
export function TeacherGroupReports({ groupId, groupName, pupils, current }: { groupId: string; groupName: string; pupils: Pupil[]; current: SessionBody['current'] }) {
  const { t } = useTranslation();
  const teacher = current.role === 'teacher';
  const mine = useMyGroupReports(groupId, current, teacher);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  if (!teacher) return null;
  const reports = mine.data ?? [];
  return (
    <Stack gap="xs" data-testid="teacher-group-reports">
      <div><Button variant="outline" onClick={() => { setSent(false); setOpen(true); }}>{t('groupAdmin.teacher.report')}</Button></div>
      <div aria-live="polite">{sent && <Notice kind="ok" testId="report-sent">{t('groupAdmin.teacher.sent')}</Notice>}</div>
      {reports.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="my-reports-title">
          <Title order={2} size="h4" id="my-reports-title">{t('groupAdmin.teacher.mine')}</Title>
          <DataTable
            label={t('groupAdmin.teacher.mine')}
            testId="my-reports-table"
            empty=""
            columns={[t('groupAdmin.teacher.kind'), t('groupAdmin.teacher.message'), t('groupAdmin.teacher.sentAt'), t('groupAdmin.teacher.status'), t('groupAdmin.teacher.answer')]}
            rows={reports.map((r) => ({
              key: r.id,
              cells: [t(`groupAdmin.reports.kind.${r.kind}`), r.message, r.reportedAt,
                <Text key="s" size="sm" fw={700} c={`${statusColor[r.status]}.9`} data-testid="my-report-status">{t(`groupAdmin.reports.status.${r.status}`)}</Text>,
                r.resolution ?? '–'],
            }))}
          />
        </Stack>
      )}
      {open && <ReportDialog groupId={groupId} groupName={groupName} pupils={pupils} current={current} onClose={() => setOpen(false)} onSent={() => setSent(true)} />}
    </Stack>
  );
}
