import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, List, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { byPersonName, formatDate, svCollator } from '../../app/format';
import type { SessionBody } from '../../session/types';
import { DateField, dateOk, EndDialog, Notice, useErrorText } from './parts';
import { inForceOn, type AdminGroup, type Membership } from './types';
import { groupCalls, useGroupMutation, useGroupOptions } from './useGroupAdmin';

type Problem = { pupilId: string; name: string | null; problem: string };

/** Adds one or several pupils from a date; "Hela klassen" picks every pupil of a class at once. */
function AddPupilsForm({ group, members, current, today, onDone }: {
  group: AdminGroup; members: Membership[]; current: SessionBody['current']; today: string; onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const options = useGroupOptions(current);
  const add = useGroupMutation(current, (body: { pupilIds: string[]; startDate: string; endDate: string | null }) => groupCalls.addPupils(group.id, body));
  const [picked, setPicked] = useState<string[]>([]);
  const [startDate, setStart] = useState(today);
  const [endDate, setEnd] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<{ text: string; problems: Problem[] } | null>(null);
  const inGroup = new Set(members.filter((m) => inForceOn(m, today)).map((m) => m.pupilId));
  const pupils = byPersonName(options.data?.pupils ?? []).filter((p) => !inGroup.has(p.id));
  const classes = [...new Set(pupils.map((p) => p.className).filter((c): c is string => !!c))].sort(svCollator.compare);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setError(null);
    if (picked.length === 0 || !dateOk(startDate) || !dateOk(endDate, true)) return;
    add.mutate({ pupilIds: picked, startDate, endDate: endDate || null }, {
      onSuccess: (r) => { setPicked([]); setChecked(false); onDone(t('groupAdmin.pupils.added', { count: r.added })); },
      onError: (err) => {
        const problems = (isApiError(err) ? (err.body?.problems as Problem[] | undefined) : undefined) ?? [];
        setError({ text: problems.length ? t('groupAdmin.errors.pupilProblems') : errorText(err), problems });
      },
    });
  };
  const nameOf = (id: string) => { const p = options.data?.pupils.find((x) => x.id === id); return p ? `${p.givenName} ${p.familyName}` : id; };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-pupils-title">
      <form onSubmit={onSubmit} noValidate data-testid="add-pupils-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-pupils-title">{t('groupAdmin.pupils.add')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label={t('groupAdmin.pupils.pick')} placeholder={t('groupAdmin.pupils.pickPlaceholder')} searchable value={picked} onChange={setPicked}
              data={pupils.map((p) => ({ value: p.id, label: `${p.familyName} ${p.givenName}${p.className ? ` (${p.className})` : ''}` }))}
              error={checked && picked.length === 0 ? t('groupAdmin.pupils.pickNone') : undefined} data-testid="add-pupils-pick" />
            <NativeSelect label={t('groupAdmin.pupils.wholeClass')} value="" data-testid="add-whole-class"
              onChange={(e) => { const c = e.currentTarget.value; setPicked([...new Set([...picked, ...pupils.filter((p) => p.className === c).map((p) => p.id)])]); }}
              data={[{ value: '', label: t('groupAdmin.pupils.wholeClassPick') }, ...classes.map((c) => ({ value: c, label: c }))]} />
            <DateField label={t('groupAdmin.from')} value={startDate} onChange={setStart} checked={checked} testId="add-pupils-from" />
            <DateField label={t('groupAdmin.to')} value={endDate} onChange={setEnd} checked={checked} optional />
          </SimpleGrid>
          {error && (
            <Notice kind="error" testId="add-pupils-error">
              {error.text}
              {error.problems.length > 0 && (
                <List size="sm" mt={4}>{error.problems.map((p) => <List.Item key={p.pupilId}>{`${p.name ?? nameOf(p.pupilId)}: ${t(`groupAdmin.errors.${p.problem}`)}`}</List.Item>)}</List>
              )}
            </Notice>
          )}
          <Group><Button type="submit" loading={add.isPending}>{t('groupAdmin.pupils.addSubmit')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The group's pupils with their dates (ended memberships on request), ending one with a date, adding more. */
export function PupilsSection({ group, members, current, today }: { group: AdminGroup; members: Membership[]; current: SessionBody['current']; today: string }) {
  const { t } = useTranslation();
  const [showEnded, setShowEnded] = useState(false);
  const [ending, setEnding] = useState<Membership | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const end = useGroupMutation(current, ({ id, endDate }: { id: string; endDate: string }) => groupCalls.endMembership(group.id, id, endDate));
  const now = members.filter((m) => inForceOn(m, today));
  const shown = byPersonName(showEnded ? members : members.filter((m) => m.endDate === null || m.endDate >= today));
  const isCurrentGroup = group.endDate === null || group.endDate >= today;
  return (
    <Stack gap="sm" component="section" aria-labelledby="pupils-title" data-testid="admin-group-pupils">
      <Title order={2} size="h3" id="pupils-title">{t('groupAdmin.pupils.title')}</Title>
      <Group justify="space-between">
        <Text fw={500} data-testid="admin-pupil-count">{t('groupAdmin.pupils.count', { count: now.length })}</Text>
        <Checkbox label={t('groupAdmin.pupils.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.currentTarget.checked)} />
      </Group>
      <div aria-live="polite">{notice && <Notice kind="ok" testId="pupils-notice">{notice}</Notice>}</div>
      <DataTable
        label={t('groupAdmin.pupils.title')}
        testId="admin-pupils-table"
        empty={t('groupAdmin.pupils.none')}
        columns={[t('groupAdmin.pupils.familyName'), t('groupAdmin.pupils.givenName'), t('groupAdmin.pupils.from'), t('groupAdmin.pupils.to'), t('groupAdmin.pupils.actions')]}
        rows={shown.map((m) => ({
          key: m.id,
          cells: [m.familyName, m.givenName, formatDate(m.startDate), m.endDate ? formatDate(m.endDate) : t('groupAdmin.untilFurther'),
            m.endDate === null || m.endDate > today ? (
              <Button key="e" size="xs" variant="outline" onClick={() => setEnding(m)} aria-label={`${t('groupAdmin.pupils.end')} ${m.givenName} ${m.familyName}`}>
                {t('groupAdmin.pupils.end')}
              </Button>
            ) : ''],
        }))}
      />
      {ending && (
        <EndDialog title={t('groupAdmin.pupils.endTitle', { name: `${ending.givenName} ${ending.familyName}`, group: group.name })}
          submit={t('groupAdmin.pupils.endSubmit')} today={today} onClose={() => setEnding(null)}
          onEnd={async (endDate) => {
            await end.mutateAsync({ id: ending.id, endDate });
            setNotice(t('groupAdmin.pupils.endedNotice', { name: `${ending.givenName} ${ending.familyName}`, date: endDate }));
          }} />
      )}
      {isCurrentGroup && <AddPupilsForm group={group} members={members} current={current} today={today} onDone={setNotice} />}
    </Stack>
  );
}
