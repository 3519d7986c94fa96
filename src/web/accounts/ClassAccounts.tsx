import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../grading/documents/ConfirmModal';
import { ErrorState, LoadingState } from '../app/states';
import { useCurrentSession } from '../session/useSession';
import { PersonActions } from './PersonActions';
import { StateBadge } from './StateBadge';
import type { PersonAccount } from './types';
import { accountErrorKey, useClassAccounts, useClasses, useClassLetters } from './useAccounts';
import classes from '../app/DataTable.module.css';

/** The pupils of a class and their accounts; credential letters for the chosen ones. */
export function ClassAccounts() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const list = useClasses(session.current);
  const [classId, setClassId] = useState<string | null>(null);
  const cls = useClassAccounts(session.current, classId);
  const letters = useClassLetters(session);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ count: number; file: string } | null>(null);

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <Text>{t('accounts.classes.none')}</Text>;

  const pupils = cls.data?.pupils ?? [];
  const selectable = pupils.filter((p) => p.account.state !== 'disabled');
  const picked = selectable.filter((p) => chosen.has(p.personId));
  const toggle = (id: string, on: boolean) => setChosen((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  const choose = (ids: string[]) => setChosen(new Set(ids));
  const allChosen = selectable.length > 0 && picked.length === selectable.length;
  const className = cls.data?.class.name ?? '';

  const print = () => letters.mutate({ classId: classId!, personIds: picked.map((p) => p.personId) }, {
    onSuccess: (file) => { setDone({ count: picked.length, file }); setConfirming(false); setChosen(new Set()); },
  });

  return (
    <Stack gap="md">
      <Select
        label={t('accounts.classes.label')}
        placeholder={t('accounts.classes.placeholder')}
        data={list.data.map((c) => ({ value: c.id, label: t('accounts.classes.option', { name: c.name, withLogin: c.withLogin, pupils: c.pupils }) }))}
        value={classId}
        onChange={(v) => { setClassId(v); setChosen(new Set()); setDone(null); letters.reset(); }}
        searchable
        w={360}
        data-testid="accounts-class"
      />
      {done && <Alert color="green" c="dark.8" role="status" data-testid="letters-done">{t('accounts.letters.done', done)}</Alert>}
      {classId && cls.isPending && <LoadingState />}
      {classId && cls.isError && <ErrorState error={cls.error} onRetry={() => void cls.refetch()} />}
      {cls.data && (pupils.length === 0 ? <Text>{t('accounts.classes.empty')}</Text> : (
        <>
          <Text size="sm">{t('accounts.letters.help')}</Text>
          <Group gap="sm">
            <Button variant="default" size="xs" onClick={() => choose(selectable.filter((p) => p.account.state === 'none').map((p) => p.personId))} data-testid="choose-without">
              {t('accounts.classes.selectWithout')}
            </Button>
            <Text size="sm" aria-live="polite" data-testid="chosen-count">{t('accounts.classes.selected', { count: picked.length })}</Text>
            <Button onClick={() => { letters.reset(); setConfirming(true); }} disabled={picked.length === 0} data-testid="letters-open">
              {t('accounts.letters.button')}
            </Button>
          </Group>
          <div className={classes.scroll} tabIndex={0} role="region" aria-label={t('accounts.classes.tableLabel', { name: className })}>
            <Table striped withTableBorder aria-label={t('accounts.classes.tableLabel', { name: className })} data-testid="class-accounts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={40}>
                    <Checkbox aria-label={t('accounts.classes.selectAll')} checked={allChosen} indeterminate={picked.length > 0 && !allChosen}
                      onChange={(e) => choose(e.currentTarget.checked ? selectable.map((p) => p.personId) : [])} />
                  </Table.Th>
                  <Table.Th scope="col">{t('accounts.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('accounts.columns.username')}</Table.Th>
                  <Table.Th scope="col">{t('accounts.columns.state')}</Table.Th>
                  <Table.Th scope="col">{t('accounts.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pupils.map((p) => <PupilRow key={p.personId} pupil={p} chosen={chosen.has(p.personId)} onToggle={toggle} />)}
              </Table.Tbody>
            </Table>
          </div>
        </>
      ))}
      {confirming && (
        <ConfirmModal
          opened
          title={t('accounts.letters.title')}
          body={<LettersSummary picked={picked} />}
          confirmLabel={t('accounts.letters.confirm')}
          cancelLabel={t('accounts.cancel')}
          closeLabel={t('accounts.close')}
          error={letters.isError ? t(accountErrorKey(letters.error)) : null}
          pending={letters.isPending}
          onConfirm={print}
          onClose={() => setConfirming(false)}
          testId="letters-confirm"
        />
      )}
    </Stack>
  );
}

function PupilRow({ pupil, chosen, onToggle }: { pupil: PersonAccount; chosen: boolean; onToggle: (id: string, on: boolean) => void }) {
  const { t } = useTranslation();
  const name = `${pupil.familyName}, ${pupil.givenName}`;
  return (
    <Table.Tr data-testid="pupil-account-row">
      <Table.Td>
        <Checkbox aria-label={t('accounts.classes.select', { name: `${pupil.givenName} ${pupil.familyName}` })} checked={chosen}
          disabled={pupil.account.state === 'disabled'} onChange={(e) => onToggle(pupil.personId, e.currentTarget.checked)} />
      </Table.Td>
      <Table.Th scope="row" fw={500}>{name}</Table.Th>
      <Table.Td data-testid="account-username">{pupil.account.username ?? '–'}</Table.Td>
      <Table.Td><StateBadge state={pupil.account.state} /></Table.Td>
      <Table.Td><PersonActions person={pupil} /></Table.Td>
    </Table.Tr>
  );
}

/** What printing the letters will do: new accounts, and new passwords that end the old ones. */
function LettersSummary({ picked }: { picked: PersonAccount[] }) {
  const { t } = useTranslation();
  const created = picked.filter((p) => !p.account.accountId).length;
  const reset = picked.length - created;
  return (
    <Stack gap="xs" data-testid="letters-summary">
      {created > 0 && <Text>{t('accounts.letters.create', { count: created })}</Text>}
      {reset > 0 && <Alert color="orange" c="dark.8" data-testid="letters-reset-warning">{t('accounts.letters.reset', { count: reset })}</Alert>}
      <Text size="sm">{t('accounts.letters.once')}</Text>
    </Stack>
  );
}
