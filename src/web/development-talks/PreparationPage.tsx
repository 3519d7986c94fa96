import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { ClassTalks } from './ClassTalks';
import { talkPath, usePreparation } from './useTalks';

/** /utvecklingssamtal — "Inför utvecklingssamtal": coming talks of the teacher's pupils, their comment per subject missing or done. */
export function PreparationPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const teacher = session.current.role === 'teacher';
  const query = usePreparation(teacher);
  useDocumentTitle(t('developmentTalks.preparation.title'));
  if (!teacher || (query.error && isNotFoundOrForbidden(query.error))) return <NotFoundOrNoAccessState title={t('developmentTalks.preparation.title')} testId="preparation-no-access" />;
  if (!query.data) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="lg" py="md" data-testid="preparation-page">
      <div>
        <Title order={1}>{t('developmentTalks.preparation.title')}</Title>
        <Text c="dimmed">{t('developmentTalks.preparation.intro')}</Text>
      </div>
      <Section title={t('developmentTalks.preparation.coming')}>
        <DataTable label={t('developmentTalks.preparation.coming')} testId="preparation-table" empty={t('developmentTalks.preparation.none')}
          columns={[t('developmentTalks.preparation.pupil'), t('developmentTalks.preparation.className'), t('developmentTalks.preparation.date'), t('developmentTalks.preparation.subjects')]}
          rows={query.data.talks.map((x) => ({ key: x.talkId, cells: [
            <AppLink key="p" to={talkPath(x.talkId)}>{`${x.familyName}, ${x.givenName}`}</AppLink>, x.className ?? '–', x.heldOn,
            <Group key="s" gap={6}>{x.subjects.map((s) => (
              <Badge key={s.code} variant={s.commented ? 'light' : 'filled'} color={s.commented ? 'green' : 'orange.9'} tt="none">
                {`${s.name}: ${s.commented ? t('developmentTalks.preparation.done') : t('developmentTalks.preparation.missing')}`}</Badge>))}</Group>] }))} />
      </Section>
      <ClassTalks />
    </Stack>
  );
}

/** On the teacher's start page: the link, with how many talks lack the teacher's comment. */
export function PreparationStartLink() {
  const { t } = useTranslation();
  const query = usePreparation();
  return (
    <Section title={t('developmentTalks.preparation.startLink')} testId="talk-preparation">
      <Group gap="sm">
        <AppLink to="/utvecklingssamtal" testId="talk-preparation-link">{t('developmentTalks.preparation.startLink')}</AppLink>
        {query.data && <Text size="sm">{query.data.missing ? t('developmentTalks.preparation.startMissing', { count: query.data.missing }) : t('developmentTalks.preparation.startNone')}</Text>}
      </Group>
    </Section>
  );
}
