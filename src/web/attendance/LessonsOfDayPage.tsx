import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { attendancePath, dayLabel, lessonPath } from './paths';
import type { LessonSummary } from './types';
import { useLessonsOfDay } from './useAttendance';

function LessonState({ lesson }: { lesson: LessonSummary }) {
  const { t } = useTranslation();
  if (lesson.cancelled) return <Badge color="gray" variant="light">{lesson.cancelReason ? t('attendance.cancelledReason', { reason: lesson.cancelReason }) : t('attendance.cancelled')}</Badge>;
  if (lesson.reported) return <Badge color="green" variant="light">{lesson.deviations ? t('attendance.reportedWith', { count: lesson.deviations }) : t('attendance.reported')}</Badge>;
  return <Badge color="orange" variant="light">{t('attendance.notReported')}</Badge>;
}

/** "Närvaro": the teacher's lessons of a day (default today, the server's), with the previous and next school day. */
export function LessonsOfDayPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('attendance.title'));
  const session = useCurrentSession();
  const [search] = useSearchParams();
  const date = search.get('datum');
  const allowed = session.current.role === 'teacher' && session.allowedActions.includes('attendance.register');
  const day = useLessonsOfDay(allowed ? date : null);
  if (!allowed) return <NotFoundOrNoAccessState title={t('attendance.noAccess')} testId="attendance-no-access" />;
  const data = day.data;
  const weekdays = t('attendance.weekdays', { returnObjects: true }) as string[];
  return (
    <Stack gap="md" py="md" data-testid="attendance-page">
      <div>
        <Title order={1}>{t('attendance.title')}</Title>
        <Text c="dimmed">{t('attendance.intro', { unit: session.current.unitName ?? '' })}</Text>
      </div>
      {data ? (
        <>
          <Group gap="sm" role="navigation" aria-label={t('attendance.dayPicker')}>
            {data.previousSchoolDay && (
              <Button component={Link} to={attendancePath(data.previousSchoolDay)} variant="default" data-testid="attendance-previous-day">
                ← {t('attendance.previousDay')}
              </Button>
            )}
            {data.date !== data.today && <Button component={Link} to={attendancePath(null)} variant="default" data-testid="attendance-today">{t('attendance.today')}</Button>}
            {data.nextSchoolDay && (
              <Button component={Link} to={attendancePath(data.nextSchoolDay)} variant="default" data-testid="attendance-next-day">
                {t('attendance.nextDay')} →
              </Button>
            )}
          </Group>
          <Title order={2} size="h3" data-testid="attendance-day">{t('attendance.dayHeading', { date: dayLabel(data.date, weekdays) })}</Title>
          <DataTable
            label={t('attendance.lessonsLabel')}
            testId="attendance-lessons"
            empty={data.schoolDay ? t('attendance.noLessons') : t('attendance.notSchoolDay')}
            columns={[t('attendance.col.time'), t('attendance.col.group'), t('attendance.col.room'), t('attendance.col.state')]}
            rows={data.lessons.map((l) => ({
              key: l.id,
              cells: [
                `${l.startTime}–${l.endTime}`,
                <AppLink key="g" to={lessonPath(l.id)} testId={`attendance-lesson-${l.id}`}>{l.groupName}</AppLink>,
                l.room ?? '',
                <LessonState key="s" lesson={l} />,
              ],
            }))}
          />
        </>
      ) : day.isPending ? <LoadingState /> : <ErrorState error={day.error} onRetry={() => void day.refetch()} />}
    </Stack>
  );
}
