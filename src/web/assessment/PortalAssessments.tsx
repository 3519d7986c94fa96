import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { formatDate } from '../app/format';
import { ErrorState, LoadingState } from '../app/states';
import { CompactList } from '../portal/CompactList';
import { wordingOf } from '../../domain/assessment/steps';
import { knowledgeMatrixPath } from './paths';
import { plainRequirement } from './RequirementText';
import { usePupilAssessments } from './useAssessment';

/** The portal's "Bedömningar": the shared assessments of published plannings, per subject and planning; each with the
 *  requirement's wording for the level reached (E, C, A or G), the general wording otherwise. */
export function PortalAssessments({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const found = usePupilAssessments(pupilId);
  const plannings = found.data?.plannings ?? [];
  return (
    <Section title={t('assessment.portal.title')} testId="portal-assessments">
      {found.isPending && <LoadingState />}
      {found.isError && <ErrorState error={found.error} onRetry={() => void found.refetch()} />}
      {found.data && (plannings.length === 0 ? <Text data-testid="portal-assessments-none">{t('assessment.portal.none')}</Text> : (
        <Stack gap="md">
          {plannings.map((p) => (
            <Stack key={p.id} gap={4} data-testid="portal-assessment-planning">
              <Title order={3} size="h5">{p.subjectName}: {t('assessment.portal.planning', { title: p.title, from: formatDate(p.periodStart), to: formatDate(p.periodEnd) })}</Title>
              <CompactList label={p.title} rows={p.assessments.map((a) => [plainRequirement(wordingOf(a.level, a.choices) ?? a.text),
                <span key="v"><strong>{a.label}</strong>{a.comment ? <Text span size="sm" display="block">{a.comment}</Text> : null}</span>])} />
              <Anchor component={Link} to={knowledgeMatrixPath(pupilId, p.subjectCode)} size="sm">{t('assessment.portal.knowledgeMatrix')} – {p.subjectName}</Anchor>
            </Stack>
          ))}
        </Stack>
      ))}
    </Section>
  );
}
