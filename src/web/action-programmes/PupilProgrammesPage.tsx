import { useState } from 'react';
import { Alert, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import { AppLink, pupilPath } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { ProgrammeList } from './ProgrammeList';
import type { PupilProgrammes } from './types';
import { programmePath, useProblemText, usePupilProgrammes, useStartInvestigation } from './useActionProgrammes';

function StartForm({ pupilId, today }: { pupilId: string; today: string }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const navigate = useNavigate();
  const start = useStartInvestigation(pupilId);
  const [reason, setReason] = useState('');
  const [startedOn, setStartedOn] = useState(today);
  return (
    <Section title={t('actionProgrammes.start.title')} testId="start-investigation">
      <form onSubmit={(e) => { e.preventDefault(); start.mutate({ reason, startedOn }, { onSuccess: (c) => navigate(programmePath(c.id)) }); }}>
        <Stack gap="sm" maw={720}>
          <Text size="sm">{t('actionProgrammes.start.intro')}</Text>
          <Textarea label={t('actionProgrammes.start.reason')} description={t('actionProgrammes.start.reasonHint')} required autosize minRows={2} maxLength={4000}
            value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="start-reason" />
          <DateInput label={t('actionProgrammes.start.date')} required value={startedOn} onChange={setStartedOn} testId="start-date" />
          <Button type="submit" w="fit-content" loading={start.isPending} disabled={!reason.trim() || !isIsoDate(startedOn)} data-testid="start-submit">
            {t('actionProgrammes.start.submit')}</Button>
          {start.error && <Alert color="red" role="alert">{problem(start.error)}</Alert>}
        </Stack>
      </form>
    </Section>
  );
}

function View({ data }: { data: PupilProgrammes }) {
  const { t } = useTranslation();
  const name = `${data.pupil.givenName} ${data.pupil.familyName}`;
  useDocumentTitle(t('actionProgrammes.pupilTitle', { name }));
  const investigating = data.programmes.some((p) => p.status === 'investigation');
  return (
    <Stack gap="lg" py="md" data-testid="pupil-programmes-page">
      <div>
        <Title order={1}>{t('actionProgrammes.pupilTitle', { name })}</Title>
        <AppLink to={pupilPath(data.pupil.id)}>{t('actionProgrammes.toPupil')}</AppLink>
      </div>
      <Section title={t('actionProgrammes.title')}>
        <ProgrammeList programmes={data.programmes} label={t('actionProgrammes.title')} empty={t('actionProgrammes.none')} testId="pupil-programmes" withPupil={false} />
      </Section>
      {data.mayStart && !investigating && <StartForm pupilId={data.pupil.id} today={data.today} />}
    </Stack>
  );
}

/** /elever/:pupilId/atgardsprogram — the pupil's cases, and starting an investigation. */
export function PupilProgrammesPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const query = usePupilProgrammes(pupilId);
  if (query.data) return <View data={query.data} />;
  if (query.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('actionProgrammes.notFound')} testId="pupil-programmes-not-found" />;
  return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
}
