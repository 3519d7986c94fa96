import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { ChildPicker } from '../absence-reports/ChildPicker';
import { useReportablePupils } from '../absence-reports/useAbsenceReports';
import { useCurrentSession } from '../session/useSession';
import { LeaveForm } from './LeaveForm';
import { LeaveList } from './LeaveList';
import { useLeaveList } from './useLeave';

/** "Ledighet" (/ledighet): a guardian applies for a child and follows the decision; a pupil sees their own. */
export function LeavePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('leave.title'));
  const guardian = useCurrentSession().current.role === 'guardian';
  const pupils = useReportablePupils();
  const [chosen, setChosen] = useState<string | null>(null);
  const pupilId = chosen ?? pupils.data?.[0]?.id ?? null;
  const list = useLeaveList(pupilId);

  if (pupils.isPending) return <LoadingState />;
  if (pupils.isError) return <ErrorState onRetry={() => void pupils.refetch()} />;
  return (
    <Stack gap="lg" py="md">
      <Title order={1}>{t('leave.title')}</Title>
      {guardian && <Text maw={720}>{t('leave.intro')}</Text>}
      {pupils.data.length === 0 ? <Text>{t('absenceReports.noChildren')}</Text> : (
        <>
          <ChildPicker pupils={pupils.data} value={pupilId} onChange={setChosen} />
          {guardian && pupilId && <LeaveForm key={pupilId} pupilId={pupilId} />}
          {list.isPending && <LoadingState />}
          {list.isError && <ErrorState onRetry={() => void list.refetch()} />}
          {list.data && <LeaveList data={list.data} mayWithdraw={guardian} />}
        </>
      )}
    </Stack>
  );
}
