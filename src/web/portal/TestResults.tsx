import { List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../app/api';
import { Section } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import type { PupilTestResults } from '../national-tests/types';
import { CompactList } from './CompactList';

type Result = PupilTestResults['results'][number];

function ResultValue({ r }: { r: Result }) {
  const { t } = useTranslation();
  if (r.notParticipated) return <span data-testid="test-result-value">{t('nationalTests.notParticipated')}</span>;
  if (r.testGrade) return <span data-testid="test-result-value">{r.testGrade}</span>;
  return (
    <List size="sm" data-testid="test-result-value" aria-label={t('nationalTests.subTests')}>
      {(r.subTests ?? []).map((s) => (
        <List.Item key={s.code}>{`${t('nationalTests.col.subTest', { code: s.code })}: ${s.outcome ? t(`nationalTests.outcomes.${s.outcome}`) : '–'}`}</List.Item>
      ))}
    </List>
  );
}

/** National test results registered in full (at home, only those are given by the server). */
export function TestResults({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['pupil-national-tests', pupilId],
    queryFn: () => apiGet<PupilTestResults>(`/api/pupils/${encodeURIComponent(pupilId)}/national-tests`),
  });
  const list = results.data?.results ?? [];
  return (
    <Section title={t('nationalTests.results')} testId="portal-national-tests">
      {results.isPending && <LoadingState />}
      {results.isError && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && (
        <Stack gap="xs">
          {list.length === 0 ? <Text data-testid="portal-national-tests-none">{t('nationalTests.noResults')}</Text> : (
            <CompactList
              label={t('nationalTests.results')}
              testId="portal-national-tests-list"
              rows={list.map((r) => [`${t('nationalTests.resultLine', { subject: r.subject.name, year: r.gradeYear })} (${r.schoolYear})`, <ResultValue key="v" r={r} />])}
            />
          )}
          <Text size="sm" c="dimmed">{t('nationalTests.resultsNote')}</Text>
        </Stack>
      )}
    </Section>
  );
}
