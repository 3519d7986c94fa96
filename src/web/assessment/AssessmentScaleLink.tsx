import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';

/** On the administrator's and principal's start page: the unit's assessment scale for years 4–5. */
export function AssessmentScaleLink() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!isModuleOn(session, 'planning') || !session.allowedActions.includes('assessments.scale.edit')) return null;
  return (
    <Section title={t('assessment.scale.title')} testId="assessment-scale-link">
      <Text size="sm">{t('assessment.scale.startHint')}</Text>
      <AppLink to="/bedomning/skala">{t('assessment.scale.open')}</AppLink>
    </Section>
  );
}
