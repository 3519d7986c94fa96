import { useState } from 'react';
import { Badge, Button, Group, Pagination, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import { DataTable } from '../../app/DataTable';
import { formatSchoolYear } from '../../app/format';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { personPath, type PersonKind, type PersonListItem } from './types';
import { usePeopleSearch } from './usePeople';

const PAGE_SIZE = 50;

function Kinds({ item }: { item: PersonListItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {item.kinds.map((k) => (
        <Badge key={k.kind} variant={k.current ? 'light' : 'outline'} color={k.current ? 'larka' : 'gray.7'} tt="none">
          {t(`people.kinds.${k.kind}`)}{k.current ? '' : ` (${t('people.ended')})`}
        </Badge>
      ))}
      {item.securityMarking === 'protected' && <Badge color="red.9" variant="filled" tt="none">{t('people.protected')}</Badge>}
    </Group>
  );
}

function detailOf(item: PersonListItem, t: TFunction): string {
  const parts: string[] = [];
  if (item.schoolYear !== null) parts.push(t('people.yearForm', { year: formatSchoolYear(item.schoolYear), form: item.schoolForm ?? '' }).trim());
  if (item.className) parts.push(item.className);
  parts.push(...item.roles.map((r) => t(`people.roles.${r}`)));
  return parts.join(' · ');
}

/** "Personer": the unit's pupils, guardians and staff, searched by name (without regard to å ä ö) or civic
 *  number, filtered by kind, a page of 50 at a time. */
export function PeopleRegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<PersonKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q, 250);
  const list = usePeopleSearch(session.current, { q: debounced, kind: kind === 'all' ? null : kind, page, pageSize: PAGE_SIZE }, allowed);
  if (!allowed) return <NotFoundOrNoAccessState title={t('people.title')} testId="people-no-access" />;
  const data = list.data;
  const counts = data?.counts ?? { pupil: 0, guardian: 0, staff: 0 };
  const all = counts.pupil + counts.guardian + counts.staff;
  return (
    <Stack gap="lg" py="md" data-testid="people-page">
      <div>
        <Title order={1}>{t('people.title')}</Title>
        <Text c="dimmed">{t('people.intro')}</Text>
      </div>
      <Group gap="sm">
        <Button component={Link} to="/admin/personer/ny?som=elev" data-testid="new-pupil">{t('people.newPupil')}</Button>
        <Button component={Link} to="/admin/personer/ny?som=personal" variant="outline" data-testid="new-staff">{t('people.newStaff')}</Button>
      </Group>
      <Stack gap="sm" role="search" aria-label={t('people.search')}>
        <TextInput label={t('people.search')} placeholder={t('people.searchPlaceholder')} value={q} type="search" maw={480} data-testid="people-search"
          onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
        <div>
          <Text size="sm" fw={500} id="people-kind-label" mb={4}>{t('people.kindFilter')}</Text>
          <SegmentedControl aria-labelledby="people-kind-label" value={kind} data-testid="people-kind"
            onChange={(v) => { setKind(v as PersonKind | 'all'); setPage(1); }}
            data={[{ value: 'all', label: t('people.all', { count: all }) },
              ...(['pupil', 'guardian', 'staff'] as const).map((k) => ({ value: k, label: t(`people.kindsPlural.${k}`, { count: counts[k] }) }))]} />
        </div>
      </Stack>
      {data ? (
        <Stack gap="sm">
          <Text role="status" data-testid="people-count">{t('people.found', { count: data.total })}</Text>
          <DataTable label={t('people.listLabel')} testId="people-table" empty={t('people.none')}
            columns={[t('people.name'), t('people.civicNo'), t('people.relations'), t('people.details')]}
            rows={data.items.map((p) => ({
              key: p.id,
              cells: [<AppLink key="n" to={personPath(p.id)}>{`${p.familyName}, ${p.givenName}`}</AppLink>, p.civicNo ?? '–', <Kinds key="k" item={p} />, detailOf(p, t)],
            }))} />
          {data.total > PAGE_SIZE && (
            <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} aria-label={t('people.pageLabel')} data-testid="people-pages"
              getControlProps={(control) => ({ 'aria-label': t(`people.pageControls.${control}`) })} />
          )}
        </Stack>
      ) : list.isPending ? <LoadingState /> : <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
    </Stack>
  );
}
