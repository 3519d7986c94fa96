import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { StatusBadge } from './StatusBadge';
import { decisionPdfUrl, programmePath, usePupilProgrammes } from './useActionProgrammes';

/** "Åtgärdsprogram" on the guardian's child page and the pupil's own page: the shared cases, read-only. */
export function PortalProgrammes({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const query = usePupilProgrammes(pupilId);
  if (!query.data) return null;
  const shared = query.data.programmes;
  return (
    <Section title={t('actionProgrammes.portal.title')} testId="portal-action-programmes">
      <Text size="sm">{t('actionProgrammes.portal.intro')}</Text>
      {shared.length === 0 ? <Text size="sm" c="dimmed" data-testid="portal-action-programmes-empty">{t('actionProgrammes.noneShared')}</Text> : (
        <Stack gap="xs" mt="xs">
          {shared.map((p) => (
            <Group key={p.id} gap="md" data-testid="portal-action-programme">
              <Text size="sm">{`${t('actionProgrammes.decision.decidedOn')} ${p.decidedOn ?? '–'}`}</Text>
              <StatusBadge status={p.status} />
              <AppLink to={programmePath(p.id)} testId="portal-action-programme-link">{t('actionProgrammes.portal.read')}</AppLink>
              <Anchor href={decisionPdfUrl(p.id)} target="_blank" rel="noopener">{t('actionProgrammes.decision.pdf')}</Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
