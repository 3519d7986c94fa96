import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeviationBlock } from './DeviationBlock';
import { DistributionBlock } from './DistributionBlock';
import { TestWords } from './TestWords';
import type { ReportBreakdown } from './types';

/** The breakdowns of a subject (sex, newly arrived, …) as small tables, each with the test of its parts. */
export function BreakdownList({ breakdowns, hasTest, subject, testId }: { breakdowns: readonly ReportBreakdown[]; hasTest: boolean; subject: string; testId: string }) {
  const { t } = useTranslation();
  const shown = breakdowns.filter((b) => b.rows.length > 0 || b.source === 'unit');
  if (shown.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">{t('followup.subject.breakdowns')}</Title>
      {shown.map((b) => {
        const id = `${testId}-${b.dimension}`;
        const name = t(`followup.breakdown.${b.dimension}`);
        return (
          <Stack key={b.dimension} gap={4} data-testid={id}>
            <Title order={4} size="h6">{name}</Title>
            {b.source === 'unit' && <Text size="sm" c="dimmed">{t('followup.breakdown.unitSource')}</Text>}
            {b.rows.length > 0 && (hasTest && b.rows.some((r) => r.deviation)
              ? <DeviationBlock rows={b.rows} subject={`${subject}, ${name}`} testId={id} chart={false} />
              : <DistributionBlock rows={b.rows} subject={`${subject}, ${name}`} testId={id} chart={false} />)}
            {b.rows.length > 1 && (
              <Text size="sm">
                {t('followup.breakdown.test')} <TestWords test={b.test} context="parts" testId={`${id}-test`} />
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
