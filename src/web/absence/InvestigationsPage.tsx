import { Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { useInvestigations } from './useAbsence';

export const investigationPath = (id: string) => `/franvaro/utredningar/${encodeURIComponent(id)}`;

/** The absence investigations the actor may read: open ones first, those with a follow-up due first. */
export function InvestigationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('absence.investigations.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('absence.investigations.view');
  const list = useInvestigations(session.current.unitId, allowed);
  if (!allowed) return <NotFoundOrNoAccessState title={t('absence.investigations.title')} testId="investigations-no-access" />;
  const data = list.data;
  return (
    <Stack gap="md" py="md" data-testid="investigations-page">
      <div>
        <Title order={1}>{t('absence.investigations.title')}</Title>
        <Text c="dimmed">{t('absence.investigations.intro')}</Text>
        {data?.mayOpen && <Text size="sm">{t('absence.investigations.openHint')}</Text>}
      </div>
      {data ? (
        <DataTable label={t('absence.investigations.list')} testId="investigations-table" empty={t('absence.investigations.none')}
          columns={[t('absence.investigations.pupil'), t('absence.investigations.className'), t('absence.investigations.openedOn'),
            t('absence.investigations.status'), t('absence.investigations.nextFollowUp'), t('absence.investigations.entries')]}
          rows={data.investigations.map((i) => ({ key: i.id, cells: [
            <AppLink key="n" to={investigationPath(i.id)} testId={`investigation-${i.id}`}>{`${i.familyName}, ${i.givenName}`}</AppLink>,
            i.className ?? '', i.openedOn,
            <Badge key="s" color={i.status === 'open' ? 'blue' : 'gray'} variant="light">{t(`absence.investigations.statuses.${i.status}`)}</Badge>,
            i.nextFollowUp ? (
              <span key="f">{i.nextFollowUp}{i.nextFollowUp <= data.today && <Badge ml={6} color="orange" variant="light">{t('absence.investigations.due')}</Badge>}</span>
            ) : '',
            i.entryCount,
          ] }))} />
      ) : list.isPending ? <LoadingState /> : <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
    </Stack>
  );
}
