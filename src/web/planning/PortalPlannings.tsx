import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { CompactList } from '../portal/CompactList';
import { planningPath } from './types';
import { usePupilPlannings } from './usePlanning';

/** "Planeringar" on the child's page and the pupil's own: the published plannings of the pupil's groups. */
export function PortalPlannings({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const list = usePupilPlannings(pupilId);
  const plannings = list.data?.plannings ?? [];
  return (
    <Section title={t('planning.portal.title')} testId="portal-plannings">
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (plannings.length === 0 ? <Text data-testid="portal-plannings-none">{t('planning.portal.none')}</Text> : (
        <Stack gap="xs">
          <CompactList label={t('planning.portal.title')} testId="portal-plannings-list" rows={plannings.map((p) => [
            p.subject.name,
            <Stack key={p.id} gap={0}>
              <AppLink to={planningPath(p.id)} testId={`portal-planning-${p.id}`}>{p.title}</AppLink>
              <Text size="xs" c="dimmed">{t('planning.period', { from: p.periodStart, to: p.periodEnd })}</Text>
            </Stack>,
          ])} />
        </Stack>
      ))}
    </Section>
  );
}
