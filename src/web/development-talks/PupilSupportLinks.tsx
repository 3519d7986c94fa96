import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { adaptationsPath } from '../extra-adaptations/paths';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';
import { talksPath } from './useTalks';

/** On the staff's pupil page: development talks and extra adaptations (the pupil's teachers, mentor and principal). */
export function PupilSupportLinks({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!['teacher', 'principal'].includes(session.current.role) || !isModuleOn(session, 'planning')) return null;
  return (
    <Section title={`${t('developmentTalks.nav')} · ${t('extraAdaptations.nav')}`} testId="pupil-support-links">
      <Group gap="lg">
        <AppLink to={talksPath(pupilId)} testId="pupil-talks-link">{t('developmentTalks.nav')}</AppLink>
        <AppLink to={adaptationsPath(pupilId)} testId="pupil-adaptations-link">{t('extraAdaptations.nav')}</AppLink>
      </Group>
    </Section>
  );
}
