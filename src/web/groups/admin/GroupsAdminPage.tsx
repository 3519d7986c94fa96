import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import { DataTable } from '../../app/DataTable';
import { byName, formatSchoolYear, sortStrings } from '../../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { CreateGroupForm } from './CreateGroupForm';
import { useDatesText } from './parts';
import { adminGroupPath, GROUP_REPORTS_PATH, type AdminGroup } from './types';
import { useAdminGroups, useGroupReports } from './useGroupAdmin';

type Status = 'current' | 'ended' | 'all';

function GroupsTable({ groups }: { groups: AdminGroup[] }) {
  const { t } = useTranslation();
  const dates = useDatesText();
  const list = (names: string[]) => (names.length ? sortStrings(names).join(', ') : '–');
  return (
    <DataTable
      label={t('groupAdmin.listLabel')}
      testId="admin-groups-table"
      empty={t('groupAdmin.empty')}
      columns={[t('groupAdmin.col.name'), t('groupAdmin.col.type'), t('groupAdmin.col.subject'), t('groupAdmin.col.schoolYear'), t('groupAdmin.col.pupils'),
        t('groupAdmin.col.teachers'), t('groupAdmin.col.mentors'), t('groupAdmin.col.dates'), t('groupAdmin.col.reports')]}
      rows={byName(groups).map((g) => ({
        key: g.id,
        cells: [
          <AppLink key="n" to={adminGroupPath(g.id)}>{g.name}</AppLink>,
          t(`groupAdmin.types.${g.groupType}`),
          g.subject?.name ?? '–',
          formatSchoolYear(g.schoolYear),
          g.pupilCount,
          list(g.teachers),
          list(g.mentors),
          dates(g),
          g.openReports > 0 ? <Badge key="r" color="orange" variant="light" tt="none">{t('groupAdmin.openReports', { count: g.openReports })}</Badge> : '',
        ],
      }))}
    />
  );
}

/** /admin/grupper — the unit's classes, teaching groups and mentor groups; filter current/ended; create. */
export function GroupsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groupAdmin.title'));
  const session = useCurrentSession();
  const navigate = useNavigate();
  const allowed = session.allowedActions.includes('register.administer');
  const [status, setStatus] = useState<Status>('current');
  const [creating, setCreating] = useState(false);
  const groups = useAdminGroups(session.current, status, allowed);
  const open = useGroupReports(session.current, 'open', allowed);
  if (!allowed || (groups.isError && isNotFoundOrForbidden(groups.error))) return <NotFoundOrNoAccessState title={t('groupAdmin.noAccess')} testId="admin-groups-no-access" />;
  return (
    <Stack gap="lg" py="md" data-testid="admin-groups-page">
      <div>
        <Title order={1}>{t('groupAdmin.title')}</Title>
        <Text c="dimmed">{t('groupAdmin.intro')}</Text>
      </div>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" fw={500} id="group-filter-label">{t('groupAdmin.filter.label')}</Text>
          <SegmentedControl value={status} onChange={(v) => setStatus(v as Status)} aria-labelledby="group-filter-label" data-testid="group-filter"
            data={(['current', 'ended', 'all'] as const).map((v) => ({ value: v, label: t(`groupAdmin.filter.${v}`) }))} />
        </div>
        <Group>
          <AppLink to={GROUP_REPORTS_PATH} testId="group-reports-link">{t('groupAdmin.toReports', { count: open.data?.length ?? 0 })}</AppLink>
          {!creating && <Button onClick={() => setCreating(true)}>{t('groupAdmin.create.open')}</Button>}
        </Group>
      </Group>
      {creating && (
        <CreateGroupForm current={session.current} onCancel={() => setCreating(false)} onCreated={(g) => navigate(adminGroupPath(g.id))} />
      )}
      {groups.data ? <GroupsTable groups={groups.data} /> : groups.isPending ? <LoadingState /> : <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
    </Stack>
  );
}
