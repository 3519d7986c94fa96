import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BreakdownList } from './BreakdownList';
import { DeviationBlock } from './DeviationBlock';
import { DistributionBlock } from './DistributionBlock';
import { ReferenceNote } from './ReferenceNote';
import { RowFindings } from './RowFindings';
import { TrendBlock } from './TrendBlock';
import type { GradeYear, ReportSubject } from './types';

/** One subject of a report: grade vs test (or the distribution), breakdowns, trend, national reference; `aside`
 *  is what the page places beside the subject's figures (the principal's findings). */
export function SubjectReport({ section, gradeYear, aside }: { section: ReportSubject; gradeYear: GradeYear; aside?: ReactNode }) {
  const { t } = useTranslation();
  const name = section.subject.name;
  const id = `subject-${section.subject.code}`;
  const rows = [section.total, ...section.rows];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Stack gap="md">
        <Title order={2} size="h3" id={`${id}-title`}>{name}</Title>
        {section.hasTest ? (
          <Stack gap="xs">
            <Title order={3} size="h5">{t('followup.subject.deviation')}</Title>
            <DeviationBlock rows={rows} subject={name} testId={`${id}-deviation`} firstIsTotal />
          </Stack>
        ) : (
          <Text size="sm">{t('followup.subject.noTest', { year: gradeYear })}</Text>
        )}
        <Stack gap="xs">
          <Title order={3} size="h5">{t('followup.subject.distribution')}</Title>
          <DistributionBlock rows={rows} subject={name} testId={`${id}-distribution`} chart={!section.hasTest} />
        </Stack>
        <RowFindings rows={rows} testId={`${id}-findings`} />
        <BreakdownList breakdowns={section.breakdowns} hasTest={section.hasTest} subject={name} testId={`${id}-breakdown`} />
        <TrendBlock trend={section.trend} hasTest={section.hasTest} subject={name} testId={`${id}-trend`} />
        {section.reference.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">{t('followup.reference.title')}</Title>
            <ReferenceNote figures={section.reference} testId={`${id}-reference`} />
          </Stack>
        )}
        {aside}
      </Stack>
    </Paper>
  );
}
