import { Alert, Stack, Text, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable } from '../app/DataTable';
import { svCollator } from '../app/format';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import type { FollowupGroup } from './types';
import { useFollowupGroups } from './useFollowup';

const subjectName = (g: FollowupGroup) => g.subject?.name ?? '.';

/** The teacher's graded groups, newest school year first, each a link to its report. */
function MyGroups() {
  const { t } = useTranslation();
  useDocumentTitle(t('followup.myGroups'));
  const groups = useFollowupGroups(true);
  const sorted = [...(groups.data ?? [])].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear) || svCollator.compare(a.name, b.name));
  return (
    <Stack gap="md" py="md" data-testid="followup-my-groups">
      <div>
        <Title order={1}>{t('followup.myGroups')}</Title>
        <Text>{t('followup.myGroupsIntro')}</Text>
      </div>
      {groups.isPending && <LoadingState />}
      {groups.isError && <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.data && groups.data.length === 0 && <Alert color="gray">{t('followup.noGroups')}</Alert>}
      {sorted.length > 0 && (
        <DataTable
          label={t('followup.myGroups')}
          testId="followup-groups"
          empty={t('followup.noGroups')}
          columns={[t('followup.groupCol.name'), t('followup.groupCol.subject'), t('followup.groupCol.gradeYear'), t('followup.groupCol.schoolYear'), t('followup.groupCol.pupils')]}
          rows={sorted.map((g) => ({
            key: g.id,
            cells: [<AppLink to={`/uppfoljning/grupp/${encodeURIComponent(g.id)}`} testId={`followup-group-${g.id}`}>{g.name}</AppLink>, subjectName(g), String(g.gradeYear), g.schoolYear, String(g.pupils)],
          }))}
        />
      )}
    </Stack>
  );
}

/** /uppfoljning — the analyst to the organiser's report, the principal to the unit's, the teacher to "Mina grupper". */
export function FollowupEntryPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { role, unitId } = session.current;
  if (!session.allowedActions.includes('followup.view')) return <NotFoundOrNoAccessState title={t('followup.noAccess')} testId="followup-no-access" />;
  if (role === 'analyst') return <Navigate to="/uppfoljning/huvudman" replace />;
  if (role === 'principal' && unitId) return <Navigate to={`/uppfoljning/enhet/${encodeURIComponent(unitId)}`} replace />;
  return <MyGroups />;
}
