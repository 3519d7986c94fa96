import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';
import { knowledgeMatrixPath } from './paths';

/** Under the staff's pupil page: the pupil's knowledge matrix (teachers and the principal). */
export function KnowledgeMatrixLink({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!isModuleOn(session, 'planning') || !['teacher', 'principal'].includes(session.current.role)) return null;
  return <AppLink to={knowledgeMatrixPath(pupilId)} testId="knowledge-matrix-link">{t('assessment.knowledge.title')}</AppLink>;
}
