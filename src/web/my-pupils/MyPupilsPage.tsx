import { useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { ColumnChooser } from './ColumnChooser';
import { PupilTable } from './PupilTable';
import type { GroupOption, GroupType, ListParams } from './types';
import { exportUrl, listQuery, useColumnPreference, useMyGroups, useMyPupilList } from './useMyPupils';

const ALL = 'alla';
const TYPES: GroupType[] = ['class', 'teaching', 'mentor'];

/** The selector's options: "Alla mina elever", then classes, teaching groups and mentor groups. */
function groupData(groups: GroupOption[], t: TFunction) {
  return [
    { value: ALL, label: t('myPupils.allPupils') },
    ...TYPES.map((type) => ({
      group: t(`myPupils.groupTypes.${type}`),
      items: groups.filter((g) => g.type === type).map((g) => ({ value: g.id, label: t('myPupils.groupOption', { name: g.name, count: g.pupils }) })),
    })).filter((g) => g.items.length > 0),
  ];
}

/** "Mina elever": the pupils of the staff member's classes and groups (the whole unit for its administrator
 *  and principal), narrowed to one group, searched, with chosen columns; exported or printed as shown. */
export function MyPupilsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myPupils.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('pupils.view.own');
  const [search, setSearch] = useSearchParams();
  const [q, setQ] = useState(search.get('sok') ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  const groupId = search.get('grupp');
  const columns = useColumnPreference(session.current);
  const params: ListParams = { groupId, q: debounced, columns: columns.shown };
  const groups = useMyGroups(session.current, allowed);
  const list = useMyPupilList(session.current, params, { enabled: allowed && columns.ready });
  if (!allowed) return <NotFoundOrNoAccessState title={t('myPupils.noAccess')} testId="my-pupils-no-access" />;

  const setParam = (key: string, value: string | null) => setSearch((s) => {
    const next = new URLSearchParams(s);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });
  const unit = groups.data?.unit?.name ?? session.current.unitName ?? '';
  const data = list.data;
  return (
    <Stack gap="md" py="md" data-testid="my-pupils-page">
      <div>
        <Title order={1}>{t('myPupils.title')}</Title>
        <Text c="dimmed">{t(session.current.role === 'teacher' ? 'myPupils.introTeacher' : 'myPupils.introUnit', { unit })}</Text>
      </div>
      <Group gap="sm" align="flex-end" role="search" aria-label={t('myPupils.filters')}>
        <Select label={t('myPupils.group')} data={groupData(groups.data?.groups ?? [], t)} value={groupId ?? ALL} searchable
          allowDeselect={false} w={260} data-testid="my-pupils-group" onChange={(v) => setParam('grupp', v && v !== ALL ? v : null)} />
        <TextInput label={t('myPupils.search')} placeholder={t('myPupils.searchPlaceholder')} type="search" value={q} w={320}
          data-testid="my-pupils-search" onChange={(e) => { setQ(e.currentTarget.value); setParam('sok', e.currentTarget.value || null); }} />
        <ColumnChooser shown={columns.shown} onChange={columns.setShown} />
      </Group>
      <Group gap="sm" role="group" aria-label={t('myPupils.actions')}>
        <Button component="a" href={exportUrl(params, 'xlsx')} download variant="outline" data-testid="my-pupils-export-xlsx">{t('myPupils.exportExcel')}</Button>
        <Button component="a" href={exportUrl(params, 'csv')} download variant="outline" data-testid="my-pupils-export-csv">{t('myPupils.exportCsv')}</Button>
        <Button component={Link} to={`/mina-elever/utskrift?${listQuery(params)}`} variant="outline" data-testid="my-pupils-print">{t('myPupils.print')}</Button>
      </Group>
      {data ? (
        <Stack gap="xs">
          <Text role="status" data-testid="my-pupils-count">{t('myPupils.count', { count: data.total })}</Text>
          {data.total === 0
            ? <Text c="dimmed" data-testid="my-pupils-empty">{debounced.trim() ? t('myPupils.noneFound') : t('myPupils.none')}</Text>
            : <PupilTable pupils={data.pupils} columns={data.columns} />}
        </Stack>
      ) : list.isPending ? <LoadingState /> : <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
    </Stack>
  );
}
