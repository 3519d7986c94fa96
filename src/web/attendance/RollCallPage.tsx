import { useState } from 'react';
import { Alert, Anchor, Box, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import tableClasses from '../app/DataTable.module.css';
import { attendancePath, dayLabel } from './paths';
import { PupilRollCallRow, type RowState } from './PupilRollCallRow';
import type { LessonRollCall } from './types';
import { useCompleteLesson, useLessonRollCall, useSavePupil, type SaveInput } from './useAttendance';

/** The roll call of one lesson in one screen: every pupil of the group on the day, one click each, saved at once. */
export function RollCallPage() {
  const { lessonId = '' } = useParams();
  const { t } = useTranslation();
  const query = useLessonRollCall(lessonId);
  useDocumentTitle(query.data ? t('attendance.lessonTitle', { group: query.data.lesson.groupName }) : t('attendance.title'));
  if (query.data) return <RollCall data={query.data} lessonId={lessonId} />;
  if (query.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('attendance.notFound')} testId="rollcall-not-found" />;
  return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
}

function RollCall({ data, lessonId }: { data: LessonRollCall; lessonId: string }) {
  const { t } = useTranslation();
  const { lesson, pupils } = data;
  const teacher = useCurrentSession().current.role === 'teacher';
  const save = useSavePupil(lessonId);
  const complete = useCompleteLesson(lessonId);
  const [states, setStates] = useState<Record<string, RowState>>({});
  const editable = lesson.problem === null;
  const weekdays = t('attendance.weekdays', { returnObjects: true }) as string[];
  const onSave = (input: SaveInput) => {
    setStates((s) => ({ ...s, [input.pupilId]: { kind: 'saving' } }));
    save.mutate(input, {
      onSuccess: () => setStates((s) => ({ ...s, [input.pupilId]: { kind: 'saved' } })),
      onError: (error) => setStates((s) => ({ ...s, [input.pupilId]: { kind: 'failed', error, input } })),
    });
  };
  const count = (s: string) => pupils.filter((p) => p.status === s).length;
  const meta = { date: dayLabel(lesson.date, weekdays), start: lesson.startTime, end: lesson.endTime, minutes: lesson.minutes, room: lesson.room };
  return (
    <Stack gap="md" py="md" data-testid="rollcall-page">
      <Anchor component={Link} to={teacher ? attendancePath(lesson.date) : `/admin/schema?grupp=${encodeURIComponent(lesson.groupId)}`} size="sm">
        ← {teacher ? t('attendance.back') : t('attendance.backToTimetable')}
      </Anchor>
      <div>
        <Title order={1}>{t('attendance.lessonTitle', { group: lesson.groupName })}</Title>
        <Text c="dimmed">{t(lesson.room ? 'attendance.lessonMeta' : 'attendance.lessonMetaNoRoom', meta)}</Text>
      </div>
      {lesson.problem && <Alert color={lesson.problem === 'cancelled' ? 'gray' : 'yellow'} data-testid="rollcall-problem">{t(`attendance.problems.${lesson.problem}`)}</Alert>}
      <Text role="status" data-testid="rollcall-summary">
        {t('attendance.summary', { present: count('present'), absent: count('absent'), late: count('late'), leftEarly: count('left_early') })}
      </Text>
      <Box className={tableClasses.scroll} tabIndex={0} role="region" aria-label={t('attendance.pupilsLabel')}>
        <Table striped withTableBorder miw={720} aria-label={t('attendance.pupilsLabel')} data-testid="rollcall-table">
          <Table.Thead>
            <Table.Tr>
              {(['pupil', 'status', 'note', 'saved'] as const).map((c) => <Table.Th key={c} scope="col">{t(`attendance.col2.${c}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pupils.map((p) => <PupilRollCallRow key={p.id} pupil={p} editable={editable} state={states[p.id] ?? { kind: 'idle' }} onSave={onSave} />)}
          </Table.Tbody>
        </Table>
      </Box>
      <Group gap="md" align="center">
        <Button onClick={() => complete.mutate()} loading={complete.isPending} disabled={!editable} data-testid="rollcall-complete">{t('attendance.completeAll')}</Button>
        <Text size="sm" c="dimmed">{t('attendance.completeHint')}</Text>
      </Group>
      <div aria-live="polite" data-testid="rollcall-reported">
        {lesson.reported && (
          <Alert color="green" variant="light">
            {lesson.reportedAt && lesson.reportedByName
              ? t('attendance.completed', { time: new Date(lesson.reportedAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 16), name: lesson.reportedByName })
              : t('attendance.completedNow')}
          </Alert>
        )}
        {complete.isError && <Alert color="red" role="alert">{t('attendance.saveFailed')}</Alert>}
      </div>
    </Stack>
  );
}
