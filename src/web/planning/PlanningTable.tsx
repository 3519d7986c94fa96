import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable } from '../app/DataTable';
import { planningPath, type PlanningItem, type PlanningStatus } from './types';

export function StatusBadge({ status }: { status: PlanningStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={status === 'published' ? 'green' : 'gray'}>{t(`planning.statuses.${status}`)}</Badge>;
}

/** Plannings as a table: title (a link), subject, groups, period, status, owners. */
export function PlanningTable({ plannings, label, testId }: { plannings: PlanningItem[]; label: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DataTable label={label} testId={testId} empty={t('planning.none')}
      columns={[t('planning.col.title'), t('planning.col.subject'), t('planning.col.groups'), t('planning.col.period'), t('planning.col.status'), t('planning.col.owners')]}
      rows={plannings.map((p) => ({ key: p.id, cells: [
        <AppLink key="t" to={planningPath(p.id)} testId={`planning-link-${p.id}`}>{p.title}</AppLink>, p.subject.name, p.groups.map((g) => g.name).join(', '),
        t('planning.period', { from: p.periodStart, to: p.periodEnd }), <StatusBadge key="s" status={p.status} />, p.owners.map((o) => o.name).join(', '),
      ] }))} />
  );
}
