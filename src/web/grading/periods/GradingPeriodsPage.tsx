import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../../domain/common/dates';
import { formatDate } from '../../app/format';
import { ErrorState, LoadingState, NotFoundOrNoAccessState, isNotFoundOrForbidden } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { PeriodForm } from './PeriodForm';
import { currentTermId, type TermPeriod } from './types';
import { usePeriods } from './usePeriods';

function TermCard({ item, isCurrent }: { item: TermPeriod; isCurrent: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const titleId = `term-${item.term.id}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} data-testid="period-term">
      <Stack gap="sm">
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={2} size="h3" id={titleId}>
              {item.term.label}
            </Title>
            {isCurrent && (
              <Badge variant="light" color="larka" tt="none" data-testid="period-current">
                {t('gradingOverview.periods.current')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('gradingOverview.periods.termDates', { from: formatDate(item.term.startDate), to: formatDate(item.term.endDate) })}
          </Text>
        </Group>
        <Text fw={600} data-testid="period-set">
          {item.period
            ? t('gradingOverview.periods.setPeriod', { from: formatDate(item.period.from), to: formatDate(item.period.to) })
            : t('gradingOverview.periods.noPeriod')}
        </Text>
        <PeriodForm item={item} current={session.current} />
      </Stack>
    </Paper>
  );
}

/** "Betygsperioder" (administrator): per term of the school year the dates in which teachers may register grades. */
export function GradingPeriodsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('gradingOverview.periods.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('grades.administer');
  const periods = usePeriods(session.current, allowed);
  if (!allowed || (periods.isError && isNotFoundOrForbidden(periods.error))) {
    return <NotFoundOrNoAccessState title={t('gradingOverview.periods.title')} testId="grading-periods-no-access" />;
  }
  const today = swedishDate(new Date());
  const currentId = periods.data ? currentTermId(periods.data, today) : null;
  return (
    <Stack gap="lg" py="md" data-testid="grading-periods-page">
      <div>
        <Title order={1}>{t('gradingOverview.periods.title')}</Title>
        <Text c="dimmed">{t('gradingOverview.periods.intro')}</Text>
      </div>
      <Alert color="larka" variant="light" data-testid="periods-explain">
        {t('gradingOverview.periods.explain')}
      </Alert>
      {periods.data ? (
        periods.data.length === 0 ? (
          <Text c="dimmed">{t('gradingOverview.periods.noTerms')}</Text>
        ) : (
          periods.data.map((item) => <TermCard key={item.term.id} item={item} isCurrent={item.term.id === currentId} />)
        )
      ) : periods.isPending ? (
        <LoadingState />
      ) : (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      )}
    </Stack>
  );
}
