import { Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink, pupilPath } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { talksPath } from '../development-talks/useTalks';
import { useProblem } from '../development-talks/useProblem';
import { AdaptationCard } from './AdaptationCard';
import { AdaptationForm } from './AdaptationForm';
import type { AdaptationList } from './types';
import { useAdaptationMutations, useAdaptations as useAdaptationsQuery } from './useAdaptations';

function NewAdaptation({ list }: { list: AdaptationList }) {
  const { t } = useTranslation();
  const problem = useProblem('extraAdaptations');
  const { create } = useAdaptationMutations(list.pupil.id);
  return (
    <AdaptationForm key={create.data?.id ?? 'new'} list={list} testId="adaptation-new" submitLabel={t('extraAdaptations.addSubmit')} pending={create.isPending}
      error={create.error ? problem(create.error) : null} onSubmit={(f) => create.mutate(f)}
      initial={{ subjectCode: null, description: '', startDate: list.today, endDate: null, responsibleId: '', followUpOn: null }} />
  );
}

function AdaptationsView({ list }: { list: AdaptationList }) {
  const { t } = useTranslation();
  const name = `${list.pupil.givenName} ${list.pupil.familyName}`;
  useDocumentTitle(t('extraAdaptations.heading', { name }));
  return (
    <Stack gap="xl" py="md" data-testid="adaptations-page">
      <div>
        <Title order={1}>{t('extraAdaptations.heading', { name })}</Title>
        <Text c="dimmed">{t('extraAdaptations.intro')}</Text>
        <Group gap="md">
          <AppLink to={pupilPath(list.pupil.id)}>{t('extraAdaptations.back')}</AppLink>
          <AppLink to={talksPath(list.pupil.id)}>{t('extraAdaptations.talks')}</AppLink>
        </Group>
      </div>
      <Section title={t('extraAdaptations.list')} testId="adaptations">
        {list.adaptations.length === 0 ? <Text c="dimmed" data-testid="adaptations-none">{t('extraAdaptations.none')}</Text>
          : list.adaptations.map((a) => <AdaptationCard key={`${a.id}-${a.version}`} a={a} list={list} />)}
      </Section>
      {list.mayEdit && <Section title={t('extraAdaptations.add')} testId="adaptation-add"><NewAdaptation list={list} /></Section>}
    </Stack>
  );
}

/** /elever/:pupilId/extra-anpassningar — the pupil's extra adaptations for staff: active ones first. */
export function AdaptationsPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const { data, error, isPending, refetch } = useAdaptationsQuery(pupilId);
  if (error && isNotFoundOrForbidden(error)) return <NotFoundOrNoAccessState title={t('extraAdaptations.nav')} testId="adaptations-no-access" />;
  if (!data) return isPending ? <LoadingState /> : <ErrorState error={error} onRetry={() => void refetch()} />;
  return <AdaptationsView list={data} />;
}
