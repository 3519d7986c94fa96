import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/DataTable';
import { byDisplayName, formatDate } from '../../app/format';
import type { SessionBody } from '../../session/types';
import { DateField, dateOk, EndDialog, Notice, useErrorText } from './parts';
import type { AdminGroup, StaffAssignment } from './types';
import { groupCalls, useGroupMutation, useGroupOptions } from './useGroupAdmin';

/** Adds a teacher (grader or not) or, for a class or mentor group, a mentor; only staff with a duty at the unit are offered. */
function AddStaffForm({ group, current, today, onDone }: { group: AdminGroup; current: SessionBody['current']; today: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const options = useGroupOptions(current);
  const add = useGroupMutation(current, (body: Parameters<typeof groupCalls.addStaff>[1]) => groupCalls.addStaff(group.id, body));
  const teaching = group.groupType === 'teaching';
  const [personId, setPerson] = useState('');
  const [assignment, setAssignment] = useState<'teacher' | 'mentor'>('teacher');
  const [grader, setGrader] = useState(teaching);
  const [startDate, setStart] = useState(today);
  const [endDate, setEnd] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roles = (rs: string[]) => rs.map((r) => t(`groupAdmin.staff.roles.${r}`, { defaultValue: r })).join(', ');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setError(null);
    if (!personId || !dateOk(startDate) || !dateOk(endDate, true)) return;
    const name = options.data?.staff.find((s) => s.id === personId)?.name ?? '';
    add.mutate({ personId, assignment, grader: teaching && assignment === 'teacher' && grader, startDate, endDate: endDate || null }, {
      onSuccess: () => { setPerson(''); setChecked(false); onDone(t('groupAdmin.staff.added', { name })); },
      onError: (err) => setError(errorText(err)),
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-staff-title">
      <form onSubmit={onSubmit} noValidate data-testid="add-staff-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-staff-title">{t('groupAdmin.staff.add')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('groupAdmin.staff.person')} value={personId} onChange={(e) => setPerson(e.currentTarget.value)} required data-testid="add-staff-person"
              error={checked && !personId ? t('groupAdmin.required') : undefined}
              data={[{ value: '', label: t('groupAdmin.staff.personPick') }, ...(options.data?.staff ?? []).map((s) => ({ value: s.id, label: `${s.name} (${roles(s.roles)})` }))]} />
            <NativeSelect label={t('groupAdmin.staff.assignment')} value={assignment} onChange={(e) => setAssignment(e.currentTarget.value as 'teacher' | 'mentor')}
              data={(teaching ? ['teacher'] : ['teacher', 'mentor']).map((a) => ({ value: a, label: t(`groupAdmin.staff.assignments.${a}`) }))} />
            {teaching && <Checkbox mt={30} label={t('groupAdmin.staff.grader')} checked={grader} onChange={(e) => setGrader(e.currentTarget.checked)} />}
            <DateField label={t('groupAdmin.from')} value={startDate} onChange={setStart} checked={checked} />
            <DateField label={t('groupAdmin.to')} value={endDate} onChange={setEnd} checked={checked} optional />
          </SimpleGrid>
          {error && <Notice kind="error" testId="add-staff-error">{error}</Notice>}
          <Group><Button type="submit" loading={add.isPending}>{t('groupAdmin.staff.addSubmit')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The group's teachers and mentors with dates; ending an assignment with a date; adding one. */
export function StaffSection({ group, staff, current, today }: { group: AdminGroup; staff: StaffAssignment[]; current: SessionBody['current']; today: string }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<StaffAssignment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const end = useGroupMutation(current, ({ id, endDate }: { id: string; endDate: string }) => groupCalls.endStaff(group.id, id, endDate));
  const assignmentOf = (s: StaffAssignment) => t(`groupAdmin.staff.assignments.${s.assignment}`);
  const isCurrentGroup = group.endDate === null || group.endDate >= today;
  return (
    <Stack gap="sm" component="section" aria-labelledby="staff-title" data-testid="admin-group-staff">
      <Title order={2} size="h3" id="staff-title">{t('groupAdmin.staff.title')}</Title>
      <div aria-live="polite">{notice && <Notice kind="ok" testId="staff-notice">{notice}</Notice>}</div>
      <DataTable
        label={t('groupAdmin.staff.title')}
        testId="admin-staff-table"
        empty={t('groupAdmin.staff.none')}
        columns={[t('groupAdmin.staff.name'), t('groupAdmin.staff.assignment'), t('groupAdmin.staff.grader'), t('groupAdmin.pupils.from'), t('groupAdmin.pupils.to'), t('groupAdmin.pupils.actions')]}
        rows={byDisplayName(staff).map((s) => ({
          key: s.id,
          cells: [s.name, assignmentOf(s), s.grader ? t('app.yes') : t('app.no'), formatDate(s.startDate), s.endDate ? formatDate(s.endDate) : t('groupAdmin.untilFurther'),
            s.endDate === null || s.endDate > today ? (
              <Button key="e" size="xs" variant="outline" onClick={() => setEnding(s)} aria-label={`${t('groupAdmin.staff.end')} ${s.name}`}>{t('groupAdmin.staff.end')}</Button>
            ) : ''],
        }))}
      />
      {ending && (
        <EndDialog title={t('groupAdmin.staff.endTitle', { name: ending.name, assignment: assignmentOf(ending).toLowerCase() })}
          submit={t('groupAdmin.staff.endSubmit')} today={today} onClose={() => setEnding(null)}
          onEnd={async (endDate) => { await end.mutateAsync({ id: ending.id, endDate }); setNotice(t('groupAdmin.staff.endedNotice', { name: ending.name, date: endDate })); }} />
      )}
      {isCurrentGroup && <AddStaffForm group={group} current={current} today={today} onDone={setNotice} />}
    </Stack>
  );
}
