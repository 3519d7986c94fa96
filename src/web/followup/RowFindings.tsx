import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MeasureList } from './MeasureList';
import type { ReportRow } from './types';

/** The findings and measures recorded on the rows of a subject, right under its figures, row by row. */
export function RowFindings({ rows, testId }: { rows: readonly ReportRow[]; testId: string }) {
  const { t } = useTranslation();
  const withFindings = rows.filter((r) => r.findings.length > 0);
  if (withFindings.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} size="h5">{t('followup.findings.title')}</Title>
      {withFindings.map((r) => (
        <Stack key={r.key} gap={0}>
          <Text size="sm" fw={600}>{r.label}</Text>
          <MeasureList findings={r.findings} testId={`findings-${r.key}`} />
        </Stack>
      ))}
    </Stack>
  );
}
