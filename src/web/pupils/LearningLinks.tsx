import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { pupilProgrammesPath } from '../action-programmes/useActionProgrammes';
import { knowledgeMatrixPath } from '../assessment/paths';
import { talksPath } from '../development-talks/useTalks';
import { adaptationsPath } from '../extra-adaptations/paths';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';

/** On the staff's pupil page: the pupil's knowledge matrix, development talks, extra adaptations and action
 *  programmes (module "planning"; the pupil's teachers and mentor, and the principal — the server decides
 *  what each page then holds). */
export function LearningLinks({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!isModuleOn(session, 'planning') || !session.allowedActions.includes('pupil-support.view')) return null;
  return (
    <Section title={t('pupils.learning')} testId="pupil-learning-links">
      <Text size="sm">{t('pupils.learningHint')}</Text>
      <Group gap="lg">
        <AppLink to={knowledgeMatrixPath(pupilId)} testId="knowledge-matrix-link">{t('assessment.knowledge.title')}</AppLink>
        <AppLink to={talksPath(pupilId)} testId="pupil-talks-link">{t('developmentTalks.nav')}</AppLink>
        <AppLink to={adaptationsPath(pupilId)} testId="pupil-adaptations-link">{t('extraAdaptations.nav')}</AppLink>
        <AppLink to={pupilProgrammesPath(pupilId)} testId="pupil-programmes-link">{t('actionProgrammes.pupilLink')}</AppLink>
      </Group>
    </Section>
  );
}
