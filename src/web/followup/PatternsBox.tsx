import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { formatFigure, formatQ } from './format';
import type { ReportPattern } from './types';

/** "Återkommande mönster": each recurring pattern in words, with its evidence year by year. */
export function PatternsBox({ patterns }: { patterns: readonly ReportPattern[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="followup-patterns" data-testid="patterns">
      <Stack gap="sm">
        <Title order={2} size="h4" id="followup-patterns">{t('followup.patterns.title')}</Title>
        {patterns.length === 0 && <Text size="sm" data-testid="patterns-none">{t('followup.patterns.none')}</Text>}
        {patterns.map((p, i) => {
          const c = (k: keyof typeof p.years[number] & string) => t(`followup.patterns.col.${k}`);
          return (
            <Stack key={`${p.kind}-${p.label}-${p.subject.code}`} gap={4} data-testid="pattern">
              <Text size="sm" fw={600}>
                {t(`followup.patterns.kinds.${p.kind}`)}: {t('followup.patterns.item', {
                  label: p.label, subject: p.subject.name, gradeYear: p.gradeYear, direction: t(`followup.patterns.direction.${p.direction}`),
                  q: p.q < 0.001 ? `q ${formatQ(p.q)}` : `q = ${formatQ(p.q)}`,
                })}
              </Text>
              <DataTable
                label={`${t('followup.patterns.title')} ${i + 1}: ${p.label}, ${p.subject.name}`}
                empty="."
                columns={[c('schoolYear'), c('pupils'), c('higher'), c('lower'), c('othersHigher'), c('othersLower')]}
                rows={p.years.map((y) => ({
                  key: y.schoolYear,
                  cells: [y.schoolYear, formatFigure(y.pupils, 'count'), formatFigure(y.higher, 'share'), formatFigure(y.lower, 'share'),
                    formatFigure(y.othersHigher, 'share'), formatFigure(y.othersLower, 'share')],
                }))}
              />
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
