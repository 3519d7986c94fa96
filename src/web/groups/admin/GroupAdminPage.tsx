import { Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../../domain/common/dates';
import { AppLink, groupPath } from '../../app/AppLink';
import { DataTable, Section } from '../../app/DataTable';
import { FactTable } from '../../app/FactTable';
import { formatSchoolYear } from '../../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { gradeRegisterPath } from '../../grading/register/paths';
import { useCurrentSession } from '../../session/useSession';
import { GroupActions } from './GroupActions';
import { useDatesText } from './parts';
import { PupilsSection } from './PupilsSection';
import { ReportCard } from './ReportCard';
import { StaffSection } from './StaffSection';
import type { GroupDetail, HistoryEntry } from './types';
import { useAdminGroup } from './useGroupAdmin';

function historyText(h: HistoryEntry): string {
  const d = h.details ?? {};
  const who = [d.pupilName, d.staffName].find((x) => typeof x === 'string') as string | undefined;
  const after = d.after as Record<string, unknown> | undefined;
  const dates = typeof after?.endDate === 'string' ? ` (${after.endDate})` : typeof after?.startDate === 'string' ? ` (${after.startDate})` : '';
  const name = h.action === 'group.renamed' && typeof after?.name === 'string' ? `${(d.before as { name?: string } | undefined)?.name ?? ''} → ${after.name}` : '';
  return [who, name].filter(Boolean).join(' ') + dates;
}

function GroupAdminView({ detail }: { detail: GroupDetail }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const dates = useDatesText();
  const { group } = detail;
  useDocumentTitle(group.name);
  const today = swedishDate(new Date());
  const ended = group.endDate !== null && group.endDate < today;
  return (
    <Stack gap="xl" py="md" data-testid="admin-group-page">
      <div>
        <AppLink to="/admin/grupper">{t('groupAdmin.group.back')}</AppLink>
        <Title order={1} data-testid="admin-group-name">{group.name}</Title>
        <Group gap="lg">
          <AppLink to={groupPath(group.id)}>{t('groupAdmin.group.teacherView')}</AppLink>
          {group.groupType === 'teaching' && <AppLink to={gradeRegisterPath(group.id)}>{t('groupAdmin.group.registerLink')}</AppLink>}
        </Group>
      </div>
      <FactTable
        label={t('groupAdmin.group.facts')}
        testId="admin-group-facts"
        facts={[
          [t('groupAdmin.col.type'), t(`groupAdmin.types.${group.groupType}`)],
          [t('groupAdmin.col.subject'), group.subject?.name ?? '–'],
          [t('groupAdmin.col.schoolYear'), formatSchoolYear(group.schoolYear)],
          [t('groupAdmin.col.dates'), dates(group)],
          [t('groupAdmin.group.status'), ended ? t('groupAdmin.group.endedStatus') : t('groupAdmin.group.current')],
        ]}
      />
      <GroupActions group={group} current={session.current} today={today} />
      {detail.reports.length > 0 && (
        <Section title={t('groupAdmin.reports.groupTitle')} testId="admin-group-reports">
          {detail.reports.map((r) => <ReportCard key={r.id} report={r} current={session.current} showGroupLink={false} />)}
        </Section>
      )}
      <PupilsSection group={group} members={detail.memberships} current={session.current} today={today} />
      <StaffSection group={group} staff={detail.staff} current={session.current} today={today} />
      <Section title={t('groupAdmin.history.title')} testId="admin-group-history">
        <DataTable
          label={t('groupAdmin.history.title')}
          testId="admin-history-table"
          empty={t('groupAdmin.history.none')}
          columns={[t('groupAdmin.history.at'), t('groupAdmin.history.what'), t('groupAdmin.history.who')]}
          rows={detail.history.map((h) => ({
            key: h.id,
            cells: [h.at, <Text key="w" size="sm">{`${t(`groupAdmin.actions.${h.action}`, { defaultValue: h.action })} ${historyText(h)}`.trim()}</Text>, h.actor ?? '–'],
          }))}
        />
      </Section>
    </Stack>
  );
}

/** /admin/grupper/:groupId — the administrator's page of one group: facts, rename/end, reports, pupils, staff, history. */
export function GroupAdminPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const detail = useAdminGroup(session.current, groupId, allowed);
  if (!allowed || (detail.isError && isNotFoundOrForbidden(detail.error))) return <NotFoundOrNoAccessState title={t('groupAdmin.group.notFound')} testId="admin-group-not-found" />;
  if (detail.data) return <GroupAdminView detail={detail.data} />;
  if (detail.isPending) return <LoadingState />;
  return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
}
