import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import { formatDate, sortStrings } from '../app/format';
import type { PupilGroup, PupilRecord } from './types';

/** The pupil's teaching groups now, with subject and teachers, and their groups since the start of last
 *  school year; a teacher who is not the mentor is told they see only their own subjects. */
export function SubjectsSection({ record }: { record: PupilRecord }) {
  const { t } = useTranslation();
  const current = record.groups.filter((g) => g.current);
  const earlier = record.groups.filter((g) => !g.current);
  const groupName = (g: PupilGroup) => (record.unit && g.unitName !== record.unit.name ? `${g.name} (${g.unitName})` : g.name);
  const teachers = (g: PupilGroup) => (g.teachers.length ? sortStrings(g.teachers).join(', ') : t('pupils.noTeacher'));
  return (
    <Section title={t('pupils.subjects')} testId="subjects-section">
      {record.subjectAccess === 'taught' && (
        <Alert color="gray" title={t('pupils.taughtOnlyTitle')} data-testid="taught-only">
          {t('pupils.taughtOnly')}
        </Alert>
      )}
      <DataTable
        label={t('pupils.currentGroups')}
        testId="current-groups-table"
        empty={t('pupils.noCurrentGroups')}
        columns={[t('pupils.subject'), t('pupils.group'), t('pupils.teachers')]}
        rows={current.map((g) => ({ key: g.id, cells: [g.subject.name, groupName(g), teachers(g)] }))}
      />
      <Stack gap="xs" mt="sm">
        <Title order={3} size="h4">
          {t('pupils.earlierGroups', { date: formatDate(record.historySince) })}
        </Title>
        <DataTable
          label={t('pupils.earlierGroups', { date: formatDate(record.historySince) })}
          testId="earlier-groups-table"
          empty={t('pupils.noEarlierGroups')}
          columns={[t('pupils.subject'), t('pupils.group'), t('pupils.teachers'), t('pupils.period')]}
          rows={earlier.map((g) => ({
            key: `${g.id}-${g.startDate}`,
            cells: [g.subject.name, groupName(g), teachers(g), `${formatDate(g.startDate)} – ${formatDate(g.endDate)}`],
          }))}
        />
      </Stack>
    </Section>
  );
}
