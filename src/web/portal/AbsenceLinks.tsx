import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { absencePath, leavePath, reportAbsencePath } from './paths';

/** Absence: the pupil's absence page, and for a guardian reporting absence and applying for leave. */
export function AbsenceLinks({ pupilId, guardian }: { pupilId: string; guardian: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('portal.absence.title')} testId="portal-absence">
      <Text size="sm">{t('portal.absence.summary')}</Text>
      <Group gap="lg">
        <AppLink to={absencePath(pupilId)} testId="portal-absence-link">{t('portal.absence.show')}</AppLink>
        {guardian && <AppLink to={reportAbsencePath(pupilId)} testId="portal-report-absence">{t('portal.absence.report')}</AppLink>}
        {guardian && <AppLink to={leavePath(pupilId)} testId="portal-leave">{t('portal.absence.leave')}</AppLink>}
      </Group>
    </Section>
  );
}
