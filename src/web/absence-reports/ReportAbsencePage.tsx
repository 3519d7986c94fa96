import { useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { ChildPicker } from './ChildPicker';
import { ReportForm } from './ReportForm';
import { ReportList } from './ReportList';
import { useReportablePupils, useReports } from './useAbsenceReports';

/** "Anmäl frånvaro" (/anmal-franvaro): the guardian picks a child, reports within the window, sees the reports. */
export function ReportAbsencePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('absenceReports.title'));
  const pupils = useReportablePupils();
  const [chosen, setChosen] = useState<string | null>(null);
  const pupilId = chosen ?? pupils.data?.[0]?.id ?? null;
  const reports = useReports(pupilId);

  if (pupils.isPending) return <LoadingState />;
  if (pupils.isError) return <ErrorState onRetry={() => void pupils.refetch()} />;
  return (
    <Stack gap="lg" py="md">
      <Title order={1}>{t('absenceReports.title')}</Title>
      <Text maw={720}>{t('absenceReports.intro')}</Text>
      {pupils.data.length === 0 ? (
        <Text data-testid="no-children">{t('absenceReports.noChildren')}</Text>
      ) : (
        <>
          <ChildPicker pupils={pupils.data} value={pupilId} onChange={setChosen} />
          {reports.isPending && <LoadingState />}
          {reports.isError && <ErrorState onRetry={() => void reports.refetch()} />}
          {reports.data && (
            <>
              <Text data-testid="report-window">{t('absenceReports.window', { ...reports.data.window })}</Text>
              {reports.data.mayReport
                ? <ReportForm key={pupilId} pupilId={reports.data.pupil.id} today={reports.data.today} window={reports.data.window} />
                : <Alert color="yellow">{t('absenceReports.notAllowed')}</Alert>}
              <ReportList data={reports.data} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
