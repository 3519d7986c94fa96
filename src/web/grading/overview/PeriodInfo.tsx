import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { periodState, type GradingPeriodInfo, type GradingTerm } from './types';

// shade 9: every text passes WCAG AA on white
const COLOR = { none: 'dark.6', open: 'green.9', notStarted: 'orange.9', closed: 'red.9' } as const;

/** The term and its grading period in words: days left, not started, closed, or open without a period. */
export function PeriodInfo({ term, period }: { term: GradingTerm; period: GradingPeriodInfo | null }) {
  const { t } = useTranslation();
  const state = periodState(period);
  const range = period ? t('gradingOverview.period.range', { from: formatDate(period.from), to: formatDate(period.to) }) : null;
  const status =
    state === 'none'
      ? t('gradingOverview.period.none')
      : state === 'open'
        ? t('gradingOverview.period.daysLeft', { count: period!.daysLeft })
        : state === 'notStarted'
          ? t('gradingOverview.period.notStarted', { from: formatDate(period!.from) })
          : t('gradingOverview.period.closed');
  return (
    <Group gap="sm" wrap="wrap" data-testid="grading-period" data-state={state}>
      <Badge variant="outline" color="larka" size="lg" radius="sm" tt="none" data-testid="grading-term">
        {t('gradingOverview.period.term')} {term.label}
      </Badge>
      {range && <Text size="sm">{range}</Text>}
      <Text fw={700} c={COLOR[state]} data-testid="grading-period-status">
        {status}
      </Text>
    </Group>
  );
}
