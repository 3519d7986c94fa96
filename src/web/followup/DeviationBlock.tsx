import { useMemo } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { Chart } from './Chart';
import { deviationOption } from './charts';
import { formatFigure, formatInterval } from './format';
import { RowLabel } from './RowLabel';
import { TestWords } from './TestWords';
import type { ReportRow } from './types';

/** Grade against test grade: the stacked lower/same/higher chart and, beside it, the table of the same rows. */
export function DeviationBlock({ rows, subject, testId, chart = true, firstIsTotal = false }: {
  rows: readonly ReportRow[]; subject: string; testId: string; chart?: boolean; firstIsTotal?: boolean;
}) {
  const { t } = useTranslation();
  const names = { lower: t('followup.col.lower'), same: t('followup.col.same'), higher: t('followup.col.higher') };
  const option = useMemo(() => deviationOption(rows, names), [rows, names.lower, names.same, names.higher]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = rows.filter((r) => r.deviation);
  if (shown.length === 0) return <Text c="dimmed">.</Text>;
  const columns = [
    t('followup.col.row'), t('followup.col.pupils'), t('followup.col.lower'), t('followup.col.same'), t('followup.col.higher'),
    t('followup.col.gradePoints'), t('followup.col.testPoints'), t('followup.col.meanDifference'), t('followup.col.signTest'),
    t('followup.col.versusOthers'), t('followup.col.notTaken'),
  ];
  return (
    <Stack gap="xs">
      {chart && <Chart option={option} label={t('followup.subject.chartDeviation', { subject })} height={60 + shown.length * 36} testId={`${testId}-chart`} />}
      <DataTable
        label={`${t('followup.subject.deviation')}: ${subject}`}
        testId={`${testId}-table`}
        empty="."
        columns={columns}
        rows={shown.map((r, i) => {
          const d = r.deviation!;
          return {
            key: r.key,
            cells: [
              <RowLabel row={r} />,
              formatFigure(d.pupils, 'count'),
              formatFigure(d.lower, 'share'),
              formatFigure(d.same, 'share'),
              formatFigure(d.higher, 'share'),
              formatFigure(d.gradePoints, 'points'),
              formatFigure(d.testPoints, 'points'),
              `${formatFigure(d.meanDifference, 'difference')} ${formatInterval(d.meanDifferenceCi, 'difference')}`.trim(),
              <TestWords test={d.signTest} context="tests" testId={`sign-${firstIsTotal && i === 0 ? 'total' : r.key}`} />,
              <TestWords test={d.versusOthers} context="others" />,
              formatFigure(d.notTakenTest, 'count'),
            ],
          };
        })}
      />
    </Stack>
  );
}
