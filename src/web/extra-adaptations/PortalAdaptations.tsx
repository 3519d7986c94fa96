import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { Labelled } from '../development-talks/TalkView';
import { useAdaptations } from './useAdaptations';

/** "Extra anpassningar" on the guardian's child page and the pupil's own page: the shared ones, read-only. */
export function PortalAdaptations({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const query = useAdaptations(pupilId);
  return (
    <Section title={t('extraAdaptations.portal.title')} testId="portal-adaptations">
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (query.data.adaptations.length === 0 ? <Text data-testid="portal-adaptations-none">{t('extraAdaptations.portal.none')}</Text> : (
        <Stack gap="sm">
          {query.data.adaptations.map((a) => (
            <Paper key={a.id} withBorder p="sm" data-testid="portal-adaptation">
              <Stack gap={4}>
                <Text fw={700}>{`${a.subjectName ?? t('extraAdaptations.general')} · ${t(`extraAdaptations.statuses.${a.status}`)}`}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Text>
                <Labelled label={t('extraAdaptations.startDate')} text={a.endDate ? `${a.startDate} – ${a.endDate}` : `${a.startDate} (${t('extraAdaptations.noEnd').toLocaleLowerCase('sv')})`} />
                <Labelled label={t('extraAdaptations.responsible')} text={a.responsible} />
                {a.notes.map((n) => <Labelled key={n.id} label={`${t('extraAdaptations.note')} ${n.notedOn}`} text={n.note} />)}
                {a.evaluation && <Labelled label={`${t('extraAdaptations.evaluation')} ${a.evaluatedOn}`} text={a.evaluation} />}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}
    </Section>
  );
}
