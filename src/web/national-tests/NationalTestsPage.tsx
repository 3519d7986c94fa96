import { useEffect } from 'react';
import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NATIONAL_TESTS, TEST_YEARS, type TestYear } from '../../domain/national-tests/catalogue';
import { subjectByCode } from '../../domain/org/subjects';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import type { GroupOption } from '../my-pupils/types';
import { useMyGroups } from '../my-pupils/useMyPupils';
import { useCurrentSession } from '../session/useSession';
import { ResultGrid } from './ResultGrid';
import { ResultsImportSection } from './ResultsImportSection';
import type { Grid } from './types';
import { useGrid, useSaveResult, type GridParams } from './useNationalTests';

const subjectName = (code: string) => subjectByCode(code)?.name ?? code;
const TYPES = ['class', 'teaching'] as const;

function groupData(groups: GroupOption[], t: TFunction) {
  return TYPES.map((type) => ({
    group: t(`nationalTests.groupTypes.${type}`),
    items: groups.filter((g) => g.type === type).map((g) => ({ value: g.id, label: g.name })),
  })).filter((g) => g.items.length > 0);
}

function GridSection({ grid, params }: { grid: Grid; params: GridParams }) {
  const { t } = useTranslation();
  const saves = useSaveResult(grid, params);
  const label = t('nationalTests.gridLabel', { subject: subjectName(grid.subjectCode), year: grid.gradeYear, group: grid.group.name });
  if (grid.pupils.length === 0) return <Text c="dimmed">{t('nationalTests.noPupils')}</Text>;
  return (
    <Stack gap="xs">
      <Text fw={500} data-testid="grid-school-year">{t('nationalTests.schoolYear', { schoolYear: grid.schoolYear })}</Text>
      {grid.subTests && <Text size="sm">{t('nationalTests.introYear3')}</Text>}
      <ResultGrid grid={grid} label={label} status={saves.status} onSave={saves.save} />
    </Stack>
  );
}

/** /nationella-prov — teachers and the unit's administrator register national test results per group. */
export function NationalTestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nationalTests.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('national-tests.register');
  const [search, setSearch] = useSearchParams();
  const groups = useMyGroups(session.current, allowed);
  const options = (groups.data?.groups ?? []).filter((g) => g.type !== 'mentor');
  const group = options.find((g) => g.id === search.get('grupp')) ?? null;
  const year = (TEST_YEARS as readonly number[]).includes(Number(search.get('ar'))) ? (Number(search.get('ar')) as TestYear) : 9;
  const subjects = NATIONAL_TESTS[year].map((s) => s.subjectCode);
  const subject = [search.get('amne'), group?.subjectCode].find((c): c is string => !!c && subjects.includes(c)) ?? subjects[0];
  const params = group ? { groupId: group.id, subjectCode: subject, gradeYear: year } : null;
  const grid = useGrid(params);
  const groupYear = grid.data?.group.schoolYear ?? null;
  const yearChosen = search.has('ar');
  // a class or group of year 3 or 6 opens on its own year's tests, unless a year was chosen
  useEffect(() => {
    if (!yearChosen && groupYear !== null && groupYear !== year && (TEST_YEARS as readonly number[]).includes(groupYear)) {
      setSearch((s) => { const next = new URLSearchParams(s); next.set('ar', String(groupYear)); return next; }, { replace: true });
    }
  }, [yearChosen, groupYear, year, setSearch]);
  if (!allowed) return <NotFoundOrNoAccessState title={t('nationalTests.noAccess')} testId="national-tests-no-access" />;

  const set = (key: string, value: string | null) => setSearch((s) => {
    const next = new URLSearchParams(s);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });
  return (
    <Stack gap="md" py="md" data-testid="national-tests-page">
      <div>
        <Title order={1}>{t('nationalTests.title')}</Title>
        <Text c="dimmed">{t('nationalTests.intro')}</Text>
      </div>
      {groups.isPending && <LoadingState />}
      {groups.data && options.length === 0 && <Alert color="gray">{t('nationalTests.noGroups')}</Alert>}
      <Group gap="sm" align="flex-end">
        <Select label={t('nationalTests.group')} placeholder={t('nationalTests.choose')} data={groupData(options, t)} value={group?.id ?? null}
          searchable allowDeselect={false} data-testid="national-test-group" onChange={(v) => set('grupp', v)} w={260} />
        <Select label={t('nationalTests.year')} data={TEST_YEARS.map((y) => ({ value: String(y), label: t('nationalTests.yearOption', { year: y }) }))}
          value={String(year)} allowDeselect={false} data-testid="national-test-year" onChange={(v) => set('ar', v)} w={120} />
        <Select label={t('nationalTests.subject')} data={subjects.map((c) => ({ value: c, label: subjectName(c) }))} value={subject}
          allowDeselect={false} data-testid="national-test-subject" onChange={(v) => set('amne', v)} w={240} />
      </Group>
      {params && grid.data && <GridSection key={`${params.groupId}/${subject}/${year}`} grid={grid.data} params={params} />}
      {params && grid.isPending && <LoadingState />}
      {params && grid.isError && (isNotFoundOrForbidden(grid.error)
        ? <Alert color="gray">{t('nationalTests.noPupils')}</Alert> : <ErrorState error={grid.error} onRetry={() => void grid.refetch()} />)}
      {session.allowedActions.includes('national-tests.import') && <ResultsImportSection />}
    </Stack>
  );
}
