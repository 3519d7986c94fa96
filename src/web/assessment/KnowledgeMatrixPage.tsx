import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../app/api';
import { pupilPath } from '../app/AppLink';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import type { PupilSummary } from '../pupils/types';
import { useCurrentSession } from '../session/useSession';
import { KnowledgeMatrixView } from './KnowledgeMatrixTable';

/** /elevers/:pupilId/kunskapsmatris?amne=MA — the pupil's knowledge matrix in a subject. */
export function KnowledgeMatrixPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useCurrentSession();
  const pupil = useQuery({
    queryKey: ['pupil-summary', pupilId, session.current.role],
    queryFn: () => apiGet<PupilSummary>(`/api/pupils/${encodeURIComponent(pupilId)}`),
  });
  const name = pupil.data ? `${pupil.data.givenName} ${pupil.data.familyName}` : '';
  useDocumentTitle(name ? t('assessment.knowledge.heading', { name }) : t('assessment.knowledge.title'));
  if (pupil.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(pupil.error)) return <NotFoundOrNoAccessState title={t('assessment.knowledge.title')} testId="knowledge-matrix-not-found" />;
  if (!pupil.data) return <ErrorState error={pupil.error} onRetry={() => void pupil.refetch()} />;
  const staff = ['teacher', 'principal'].includes(session.current.role);
  return (
    <Stack gap="md" py="md" data-testid="knowledge-matrix-page">
      <div>
        {staff && <Anchor component={Link} to={pupilPath(pupilId)} size="sm">{t('assessment.knowledge.back')}</Anchor>}
        <Title order={1}>{t('assessment.knowledge.heading', { name })}</Title>
      </div>
      <KnowledgeMatrixView pupilId={pupilId} subject={params.get('amne')} onSubject={(code) => setParams({ amne: code }, { replace: true })} />
    </Stack>
  );
}
