import { Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink, pupilPath } from '../app/AppLink';
import { gradeRegisterPath } from '../grading/register/paths';
import { DataTable, Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { byDisplayName, byPersonName, formatDate, formatSchoolYear } from '../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import type { Group } from './types';
import { useGroup } from './useGroup';

function GroupView({ group }: { group: Group }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  // a pupil may open only their own record: classmates are plain text, not links that lead to "no access"
  const canOpen = (pupilId: string) => session.current.role !== 'pupil' || pupilId === session.person.id;
  const name = (pupilId: string, text: string, key: string) =>
    canOpen(pupilId) ? (
      <AppLink key={key} to={pupilPath(pupilId)}>
        {text}
      </AppLink>
    ) : (
      text
    );
  useDocumentTitle(group.name);
  const type = t(`groups.types.${group.groupType}`, { defaultValue: group.groupType });
  // mentors first, then teachers; within each by family name
  const staff = byDisplayName(group.staff).sort((a, b) => Number(b.assignment === 'mentor') - Number(a.assignment === 'mentor'));
  const pupils = byPersonName(group.pupils);
  const pupilCount = t('groups.pupilCount', { count: pupils.length });
  return (
    <Stack gap="xl" py="md">
      <div>
        <Title order={1} data-testid="group-name">
          {group.name}
        </Title>
        <Text c="dimmed">{`${type} · ${group.unit.name}`}</Text>
        {group.groupType === 'teaching' && ['teacher', 'administrator', 'principal'].includes(session.current.role) && (
          <AppLink to={gradeRegisterPath(group.id)} testId="grade-register-link">
            {t('gradeRegister.linkFromGroup')}
          </AppLink>
        )}
      </div>
      <FactTable
        label={t('groups.facts')}
        testId="group-facts"
        facts={[
          [t('groups.type'), type],
          [t('groups.subject'), group.subject?.name ?? '–'],
          [t('groups.schoolYear'), formatSchoolYear(group.schoolYear)],
          [t('groups.unit'), group.unit.name],
        ]}
      />
      <Section title={t('groups.staff')} testId="group-staff">
        <DataTable
          label={t('groups.staff')}
          testId="staff-table"
          empty={t('groups.noStaff')}
          columns={[t('groups.name'), t('groups.assignment'), t('groups.grader')]}
          rows={staff.map((s) => ({
            key: `${s.id}-${s.assignment}`,
            cells: [
              s.name,
              t(`groups.assignments.${s.assignment}`, { defaultValue: s.assignment }),
              s.grader ? t('app.yes') : t('app.no'),
            ],
          }))}
        />
      </Section>
      <Section title={t('groups.pupils')} testId="group-pupils">
        <Text fw={500} data-testid="pupil-count">
          {pupilCount}
        </Text>
        <DataTable
          label={`${t('groups.pupils')}, ${pupilCount}`}
          testId="pupils-table"
          empty={t('groups.noPupils')}
          columns={[t('groups.familyName'), t('groups.givenName'), t('groups.from')]}
          rows={pupils.map((p) => ({
            key: p.id,
            cells: [
              name(p.id, p.familyName, 'f'),
              name(p.id, p.givenName, 'g'),
              formatDate(p.from),
            ],
          }))}
        />
      </Section>
    </Stack>
  );
}

/** /grupper/:groupId — a class or teaching group: facts, staff and the pupil list. */
export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const session = useCurrentSession();
  const group = useGroup(groupId, session.current);
  if (group.data) return <GroupView group={group.data} />;
  if (group.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(group.error)) return <NotFoundOrNoAccessState title={t('groups.notFound')} testId="group-not-found" />;
  return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
}
