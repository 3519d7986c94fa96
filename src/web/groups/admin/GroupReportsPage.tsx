import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { ReportCard } from './ReportCard';
import type { GroupReport } from './types';
import { useGroupReports } from './useGroupAdmin';

/** /admin/grupper/rapporter — teachers' reports of groups that are wrong: open ones to do, handled ones below. */
export function GroupReportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groupAdmin.reports.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const reports = useGroupReports(session.current, 'all', allowed);
  if (!allowed || (reports.isError && isNotFoundOrForbidden(reports.error))) return <NotFoundOrNoAccessState title={t('groupAdmin.reports.title')} testId="group-reports-no-access" />;
  const list = (items: GroupReport[], empty: string, testId: string) => (
    <Stack gap="sm" data-testid={testId}>
      {items.length === 0 ? <Text c="dimmed">{empty}</Text> : items.map((r) => <ReportCard key={r.id} report={r} current={session.current} showGroupLink />)}
    </Stack>
  );
  return (
    <Stack gap="lg" py="md" data-testid="group-reports-page">
      <div>
        <Title order={1}>{t('groupAdmin.reports.title')}</Title>
        <Text c="dimmed">{t('groupAdmin.reports.intro')}</Text>
        <AppLink to="/admin/grupper">{t('groupAdmin.group.back')}</AppLink>
      </div>
      {reports.data ? (
        <>
          <Stack gap="sm" component="section" aria-labelledby="reports-open">
            <Title order={2} size="h3" id="reports-open">{t('groupAdmin.reports.open')}</Title>
            {list(reports.data.filter((r) => r.status === 'open'), t('groupAdmin.reports.noneOpen'), 'reports-open-list')}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="reports-handled">
            <Title order={2} size="h3" id="reports-handled">{t('groupAdmin.reports.handled')}</Title>
            {list(reports.data.filter((r) => r.status !== 'open'), t('groupAdmin.reports.noneHandled'), 'reports-handled-list')}
          </Stack>
        </>
      ) : reports.isPending ? <LoadingState /> : <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />}
    </Stack>
  );
}
