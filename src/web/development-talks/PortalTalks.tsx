import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { TalkView } from './TalkView';
import { usePupilTalks } from './useTalks';

/** "Utvecklingssamtal" on the guardian's child page and the pupil's own page: the shared talks, read-only. */
export function PortalTalks({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const query = usePupilTalks(pupilId);
  return (
    <Section title={t('developmentTalks.portal.title')} testId="portal-talks">
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (query.data.shared.length === 0 ? <Text data-testid="portal-talks-none">{t('developmentTalks.portal.none')}</Text> : (
        <Stack gap="md">
          {query.data.shared.map((talk) => (
            <Paper key={talk.id} withBorder p="md" data-testid="portal-talk">
              <Stack gap="sm">
                <Text fw={700}>{t('developmentTalks.portal.talkOn', { date: talk.heldOn })}</Text>
                {talk.participants && <Text size="sm">{`${t('developmentTalks.talk.participants')}: ${talk.participants}`}</Text>}
                <TalkView talk={talk} headingOrder={3} showEmptySubjects={false} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}
    </Section>
  );
}
