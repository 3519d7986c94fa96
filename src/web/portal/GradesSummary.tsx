import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../app/api';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { svCollator } from '../app/format';
import { ErrorState, LoadingState } from '../app/states';
import { pupilGradesPath, type HandedOutGrade, type PupilGrades } from '../grading/home/types';
import { CompactList } from './CompactList';

const show = (v: string) => (v === '-' ? '–' : v);
const rowsOf = (grades: HandedOutGrade[]): [string, string][] =>
  [...grades].sort((a, b) => svCollator.compare(a.subject.name, b.subject.name)).map((g) => [g.subject.name, show(g.value)]);

/** The handed-out grades (never before): the final grades or the latest term's, and a link to all of them. */
export function GradesSummary({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const grades = useQuery({ queryKey: ['pupil-grades', pupilId], queryFn: () => apiGet<PupilGrades>(`/api/pupils/${encodeURIComponent(pupilId)}/grades`) });
  const data = grades.data;
  const latest = data?.final ? { label: t('pupilGrades.final'), grades: data.final.grades } : data?.terms[0] ? { label: data.terms[0].label, grades: data.terms[0].grades } : null;
  return (
    <Section title={t('portal.grades.title')} testId="portal-grades">
      {grades.isPending && <LoadingState />}
      {grades.isError && <ErrorState error={grades.error} onRetry={() => void grades.refetch()} />}
      {data && (
        <Stack gap="xs">
          {latest ? (
            <>
              <Text fw={500}>{t('portal.grades.latest', { label: latest.label })}</Text>
              <CompactList rows={rowsOf(latest.grades)} label={t('portal.grades.listLabel', { label: latest.label })} testId="portal-grades-list" />
            </>
          ) : (
            <Text data-testid="portal-grades-none">{t('portal.grades.none')}</Text>
          )}
          <Text size="sm" c="dimmed">{t('portal.grades.note')}</Text>
          <AppLink to={pupilGradesPath(pupilId)} testId="portal-all-grades">{t('portal.grades.all')}</AppLink>
        </Stack>
      )}
    </Section>
  );
}
