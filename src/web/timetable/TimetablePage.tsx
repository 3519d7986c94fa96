import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { AppLink } from '../app/AppLink';
import { lessonPath } from '../attendance/paths';
import { DataTable, Section } from '../app/DataTable';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import classes from './timetable.module.css';
import { useGroupTimetable, useTimetableChanges, useTimetableGroups, type GroupTimetable } from './useTimetable';

const errorText = (t: (k: string) => string, e: unknown) =>
  isApiError(e) && ['slot_overlaps', 'slot_times', 'slot_school_hours', 'slot_weekday', 'term_ended', 'lesson_reported'].includes(e.code)
    ? t(`timetable.errors.${e.code}`) : t('timetable.errors.generic');

/** Schema: pick a teaching group and term, see its week, add or remove weekly slots, cancel single lessons. */
export function TimetablePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('timetable.title'));
  const session = useCurrentSession();
  const [search, setSearch] = useSearchParams();
  const termId = search.get('termin');
  const groupId = search.get('grupp');
  const allowed = session.allowedActions.includes('register.administer');
  const groups = useTimetableGroups(termId);
  const timetable = useGroupTimetable(allowed ? groupId : null, termId ?? groups.data?.term?.id ?? null);
  if (!allowed) return <NotFoundOrNoAccessState title={t('timetable.noAccess')} testId="timetable-no-access" />;
  const set = (key: string, value: string | null) => setSearch((s) => {
    const next = new URLSearchParams(s);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });
  const data = groups.data;
  return (
    <Stack gap="md" py="md" data-testid="timetable-page">
      <div>
        <Title order={1}>{t('timetable.title')}</Title>
        <Text c="dimmed">{t('timetable.intro')}</Text>
      </div>
      {data ? (
        <Group gap="sm" align="flex-end">
          <Select label={t('timetable.term')} w={200} allowDeselect={false} data-testid="timetable-term"
            data={data.terms.map((x) => ({ value: x.id, label: `${x.kind} ${x.schoolYear}` }))} value={data.term?.id ?? null}
            onChange={(v) => set('termin', v)} />
          <Select label={t('timetable.group')} w={300} searchable data-testid="timetable-group" value={groupId}
            data={data.groups.map((g) => ({ value: g.id, label: t('timetable.groupOption', { name: g.name, count: g.slots }) }))}
            onChange={(v) => set('grupp', v)} />
        </Group>
      ) : groups.isPending ? <LoadingState /> : <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
      {!groupId && data && <Text c="dimmed">{t('timetable.chooseGroup')}</Text>}
      {groupId && (timetable.data
        ? <GroupTimetableView data={timetable.data} termId={termId ?? data?.term?.id ?? null} />
        : timetable.isPending ? <LoadingState /> : <ErrorState error={timetable.error} onRetry={() => void timetable.refetch()} />)}
    </Stack>
  );
}

