import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import { AppLink, pupilPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { adaptationsPath } from '../extra-adaptations/paths';
import { TalkStatusBadges } from './TalkView';
import type { TalkList } from './types';
import { useProblem } from './useProblem';
import { talkPath, usePlanTalk, usePupilTalks } from './useTalks';

function PlanForm({ pupilId, today }: { pupilId: string; today: string }) {
  const { t } = useTranslation();
  const problem = useProblem('developmentTalks.talk');
  const plan = usePlanTalk(pupilId);
  const navigate = useNavigate();
  const [heldOn, setHeldOn] = useState(today);
  const [participants, setParticipants] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); plan.mutate({ heldOn, participants }, { onSuccess: (talk) => void navigate(talkPath(talk.id)) }); }}>
      <Stack gap="sm" maw={640}>
        <Text size="sm" c="dimmed">{t('developmentTalks.list.planHint')}</Text>
        <Group align="flex-end">
          <DateInput label={t('developmentTalks.list.heldOn')} required value={heldOn} onChange={setHeldOn} testId="plan-date" />
          <TextInput label={t('developmentTalks.list.participants')} value={participants} maxLength={500} style={{ flex: 1 }} miw={220}
            onChange={(e) => setParticipants(e.currentTarget.value)} data-testid="plan-participants" />
        </Group>
        <Button type="submit" w="fit-content" loading={plan.isPending} disabled={!isIsoDate(heldOn)} data-testid="plan-submit">{t('developmentTalks.list.planSubmit')}</Button>
        {plan.error && <Alert color="red" role="alert">{problem(plan.error)}</Alert>}
      </Stack>
    </form>
  );
}

function TalkListView({ data }: { data: TalkList }) {
  const { t } = useTranslation();
  const name = `${data.pupil.givenName} ${data.pupil.familyName}`;
  useDocumentTitle(t('developmentTalks.list.heading', { name }));
  return (
    <Stack gap="xl" py="md" data-testid="pupil-talks">
      <div>
        <Title order={1}>{t('developmentTalks.list.heading', { name })}</Title>
        {data.pupil.className && <Text c="dimmed">{data.pupil.className}</Text>}
        <Group gap="md">
          <AppLink to={pupilPath(data.pupil.id)}>{t('developmentTalks.list.back')}</AppLink>
          <AppLink to={adaptationsPath(data.pupil.id)}>{t('developmentTalks.list.adaptations')}</AppLink>
        </Group>
      </div>
      <Section title={t('developmentTalks.list.talks')}>
        <DataTable label={t('developmentTalks.list.talks')} testId="talks-table" empty={t('developmentTalks.list.none')}
          columns={[t('developmentTalks.list.date'), t('developmentTalks.list.status'), t('developmentTalks.list.createdBy')]}
          rows={data.talks.map((x) => ({ key: x.id, cells: [
            <AppLink key="d" to={talkPath(x.id)} testId="talk-link">{x.heldOn}</AppLink>, <TalkStatusBadges key="s" talk={x} />, x.createdBy] }))} />
      </Section>
      {data.mayPlan ? <Section title={t('developmentTalks.list.plan')} testId="plan-talk"><PlanForm pupilId={data.pupil.id} today={data.today} /></Section>
        : <Text size="sm" c="dimmed">{t('developmentTalks.list.onlyMentor')}</Text>}
    </Stack>
  );
}

/** /elever/:pupilId/utvecklingssamtal — the staff's list of a pupil's talks; the mentor plans a new one. */
export function PupilTalksPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const query = usePupilTalks(pupilId);
  if (query.error && isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('developmentTalks.nav')} testId="talks-no-access" />;
  if (!query.data) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <TalkListView data={query.data} />;
}
