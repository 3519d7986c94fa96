import { Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';
import { leavePath } from '../leave/types';
import { reportAbsencePath } from './types';

/** On the guardian's start page: links to report absence and to apply for leave (module 'absence'). */
export function AbsenceLinks() {
  const { t } = useTranslation();
  if (!isModuleOn(useCurrentSession(), 'absence')) return null;
  return (
    <Stack gap={4} mt="sm" data-testid="absence-links">
      <Title order={3} size="h4">{t('leave.navLabel')}</Title>
      <Group gap="lg">
        <AppLink to={reportAbsencePath} testId="start-report-absence">{t('absenceReports.nav')}</AppLink>
        <AppLink to={leavePath} testId="start-leave">{t('leave.nav')}</AppLink>
      </Group>
    </Stack>
  );
}
