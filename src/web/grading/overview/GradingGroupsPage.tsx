import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/DataTable';
import { ErrorState, LoadingState, NotFoundOrNoAccessState, isNotFoundOrForbidden } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { PeriodInfo } from './PeriodInfo';
import { ProgressIcon } from './ProgressIcon';
import { StatusCell } from './StatusCell';
import { gradingGroupPath, progressOf, type GradingGroupSummary, type GradingOverview } from './types';
import { useGradingOverview } from './useGradingOverview';

function GroupTable({ data }: { data: GradingOverview }) {
  const { t } = useTranslation();
  const col = (k: string) => t(`gradingOverview.list.col.${k}`);
  const details = (g: GradingGroupSummary) =>
    t('gradingOverview.list.details', { pupils: g.pupils, expected: g.expected, graded: g.graded, confirmed: g.confirmed });
  const progressCell = (g: GradingGroupSummary, done: number, kind: string) => {
    const progress = progressOf(done, g.expected);
    return (
      <StatusCell
        key={kind}
        icon={<ProgressIcon progress={progress} />}
        text={g.expected > 0 ? `${done}/${g.expected}` : '–'}
        note={t(`gradingOverview.progress.${progress}`)}
        details={details(g)}
        testId={`status-${kind}`}
      />
    );
  };
  return (
    <DataTable
      label={t('gradingOverview.list.label')}
      testId="grading-groups-table"
      empty={t('gradingOverview.list.empty')}
      columns={[col('group'), col('subject'), col('pupils'), col('graded'), col('confirmed')]}
      rows={data.groups.map((g) => ({
        key: g.id,
        cells: [
          <Anchor key="n" component={Link} to={gradingGroupPath(g.id)}>
            {g.name}
          </Anchor>,
          g.subject.name,
          <StatusCell key="p" text={String(g.pupils)} details={details(g)} testId="status-pupils" />,
          progressCell(g, g.graded, 'graded'),
          progressCell(g, g.confirmed, 'confirmed'),
        ],
      }))}
    />
  );
}

/** "Betyg": the teacher's teaching groups at the current unit with grading progress per group. */
export function GradingGroupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('gradingOverview.list.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('grades.register');
  const overview = useGradingOverview(session.current, allowed);
  if (!allowed || (overview.isError && isNotFoundOrForbidden(overview.error))) {
    return <NotFoundOrNoAccessState title={t('gradingOverview.list.title')} testId="grading-groups-no-access" />;
  }
  return (
    <Stack gap="lg" py="md" data-testid="grading-groups-page">
      <div>
        <Title order={1}>{t('gradingOverview.list.title')}</Title>
        <Text c="dimmed">{t('gradingOverview.list.intro')}</Text>
      </div>
      {overview.data ? (
        <>
          <PeriodInfo term={overview.data.term} period={overview.data.period} />
          <GroupTable data={overview.data} />
          {overview.data.groups.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('gradingOverview.list.legend')}
            </Text>
          )}
        </>
      ) : overview.isPending ? (
        <LoadingState />
      ) : (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      )}
    </Stack>
  );
}
