import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../app/api';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { isModuleOn } from '../organisation/RequireModule';
import type { PupilSummary } from '../pupils/types';
import { useCurrentSession } from '../session/useSession';
import { AbsenceLinks } from './AbsenceLinks';
import { ConsentSection } from './ConsentSection';
import { GradesSummary } from './GradesSummary';
import { TestResults } from './TestResults';
import { PortalProgrammes } from '../action-programmes/PortalProgrammes';
import { PortalPlannings } from '../planning/PortalPlannings';
import { PortalTalks } from '../development-talks/PortalTalks';
import { PortalAdaptations } from '../extra-adaptations/PortalAdaptations';
import { PortalAssessments } from '../assessment/PortalAssessments';

function Overview({ pupil, own }: { pupil: PupilSummary; own: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const name = `${pupil.givenName} ${pupil.familyName}`;
  const title = own ? t('portal.mine') : name;
  useDocumentTitle(title);
  const placement = pupil.unit ? t('portal.placement', { unit: pupil.unit.name, className: pupil.className ?? '–' }) : t('portal.noPlacement');
  return (
    <Stack gap="xl" py="md" maw={760} data-testid="pupil-overview">
      <div>
        <Title order={1} data-testid="pupil-overview-title">{title}</Title>
        <Text c="dimmed">{own ? `${name} · ${placement}` : placement}</Text>
      </div>
      {isModuleOn(session, 'grading') && <GradesSummary pupilId={pupil.id} />}
      {isModuleOn(session, 'grading') && <TestResults pupilId={pupil.id} />}
      {isModuleOn(session, 'absence') && <AbsenceLinks pupilId={pupil.id} guardian={session.current.role === 'guardian'} />}
      {isModuleOn(session, 'planning') && (
        <>
          <PortalPlannings pupilId={pupil.id} />
          <PortalAssessments pupilId={pupil.id} />
          <PortalTalks pupilId={pupil.id} />
          <PortalAdaptations pupilId={pupil.id} />
          <PortalProgrammes pupilId={pupil.id} />
        </>
      )}
      {own && <ConsentSection />}
    </Stack>
  );
}

function PupilOverview({ pupilId, own }: { pupilId: string; own: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const pupil = useQuery({
    queryKey: ['pupil-summary', pupilId, session.current.role],
    queryFn: () => apiGet<PupilSummary>(`/api/pupils/${encodeURIComponent(pupilId)}`),
  });
  if (pupil.data) return <Overview pupil={pupil.data} own={own} />;
  if (pupil.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(pupil.error)) return <NotFoundOrNoAccessState title={t('portal.notFound')} testId="pupil-overview-not-found" />;
  return <ErrorState error={pupil.error} onRetry={() => void pupil.refetch()} />;
}

/** /barn/:pupilId — a guardian's page of one child: handed-out grades, national tests, absence. */
export function ChildPage() {
  const { pupilId = '' } = useParams();
  return <PupilOverview key={pupilId} pupilId={pupilId} own={false} />;
}

/** /mitt — the pupil's own page ("Mitt skolarbete"), with the consent given to guardians from 18. */
export function MyPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (session.current.role !== 'pupil') return <NotFoundOrNoAccessState title={t('portal.notFound')} testId="pupil-overview-not-found" />;
  return <PupilOverview pupilId={session.person.id} own />;
}
