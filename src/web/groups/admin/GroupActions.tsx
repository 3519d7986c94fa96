import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import type { SessionBody } from '../../session/types';
import { DateField, dateOk, GroupModal, Notice, useErrorText } from './parts';
import type { AdminGroup } from './types';
import { groupCalls, useGroupMutation } from './useGroupAdmin';

type Unconfirmed = { grades: number; pupils: number; term: string | null };

function RenameDialog({ group, current, onClose, onDone }: { group: AdminGroup; current: SessionBody['current']; onClose: () => void; onDone: (t: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rename = useGroupMutation(current, (name: string) => groupCalls.rename(group.id, { name, previousName: group.name }));
  const [name, setName] = useState(group.name);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError(t('groupAdmin.errors.name_required'));
    rename.mutate(name.trim(), { onSuccess: (g) => { onDone(t('groupAdmin.group.renamed', { name: g.name })); onClose(); }, onError: (err) => setError(errorText(err)) });
  };
  return (
    <GroupModal onClose={onClose} title={t('groupAdmin.group.rename')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t('groupAdmin.create.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} data-testid="rename-input" />
          {error && <Notice kind="error">{error}</Notice>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('groupAdmin.create.cancel')}</Button>
            <Button type="submit" loading={rename.isPending}>{t('groupAdmin.group.renameSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </GroupModal>
  );
}

/** Ending the group: the server warns when grades are not confirmed this term; then "Avsluta ändå" confirms. */
function EndGroupDialog({ group, current, today, onClose, onDone }: { group: AdminGroup; current: SessionBody['current']; today: string; onClose: () => void; onDone: (t: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const end = useGroupMutation(current, (body: { endDate: string; confirm: boolean }) => groupCalls.end(group.id, body));
  const [endDate, setEndDate] = useState(today);
  const [checked, setChecked] = useState(false);
  const [warning, setWarning] = useState<Unconfirmed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = (confirm: boolean) => end.mutate({ endDate, confirm }, {
    onSuccess: () => { onDone(t('groupAdmin.group.ended', { date: endDate })); onClose(); },
    onError: (err) => {
      if (isApiError(err, 409) && err.code === 'unconfirmed_grades') setWarning(err.body?.unconfirmed as Unconfirmed);
      else setError(errorText(err));
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setError(null);
    if (dateOk(endDate)) send(false);
  };
  return (
    <GroupModal onClose={onClose} title={t('groupAdmin.group.end')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('groupAdmin.group.endIntro')}</Text>
          <DateField label={t('groupAdmin.endDate')} value={endDate} onChange={(v) => { setEndDate(v); setWarning(null); }} checked={checked} testId="end-group-date" />
          {error && <Notice kind="error">{error}</Notice>}
          {warning && (
            <Notice kind="warn" testId="end-group-warning">
              <Text fw={700} size="sm">{t('groupAdmin.group.warnTitle')}</Text>
              <Text size="sm">{t('groupAdmin.group.warn', { grades: warning.grades, pupils: warning.pupils, term: warning.term ?? '' })}</Text>
            </Notice>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('groupAdmin.create.cancel')}</Button>
            {warning ? (
              <Button color="orange.9" onClick={() => send(true)} loading={end.isPending}>{t('groupAdmin.group.warnConfirm')}</Button>
            ) : (
              <Button type="submit" loading={end.isPending}>{t('groupAdmin.group.endSubmit')}</Button>
            )}
          </Group>
        </Stack>
      </form>
    </GroupModal>
  );
}

/** "Byt namn" and "Avsluta gruppen" with their dialogs, and the outcome of the last one. */
export function GroupActions({ group, current, today }: { group: AdminGroup; current: SessionBody['current']; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'rename' | 'end' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ended = group.endDate !== null && group.endDate < today;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="outline" onClick={() => setOpen('rename')}>{t('groupAdmin.group.rename')}</Button>
        {!ended && <Button variant="outline" color="red.9" onClick={() => setOpen('end')}>{t('groupAdmin.group.end')}</Button>}
      </Group>
      <div aria-live="polite">{notice && <Notice kind="ok" testId="group-notice">{notice}</Notice>}</div>
      {open === 'rename' && <RenameDialog group={group} current={current} onClose={() => setOpen(null)} onDone={setNotice} />}
      {open === 'end' && <EndGroupDialog group={group} current={current} today={today} onClose={() => setOpen(null)} onDone={setNotice} />}
    </Stack>
  );
}
