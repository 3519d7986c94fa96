import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';
import { pupilProgrammesPath } from './useActionProgrammes';

/** On the staff's pupil page: the way to the pupil's action programmes, for those who may read them. */
export function PupilProgrammesLink({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!isModuleOn(session, 'planning') || !session.allowedActions.includes('pupil-support.view')) return null;
  return (
    <Section title={t('actionProgrammes.pupilLink')} testId="pupil-programmes-section">
      <Text size="sm">{t('actionProgrammes.pupilLinkHint')}</Text>
      <AppLink to={pupilProgrammesPath(pupilId)} testId="pupil-programmes-link">{t('actionProgrammes.pupilLink')}</AppLink>
    </Section>
  );
}
