import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useOrganisation, useUnits } from '../organisation/useOrganisation';
import { ConfirmModal } from '../rollover/ConfirmModal';
import { useCurrentSession } from '../session/useSession';
import { ApiClientForm } from './ApiClientForm';
import { problemText, stockholmTime } from './problem';
import { SecretModal } from './SecretModal';
import { GRANTABLE, type ApiClient, type WithSecret } from './types';
import { useApiClients, useRevokeApiClient, useRotateSecret } from './useApiClients';

type Asking = { kind: 'rotate' | 'revoke'; client: ApiClient } | null;

function Clients() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const clients = useApiClients();
  const units = useUnits(session.current.unitId);
  const rotate = useRotateSecret();
  const revoke = useRevokeApiClient();
  const [editing, setEditing] = useState<ApiClient | 'new' | null>(null);
  const [shown, setShown] = useState<{ value: WithSecret; rotated: boolean } | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!clients.data || !units.data) {
    return clients.isPending || units.isPending ? <LoadingState /> : <ErrorState onRetry={() => { void clients.refetch(); void units.refetch(); }} />;
  }

  const open = (c: ApiClient | 'new') => { setNotice(null); setEditing(c); };
  const ask = (kind: 'rotate' | 'revoke', client: ApiClient) => { rotate.reset(); revoke.reset(); setAsking({ kind, client }); };
  const confirm = () => {
    if (!asking) return;
    const { client } = asking;
    if (asking.kind === 'rotate') {
      rotate.mutate(client.id, { onSuccess: (value) => { setAsking(null); setShown({ value, rotated: true }); } });
    } else {
      revoke.mutate(client.id, { onSuccess: () => { setAsking(null); setNotice(t('ss12000.revoked', { name: client.name })); } });
    }
  };
  const pending = asking?.kind === 'rotate' ? rotate : revoke;

  return (
    <>
      <div aria-live="polite">{notice && <Alert color="green" data-testid="ss12000-notice">{notice}</Alert>}</div>
      {editing ? (
        <ApiClientForm client={editing === 'new' ? null : editing} units={units.data}
          onCreated={(value) => { setEditing(null); setNotice(t('ss12000.created', { name: value.client.name })); setShown({ value, rotated: false }); }}
          onDone={(message) => { setEditing(null); setNotice(message); }} />
      ) : (
        <Group><Button onClick={() => open('new')} data-testid="ss12000-client-add">{t('ss12000.add')}</Button></Group>
      )}
      <DataTable
        label={t('ss12000.label')}
        testId="ss12000-clients-table"
        empty={t('ss12000.empty')}
        columns={['name', 'clientId', 'units', 'resources', 'write', 'lastUsed', 'status', 'actions'].map((c) => t(`ss12000.col.${c}`))}
        rows={clients.data.map((c) => ({
          key: c.id,
          cells: [
            c.name,
            <code key="id">{c.clientId}</code>,
            c.units === null ? t('ss12000.allUnits') : c.units.map((u) => u.name).join(', '),
            c.resources.length === GRANTABLE.length ? t('ss12000.allResources') : <Text key="r" size="sm" style={{ maxWidth: '22rem' }}>{c.resources.join(', ')}</Text>,
            t(c.writeAttendance ? 'ss12000.yes' : 'ss12000.no'),
            c.lastUsedAt ? <span key="u" style={{ whiteSpace: 'nowrap' }}>{stockholmTime(c.lastUsedAt)}</span> : t('ss12000.never'),
            c.revokedAt
              ? <Text key="s" size="sm" fw={600} c="red.9" data-testid="ss12000-revoked">{t('ss12000.revokedOn', { when: stockholmTime(c.revokedAt) })}</Text>
              : <Text key="s" size="sm" fw={600} c="green.9">{t('ss12000.active')}</Text>,
            c.revokedAt ? '–' : (
              <Group key="a" gap="xs" wrap="nowrap">
                <Button size="xs" variant="outline" onClick={() => open(c)} aria-label={t('ss12000.editLabel', { name: c.name })}>{t('ss12000.edit')}</Button>
                <Button size="xs" variant="outline" onClick={() => ask('rotate', c)} aria-label={t('ss12000.rotateLabel', { name: c.name })}>{t('ss12000.rotate')}</Button>
                <Button size="xs" variant="outline" color="red.9" onClick={() => ask('revoke', c)} aria-label={t('ss12000.revokeLabel', { name: c.name })}
                  data-testid={`ss12000-revoke-${c.clientId}`}>{t('ss12000.revoke')}</Button>
              </Group>
            ),
          ],
        }))}
      />
      {asking && (
        <ConfirmModal opened onClose={() => setAsking(null)} onConfirm={confirm} pending={pending.isPending}
          title={t(`ss12000.${asking.kind === 'rotate' ? 'confirmRotate' : 'confirmRevoke'}.title`, { name: asking.client.name })}
          body={t(`ss12000.${asking.kind === 'rotate' ? 'confirmRotate' : 'confirmRevoke'}.body`)}
          confirm={t(`ss12000.${asking.kind === 'rotate' ? 'confirmRotate' : 'confirmRevoke'}.confirm`)}
          color={asking.kind === 'revoke' ? 'red.9' : undefined}
          error={pending.error ? problemText(t, pending.error) : null}
          testId={`ss12000-confirm-${asking.kind}`} />
      )}
      {shown && <SecretModal shown={shown.value} rotated={shown.rotated} onClose={() => setShown(null)} />}
    </>
  );
}

/** "SS 12000-klienter": the organiser-level administrator registers the systems that read through SS 12000. */
export function ApiClientsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ss12000.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('ss12000.clients.manage');
  const organisation = useOrganisation();
  if (!allowed) return <NotFoundOrNoAccessState title={t('ss12000.title')} testId="ss12000-no-access" />;
  if (!organisation.data) return organisation.isPending ? <LoadingState /> : <ErrorState onRetry={() => void organisation.refetch()} />;
  if (!organisation.data.organiserAdministrator) return <NotFoundOrNoAccessState title={t('ss12000.title')} testId="ss12000-no-access" />;
  return (
    <Stack gap="lg" py="md" data-testid="ss12000-clients-page">
      <Title order={1}>{t('ss12000.title')}</Title>
      <Text>{t('ss12000.intro')}</Text>
      <Clients />
    </Stack>
  );
}
