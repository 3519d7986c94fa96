import { useState } from 'react';
import { Button, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../grading/documents/ConfirmModal';
import { useCurrentSession } from '../session/useSession';
import { ShownPasswordModal } from './ShownPasswordModal';
import type { PersonAccount, ShownPassword } from './types';
import { accountErrorKey, useAccountAction } from './useAccounts';

type Kind = 'create' | 'password' | 'letter' | 'disable';

/** The menu of one person's account (pupil or staff): create, new password (shown once or as a letter),
 *  disable or enable. Everything that changes a password or logs someone out is confirmed first. */
export function PersonActions({ person, manageable = true }: { person: PersonAccount; manageable?: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const action = useAccountAction(session);
  const [asking, setAsking] = useState<Kind | null>(null);
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const name = `${person.givenName} ${person.familyName}`;
  const { accountId, state } = person.account;
  if (!manageable) return <Text size="sm">{t(person.personId === session.person.id ? 'accounts.person.own' : 'accounts.person.notManageable')}</Text>;

  const run = (kind: Kind | 'enable') => {
    const request = kind === 'create' ? { kind, personId: person.personId } : { kind, accountId: accountId! };
    action.mutate(request, {
      onSuccess: (result) => {
        setAsking(null);
        if (result && 'password' in result) setShown(result as ShownPassword);
      },
    });
  };
  const open = (kind: Kind) => { action.reset(); setAsking(kind); };
  const texts: Record<Kind, { title: string; body: string; confirm: string }> = {
    create: { title: t('accounts.person.createTitle', { name }), body: t('accounts.person.createBody'), confirm: t('accounts.person.confirmCreate') },
    password: { title: t('accounts.person.resetTitle', { name }), body: t('accounts.person.resetBody', { name }), confirm: t('accounts.person.confirmReset') },
    letter: { title: t('accounts.person.resetTitle', { name }), body: t('accounts.person.resetBody', { name }), confirm: t('accounts.person.confirmLetter') },
    disable: { title: t('accounts.person.disableTitle', { name }), body: t('accounts.person.disableBody', { name }), confirm: t('accounts.person.confirmDisable') },
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" aria-label={t('accounts.person.menu', { name })} data-testid="person-actions">
            {t('accounts.columns.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {state === 'none' && !accountId && <Menu.Item onClick={() => open('create')}>{t('accounts.person.create')}</Menu.Item>}
          {accountId && state !== 'disabled' && (
            <>
              <Menu.Item onClick={() => open('password')} data-testid="action-password">{t('accounts.person.showPassword')}</Menu.Item>
              <Menu.Item onClick={() => open('letter')}>{t('accounts.person.letter')}</Menu.Item>
              <Menu.Item onClick={() => open('disable')} color="red">{t('accounts.person.disable')}</Menu.Item>
            </>
          )}
          {accountId && state === 'disabled' && <Menu.Item onClick={() => run('enable')}>{t('accounts.person.enable')}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      {asking && (
        <ConfirmModal
          opened
          title={texts[asking].title}
          body={<Stack gap="xs"><Text>{texts[asking].body}</Text></Stack>}
          confirmLabel={texts[asking].confirm}
          cancelLabel={t('accounts.cancel')}
          closeLabel={t('accounts.close')}
          error={action.isError ? t(accountErrorKey(action.error)) : null}
          pending={action.isPending}
          onConfirm={() => run(asking)}
          onClose={() => setAsking(null)}
          testId="person-confirm"
        />
      )}
      {shown && <ShownPasswordModal shown={shown} onClose={() => setShown(null)} />}
    </>
  );
}
