import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { Chart } from './Chart';
import { distributionOption, GRADE_KEYS } from './charts';
import { formatFigure } from './format';
import { RowLabel } from './RowLabel';
import { TestWords } from './TestWords';
import type { ReportRow } from './types';

/** The grade distribution (A–F and –) per row, chart and table, with each row against the others. */
export function DistributionBlock({ rows, subject, testId, chart = true }: { rows: readonly ReportRow[]; subject: string; testId: string; chart?: boolean }) {
  const { t } = useTranslation();
  const dash = t('followup.col.dash');
  const option = useMemo(() => distributionOption(rows, dash), [rows, dash]);
  const columns = [
    t('followup.col.row'), t('followup.col.pupils'), ...GRADE_KEYS.map((g) => (g === 'dash' ? dash : g)), t('followup.col.passing'),
    t('followup.col.gradePoints'), t('followup.col.versusOthers'),
  ];
  return (
    <Stack gap="xs">
      {chart && <Chart option={option} label={t('followup.subject.chartDistribution', { subject })} height={60 + rows.length * 36} testId={`${testId}-chart`} />}
      <DataTable
        label={`${t('followup.subject.distribution')}: ${subject}`}
        testId={`${testId}-table`}
        empty="."
        columns={columns}
        rows={rows.map((r) => {
          const d = r.distribution;
          return {
            key: r.key,
            cells: [
              <RowLabel row={r} />,
              formatFigure(d.pupils, 'count'),
              ...GRADE_KEYS.map((g) => formatFigure(d.shares[g], 'share')),
              formatFigure(d.passing, 'share'),
              formatFigure(d.gradePoints, 'points'),
              <TestWords test={d.versusOthers} context="others" />,
            ],
          };
        })}
      />
    </Stack>
  );
}
