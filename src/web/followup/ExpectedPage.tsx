import { useMemo } from 'react';
import { Alert, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { byName } from '../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Chart } from './Chart';
import { expectedOption } from './charts';
import { decimal, formatFigure, formatInterval, schoolYearParam } from './format';
import { ReferenceNote } from './ReferenceNote';
import type { ExpectedReport, ExpectedUnitRow } from './types';
import { useExpected } from './useFollowup';

const share = (v: number | null) => (v === null ? '.' : formatFigure(v, 'share'));

function ExpectedTable({ report }: { report: ExpectedReport }) {
  const { t } = useTranslation();
  const c = (k: string) => t(`followup.expected.col.${k}`);
  return (
    <DataTable
      label={t('followup.expected.title')}
      testId="expected-table"
      empty={t('followup.expected.none')}
      columns={[c('unit'), c('pupils'), c('parents'), c('foreign'), c('boys'), c('newly'), c('actual'), c('expected'), c('residual'), c('passing'), c('verdict')]}
      rows={byName(report.units).map((u) => ({
        key: u.id,
        cells: [
          u.name, formatFigure(u.pupils, 'count'),
          u.background.parentsEducation === null ? '.' : decimal(u.background.parentsEducation, 2),
          share(u.background.foreignBackgroundShare), share(u.background.boysShare), share(u.background.newlyArrivedShare),
          formatFigure(u.meritValue, 'merit'), formatFigure(u.expectedMerit, 'merit'),
          `${formatFigure(u.residualMerit, 'difference')} ${formatInterval(residualInterval(u), 'difference')}`.trim(),
          formatFigure(u.passingAll, 'share'),
          <Text component="span" size="sm" fw={u.clear ? 700 : 400} data-testid={`expected-verdict-${u.id}`}>{t(`followup.expected.clear.${u.clear ?? 'none'}`)}</Text>,
        ],
      }))}
    />
  );
}

/** /uppfoljning/forvantat — each unit's merit value against the value expected from its background. */
export function ExpectedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('followup.expected.title'));
  const [search, setSearch] = useSearchParams();
  const expected = useExpected(schoolYearParam(search.get('lasar')));
  const names = { actual: t('followup.expected.actual'), expected: t('followup.expected.expectedAxis') };
  const units = expected.data?.units;
  const option = useMemo(() => expectedOption(units ?? [], names), [units, names.actual, names.expected]); // eslint-disable-line react-hooks/exhaustive-deps
  if (expected.isPending) return <LoadingState />;
  if (expected.isError) {
    return isNotFoundOrForbidden(expected.error)
      ? <NotFoundOrNoAccessState title={t('followup.expected.title')} testId="followup-no-access" />
      : <ErrorState error={expected.error} onRetry={() => void expected.refetch()} />;
  }
  const r = expected.data;
  return (
    <Stack gap="md" py="md" data-testid="followup-expected">
      <Title order={1}>{t('followup.expected.title')}</Title>
      <Select
        label={t('followup.schoolYear')} w={160} allowDeselect={false} data-testid="choose-school-year"
        data={r.schoolYears.length > 0 ? r.schoolYears : [r.schoolYear]} value={r.schoolYear}
        onChange={(v) => setSearch((s) => { const next = new URLSearchParams(s); if (v) next.set('lasar', v); return next; }, { replace: true })}
      />
      <Alert color="larka" variant="light" data-testid="expected-explanation">
        <Text size="sm">{t('followup.expected.intro')}</Text>
        <Text size="sm" fw={600} mt="xs">{t('followup.expected.notRanking')}</Text>
      </Alert>
      <Stack gap={2} data-testid="expected-model">
        <Text size="sm"><strong>{t('followup.expected.model')}:</strong> {t(`followup.expected.models.${r.model}`)}
          {r.local ? ` (${t('followup.expected.localFit', { units: r.local.units, r2: decimal(r.local.r2, 2) })})` : ''}</Text>
        <Text size="sm">{r.modelDescription}</Text>
      </Stack>
      {r.units.length === 0 ? <Text>{t('followup.expected.none')}</Text> : (
        <Stack gap="md">
          <Chart option={option} label={t('followup.expected.chart')} height={380} testId="expected-chart" />
          <ExpectedTable report={r} />
        </Stack>
      )}
      <ReferenceNote figures={r.reference} testId="expected-reference" />
    </Stack>
  );
}

/** The residual's 95 % interval: the interval of the unit's mean merit value less the expected value. */
function residualInterval(u: ExpectedUnitRow): [number, number] | null {
  return u.meritCi && typeof u.expectedMerit === 'number' ? [u.meritCi[0] - u.expectedMerit, u.meritCi[1] - u.expectedMerit] : null;
}
