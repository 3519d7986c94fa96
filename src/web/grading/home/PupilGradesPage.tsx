import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../app/api';
import { DataTable, Section } from '../../app/DataTable';
import { svCollator } from '../../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { documentPdfPath, givenFirst } from '../documents/types';
import type { HandedOutGrade, PupilGrades } from './types';

const show = (v: string) => (v === '-' ? '–' : v);
const bySubject = (grades: HandedOutGrade[]) => [...grades].sort((a, b) => svCollator.compare(a.subject.name, b.subject.name));

function GradesTable({ label, grades, testId }: { label: string; grades: HandedOutGrade[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={label}
      testId={testId}
      empty={t('pupilGrades.empty')}
      columns={[t('pupilGrades.col.subject'), t('pupilGrades.col.grade'), t('pupilGrades.col.note')]}
      rows={bySubject(grades).map((g) => ({
        key: g.subject.code,
        cells: [g.subject.name, <span key="v" data-testid="grade-value">{show(g.value)}</span>, g.carriedOver ? t('pupilGrades.carriedOver') : ''],
      }))}
    />
  );
}

function GradesView({ data, own }: { data: PupilGrades; own: boolean }) {
  const { t } = useTranslation();
  const title = own ? t('pupilGrades.mine') : t('pupilGrades.title', { name: givenFirst(data.pupil.name) });
  useDocumentTitle(title);
  const nothing = data.terms.length === 0 && !data.final && data.documents.length === 0;
  return (
    <Stack gap="xl" py="md">
      <Title order={1} data-testid="pupil-grades-title">{title}</Title>
      {nothing && <Text data-testid="pupil-grades-empty">{t('pupilGrades.empty')}</Text>}
      {data.terms.map((term) => (
        <Section key={term.termId} title={term.label} testId="term-grades">
          <GradesTable label={term.label} grades={term.grades} testId={`grades-${term.termId}`} />
        </Section>
      ))}
      {data.final && (
        <Section title={t('pupilGrades.final')} testId="final-grades">
          <GradesTable label={t('pupilGrades.final')} grades={data.final.grades} testId="grades-final" />
          <Text fw={600} data-testid="merit-value">
            {t('pupilGrades.meritValue', { value: data.final.meritValue.toLocaleString('sv-SE') })}
          </Text>
        </Section>
      )}
      {data.documents.length > 0 && (
        <Section title={t('pupilGrades.documents')} testId="grade-documents">
          <List>
            {data.documents.map((d) => (
              <List.Item key={d.id}>
                <Anchor href={documentPdfPath(d.id)} target="_blank" rel="noopener" data-testid="grade-document-link">
                  {t('pupilGrades.pdf', { kind: t(`pupilGrades.kinds.${d.kind}`), term: d.termLabel })}
                </Anchor>
                <Text span size="sm" c="dimmed">{` · ${t('pupilGrades.col.handedOut')} ${d.handedOutAt.slice(0, 10)}`}</Text>
              </List.Item>
            ))}
          </List>
        </Section>
      )}
    </Stack>
  );
}

/** /elever/:pupilId/betyg — the handed-out grades and grade documents of a pupil (Mina betyg). */
export function PupilGradesPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const session = useCurrentSession();
  const grades = useQuery({
    queryKey: ['pupil-grades', pupilId, session.current.role, session.current.unitId],
    queryFn: () => apiGet<PupilGrades>(`/api/pupils/${encodeURIComponent(pupilId)}/grades`),
  });
  if (grades.data) return <GradesView data={grades.data} own={session.current.role === 'pupil' && session.person.id === pupilId} />;
  if (grades.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(grades.error)) return <NotFoundOrNoAccessState title={t('pupilGrades.notFound')} testId="pupil-grades-not-found" />;
  return <ErrorState error={grades.error} onRetry={() => void grades.refetch()} />;
}
