import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { useCurrentSession } from '../session/useSession';
import { usePlannings } from './usePlanning';

/** The teacher's start page: "Mina planeringar" with how many are drafts and published. */
export function PlanningStartSection() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const list = usePlannings(session.current.unitId, {});
  const all = list.data?.plannings ?? [];
  const drafts = all.filter((p) => p.status === 'draft').length;
  return (
    <Section title={t('planning.nav')} testId="start-plannings">
      <Group gap="md">
        <AppLink to="/planering" testId="start-plannings-link">{t('planning.mine')}</AppLink>
        {list.data && <Text size="sm" c="dimmed">{t('planning.startCounts', { drafts, published: all.length - drafts })}</Text>}
      </Group>
    </Section>
  );
}