function GroupTimetableView({ data, termId }: { data: GroupTimetable; termId: string | null }) {
  const { t } = useTranslation();
  const weekdays = t('timetable.weekdays', { returnObjects: true }) as string[];
  const changes = useTimetableChanges(data.group.id, termId);
  const [slot, setSlot] = useState({ weekday: '1', startTime: '08:10', endTime: '09:10', room: '' });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [all, setAll] = useState(false);
  const lessons = all ? data.lessons : data.lessons.filter((l) => l.date >= data.today);
  const error = changes.add.error ?? changes.remove.error ?? changes.cancel.error;
  return (
    <Stack gap="lg">
      <Section title={`${t('timetable.week')} ${data.group.name}, ${data.term.kind} ${data.term.schoolYear}`} testId="timetable-week">
        <div className={classes.week}>
          {weekdays.map((d, i) => (
            <div key={d} className={classes.day}>
              <Text fw={600} size="sm">{d}</Text>
              {data.slots.filter((s) => s.weekday === i + 1).map((s) => (
                <div key={s.id} className={classes.slot}>{s.startTime}–{s.endTime}{s.room ? ` · ${s.room}` : ''}</div>
              ))}
            </div>
          ))}
        </div>
        <DataTable label={t('timetable.slotsLabel')} testId="timetable-slots" empty={t('timetable.noSlots')}
          columns={[t('timetable.col.day'), t('timetable.col.time'), t('timetable.col.room'), t('timetable.col.actions')]}
          rows={data.slots.map((s) => ({
            key: s.id,
            cells: [weekdays[s.weekday - 1], `${s.startTime}–${s.endTime}`, s.room ?? '',
              <Button key="r" size="compact-sm" variant="outline" color="red.9" loading={changes.remove.isPending && changes.remove.variables === s.id}
                aria-label={t('timetable.removeSlot', { day: weekdays[s.weekday - 1], time: s.startTime })} onClick={() => changes.remove.mutate(s.id)}>
                {t('timetable.remove')}
              </Button>],
          }))} />
      </Section>
      <Section title={t('timetable.add')} testId="timetable-add">
        <form onSubmit={(e) => { e.preventDefault(); changes.add.mutate({ termId: data.term.id, weekday: Number(slot.weekday), startTime: slot.startTime, endTime: slot.endTime, room: slot.room.trim() || null }); }}>
          <Group gap="sm" align="flex-end">
            <Select label={t('timetable.weekday')} w={150} allowDeselect={false} value={slot.weekday} data-testid="timetable-add-weekday"
              data={weekdays.map((d, i) => ({ value: String(i + 1), label: d }))} onChange={(v) => setSlot({ ...slot, weekday: v ?? '1' })} />
            <TextInput type="time" label={t('timetable.start')} w={120} value={slot.startTime} data-testid="timetable-add-start" onChange={(e) => setSlot({ ...slot, startTime: e.currentTarget.value })} />
            <TextInput type="time" label={t('timetable.end')} w={120} value={slot.endTime} data-testid="timetable-add-end" onChange={(e) => setSlot({ ...slot, endTime: e.currentTarget.value })} />
            <TextInput label={t('timetable.room')} placeholder={t('timetable.roomPlaceholder')} w={120} value={slot.room} maxLength={40} data-testid="timetable-add-room" onChange={(e) => setSlot({ ...slot, room: e.currentTarget.value })} />
            <Button type="submit" loading={changes.add.isPending} data-testid="timetable-add-save">{t('timetable.save')}</Button>
          </Group>
        </form>
      </Section>
      <div aria-live="polite">
        {error ? <Alert color="red" role="alert" data-testid="timetable-error">{errorText(t, error)}</Alert> : null}
        {changes.add.isSuccess && !error && <Alert color="green" variant="light">{t('timetable.added')}</Alert>}
      </div>
      <Section title={t('timetable.lessons')} testId="timetable-lessons">
        <Group gap="sm">
          <Text size="sm">{t('timetable.lessonsCount', { count: data.lessons.length, cancelled: data.lessons.filter((l) => l.cancelled).length, reported: data.lessons.filter((l) => l.reported).length })}</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => setAll(!all)}>{all ? t('timetable.showUpcoming') : t('timetable.showAll')}</Button>
        </Group>
        <DataTable label={t('timetable.lessonsLabel')} empty={t('timetable.noSlots')}
          columns={[t('timetable.lcol.date'), t('timetable.lcol.time'), t('timetable.lcol.room'), t('timetable.lcol.state'), t('timetable.lcol.actions')]}
          rows={lessons.map((l) => ({
            key: l.id,
            // a held lesson opens its roll call, which the unit's administrator may correct
            cells: [l.date <= data.today && !l.cancelled ? <AppLink key="d" to={lessonPath(l.id)}>{l.date}</AppLink> : l.date, `${l.startTime}–${l.endTime}`, l.room ?? '',
              l.cancelled ? <Badge key="s" color="gray" variant="light">{t('timetable.cancelled', { reason: l.cancelReason ?? '' })}</Badge>
                : l.reported ? <Badge key="s" color="green" variant="light">{t('timetable.reported')}</Badge> : <Text key="s" size="sm">{t('timetable.planned')}</Text>,
              l.cancelled
                ? <Button key="a" size="compact-sm" variant="outline" aria-label={t('timetable.uncancelLesson', { date: l.date, time: l.startTime })}
                    onClick={() => changes.cancel.mutate({ lessonId: l.id, reason: null })}>{t('timetable.uncancel')}</Button>
                : l.reported ? null : (
                  <Group key="a" gap={4} wrap="nowrap">
                    <TextInput size="xs" w={140} placeholder={t('timetable.reasonPlaceholder')} aria-label={t('timetable.reasonFor', { date: l.date })}
                      value={reasons[l.id] ?? ''} maxLength={200} onChange={(e) => setReasons({ ...reasons, [l.id]: e.currentTarget.value })} />
                    <Button size="compact-sm" variant="outline" color="red.9" disabled={!(reasons[l.id] ?? '').trim()}
                      aria-label={t('timetable.cancelLesson', { date: l.date, time: l.startTime })}
                      onClick={() => changes.cancel.mutate({ lessonId: l.id, reason: reasons[l.id].trim() })}>{t('timetable.cancel')}</Button>
                  </Group>
                )],
          }))} />
      </Section>
    </Stack>
  );
}
