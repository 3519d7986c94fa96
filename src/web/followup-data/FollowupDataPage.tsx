import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api';
import type { Organisation } from '../organisation/types';
import { useCurrentSession } from '../session/useSession';
import { ReferenceSection } from './ReferenceSection';
import { PupilBackgroundSection, UnitBackgroundSection } from './UnitBackgroundSection';

/**
 * /uppfoljning/underlag — "Underlag för uppföljning": the unit background and the national reference figures
 * (the organiser's analyst), and the per-pupil background (only the organiser-level administrator).
 */
export function FollowupDataPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('followupData.title'));
  const session = useCurrentSession();
  const analyst = session.allowedActions.includes('followup.background.import');
  const administrator = session.current.role === 'administrator' && session.current.unitId === null;
  // the same query as the organisation pages (whether this administrator is the organiser-level one), only for an administrator
  const organisation = useQuery({ queryKey: ['admin', 'organisation', 'settings'], queryFn: () => apiGet<Organisation>('/api/admin/organisation'), enabled: administrator });
  const organiserAdministrator = administrator && organisation.data?.organiserAdministrator === true;
  if (administrator && organisation.isPending) return <LoadingState />;
  if (!analyst && !organiserAdministrator) return <NotFoundOrNoAccessState title={t('followupData.noAccess')} testId="followup-data-no-access" />;
  return (
    <Stack gap="lg" py="md" data-testid="followup-data-page">
      <div>
        <Title order={1}>{t('followupData.title')}</Title>
        <Text c="dimmed">{t('followupData.intro')}</Text>
      </div>
      {analyst && <UnitBackgroundSection />}
      {organiserAdministrator && <PupilBackgroundSection />}
      {analyst && <ReferenceSection canEdit={session.allowedActions.includes('followup.reference.edit')} />}
    </Stack>
  );
}
