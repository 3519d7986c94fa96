import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../domain/common/dates';
import { DataTable, Section } from '../app/DataTable';
import { formatDate, svCollator } from '../app/format';
import { useCurrentSession } from '../session/useSession';
import { DelegationForm } from './DelegationForm';
import { delegationStatus, type Delegation, type DelegationStatus } from './types';
import { useEndDelegation } from './useDelegations';

const ORDER: Record<DelegationStatus, number> = { active: 0, coming: 1, ended: 2, revoked: 3 };
const COLOR: Record<DelegationStatus, string> = { active: 'green', coming: 'larka', ended: 'gray', revoked: 'orange' };

/** The principal's delegations: status per row; with `delegations.manage` also "Ny delegering" and "Återkalla". */
export function DelegationsSection({ delegations }: { delegations: Delegation[] }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canManage = session.allowedActions.includes('delegations.manage');
  const today = swedishDate(new Date());
  const end = useEndDelegation();
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Delegation | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const decision = (d: Delegation) => t(`app.decisionKinds.${d.decisionKind}`, { defaultValue: d.decisionKind });
  const rows = [...delegations]
    .map((d) => ({ d, status: delegationStatus(d, today) }))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || svCollator.compare(a.d.delegate.name, b.d.delegate.name));

  const closeForm = (message: string | null) => {
    setFormOpen(false);
    setNotice(message);
    // the opening button comes back after this render: return focus to it
    setTimeout(() => openButton.current?.focus(), 0);
  };

  const confirmEnd = () => {
    if (!confirming) return;
    const target = confirming;
    end.mutate(target.id, {
      onSuccess: () => {
        setConfirming(null);
        setNotice(t('delegations.revoke.done', { delegate: target.delegate.name }));
      },
    });
  };

  const columns = [
    t('start.col.delegate'),
    t('start.col.decision'),
    t('start.col.from'),
    t('start.col.to'),
    t('start.col.status'),
    ...(canManage ? [t('delegations.col.action')] : []),
  ];

  return (
    <Section title={t('start.principal.delegations')} testId="delegations">
      <div aria-live="polite">
        {notice && (
          <Alert color="green" data-testid="delegation-notice" withCloseButton={false}>
            {notice}
          </Alert>
        )}
      </div>
      <DataTable
        label={t('start.principal.delegations')}
        testId="delegations-table"
        empty={t('start.principal.noDelegations')}
        columns={columns}
        rows={rows.map(({ d, status }) => ({
          key: d.id,
          cells: [
            d.delegate.name,
            decision(d),
            formatDate(d.from),
            d.to ? formatDate(d.to) : t('start.principal.untilFurther'),
            <Badge key="s" variant="light" color={COLOR[status]} data-testid="delegation-status">
              {t(`delegations.status.${status}`)}
            </Badge>,
            ...(canManage
              ? [
                  status === 'active' || status === 'coming' ? (
                    <Button
                      key="a"
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t('delegations.revoke.label', { delegate: d.delegate.name, decision: decision(d) })}
                      onClick={() => {
                        end.reset();
                        setConfirming(d);
                      }}
                    >
                      {t('delegations.revoke.button')}
                    </Button>
                  ) : (
                    '–'
                  ),
                ]
              : []),
          ],
        }))}
      />
      {canManage &&
        (formOpen ? (
          <DelegationForm
            principalId={session.person.id}
            unitId={session.current.unitId}
            today={today}
            onSaved={(message) => closeForm(message)}
            onCancel={() => closeForm(null)}
          />
        ) : (
          <Group mt="sm">
            <Button
              ref={openButton}
              onClick={() => {
                setNotice(null);
                setFormOpen(true);
              }}
              data-testid="delegation-open"
            >
              {t('delegations.form.open')}
            </Button>
          </Group>
        ))}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('delegations.revoke.title')}
        centered
        closeButtonProps={{ 'aria-label': t('delegations.revoke.close') }}
      >
        {confirming && (
          <Stack gap="md">
            <Text>
              {t('delegations.revoke.body', {
                delegate: confirming.delegate.name,
                decision: decision(confirming).toLocaleLowerCase('sv'),
              })}
            </Text>
            {end.isError && (
              <Alert color="red" role="alert">
                {t('delegations.revoke.failed')}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t('delegations.revoke.cancel')}
              </Button>
              <Button color="red.9" loading={end.isPending} onClick={confirmEnd} data-testid="revoke-confirm">
                {t('delegations.revoke.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Section>
  );
}
