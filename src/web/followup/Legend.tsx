import { List, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How to read the figures: the suppression signs, what "tydlig" means, the points of the grades. */
export function Legend({ tests }: { tests?: { count: number; method: string } }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="followup-legend" data-testid="legend">
      <Title order={2} size="h5" id="followup-legend">{t('followup.legend.title')}</Title>
      <List size="sm" spacing={2} mt="xs">
        <List.Item>{t('followup.legend.hidden')}</List.Item>
        <List.Item>{t('followup.legend.missing')}</List.Item>
        <List.Item>{t('followup.legend.clear')}{tests ? ` ${t('followup.testsMade', { count: tests.count, method: tests.method })}` : ''}</List.Item>
        <List.Item>{t('followup.legend.points')}</List.Item>
      </List>
    </Paper>
  );
}
