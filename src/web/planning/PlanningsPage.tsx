import { Button, Group, Select, Stack, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { PlanningTable } from './PlanningTable';
import type { PlanningStatus } from './types';
import { usePlannings } from './usePlanning';

const sv = new Intl.Collator('sv');

/** /planering — "Mina planeringar" for a teacher (owned, or of their groups), the unit's plannings for the principal. */
export function PlanningsPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const teacher = session.current.role === 'teacher';
  const title = teacher ? t('planning.mine') : t('planning.unitTitle');
  useDocumentTitle(title);
  const [params, setParams] = useSearchParams();
  const filter = { status: params.get('status') as PlanningStatus | null, subjectCode: params.get('amne'), groupId: params.get('grupp') };
  const all = usePlannings(session.current.unitId, {});
  const list = usePlannings(session.current.unitId, filter);
  const set = (k: string, v: string | null) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  const items = all.data?.plannings ?? [];
  const subjects = [...new Map(items.map((p) => [p.subject.code, p.subject.name])).entries()].sort((a, b) => sv.compare(a[1], b[1]));
  const groups = [...new Map(items.flatMap((p) => p.groups.map((g) => [g.id, g.name] as const))).entries()].sort((a, b) => sv.compare(a[1], b[1]));
  return (
    <Stack gap="lg" py="md" data-testid="plannings-page">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{title}</Title>
        <Group>
          <Button component={Link} to="/kursplaner" variant="default" data-testid="nav-curriculum">{t('curriculum.nav')}</Button>
          {teacher && <Button component={Link} to="/planering/ny" data-testid="planning-new">{t('planning.new')}</Button>}
        </Group>
      </Group>
      <Group align="flex-end">
        <Select label={t('planning.filters.status')} w={180} clearable placeholder={t('planning.filters.all')} value={filter.status} data-testid="filter-status"
          data={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`planning.statuses.${s}`) }))} onChange={(v) => set('status', v)} />
        <Select label={t('planning.filters.subject')} w={220} clearable placeholder={t('planning.filters.all')} value={filter.subjectCode}
          data={subjects.map(([value, label]) => ({ value, label }))} onChange={(v) => set('amne', v)} />
        <Select label={t('planning.filters.group')} w={220} clearable searchable placeholder={t('planning.filters.all')} value={filter.groupId}
          data={groups.map(([value, label]) => ({ value, label }))} onChange={(v) => set('grupp', v)} />
      </Group>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && <PlanningTable plannings={list.data.plannings} label={title} testId="plannings-table" />}
    </Stack>
  );
}
