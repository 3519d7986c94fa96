import { useMemo } from 'react';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { Chart } from './Chart';
import { trendOption } from './charts';
import { formatFigure } from './format';
import { TestWords } from './TestWords';
import type { ReportTrendPoint } from './types';

/** The level's total over the school years: a line chart and the table beside it. */
export function TrendBlock({ trend, hasTest, subject, testId }: { trend: readonly ReportTrendPoint[]; hasTest: boolean; subject: string; testId: string }) {
  const { t } = useTranslation();
  const names = { lower: t('followup.col.lower'), higher: t('followup.col.higher'), passing: t('followup.col.passing') };
  const option = useMemo(() => trendOption(trend, names, hasTest), [trend, hasTest, names.lower, names.higher, names.passing]); // eslint-disable-line react-hooks/exhaustive-deps
  if (trend.length < 2) return null;
  const columns = hasTest
    ? [t('followup.col.schoolYear'), t('followup.col.pupils'), t('followup.col.lower'), t('followup.col.same'), t('followup.col.higher'), t('followup.col.signTest')]
    : [t('followup.col.schoolYear'), t('followup.col.pupils'), t('followup.col.passing'), t('followup.col.gradePoints')];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('followup.subject.trend')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Chart option={option} label={t('followup.subject.chartTrend', { subject })} height={220} testId={`${testId}-chart`} />
        <DataTable
          label={`${t('followup.subject.trend')}: ${subject}`}
          testId={`${testId}-table`}
          empty="."
          columns={columns}
          rows={trend.map((p) => ({
            key: p.schoolYear,
            cells: hasTest && p.deviation
              ? [p.schoolYear, formatFigure(p.deviation.pupils, 'count'), formatFigure(p.deviation.lower, 'share'), formatFigure(p.deviation.same, 'share'),
                formatFigure(p.deviation.higher, 'share'), <TestWords test={p.deviation.signTest} context="tests" />]
              : hasTest
                ? [p.schoolYear, '.', '.', '.', '.', '.']
                : [p.schoolYear, formatFigure(p.distribution.pupils, 'count'), formatFigure(p.distribution.passing, 'share'), formatFigure(p.distribution.gradePoints, 'points')],
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
