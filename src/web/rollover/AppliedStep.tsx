import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { formatDate } from '../app/format';
import { ConfirmModal } from './ConfirmModal';
import { rolloverError } from './errors';
import type { RolloverRecord } from './types';
import type { useUndo } from './useRollover';

/** Step 3: the rollover in force, and undo while it is allowed (else why not). */
export function AppliedStep({ rollover, undo }: { rollover: RolloverRecord; undo: ReturnType<typeof useUndo> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="md" data-testid="rollover-applied">
      <Alert color="green" variant="light" title={t('rollover.applied.title')}>
        <Text data-testid="rollover-applied-body">
          {t('rollover.applied.body', { to: rollover.toSchoolYear, date: formatDate(rollover.appliedAt), by: rollover.appliedBy })}
        </Text>
      </Alert>
      {rollover.undoable ? (
        <Group>
          <Button variant="outline" color="red.9" onClick={() => { undo.reset(); setConfirming(true); }} data-testid="rollover-undo-open">
            {t('rollover.applied.undo')}
          </Button>
        </Group>
      ) : (
        <Alert color="orange" role="status" data-testid="rollover-undo-refused">
          {t(`rollover.refusal.${rollover.undoRefusal ?? 'new_year_grades'}`)}
        </Alert>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('rollover.applied.undoTitle')}
        body={t('rollover.applied.undoBody')}
        confirm={t('rollover.applied.undo')}
        color="red.9"
        pending={undo.isPending}
        error={rolloverError(t, undo.error)}
        onClose={() => setConfirming(false)}
        onConfirm={() => undo.mutate(rollover.id, { onSuccess: () => setConfirming(false) })}
        testId="rollover-undo-confirm"
      />
    </Stack>
  );
}

/** Earlier rollovers of the unit, newest first. */
export function RolloverHistory({ rollovers }: { rollovers: RolloverRecord[] }) {
  const { t } = useTranslation();
  if (!rollovers.length) return null;
  return (
    <section aria-labelledby="rollover-history">
      <Title order={2} size="h3" id="rollover-history" mb="xs">{t('rollover.applied.history')}</Title>
      <DataTable
        label={t('rollover.applied.historyLabel')}
        testId="rollover-history"
        empty=""
        columns={[t('rollover.applied.year'), t('rollover.applied.when'), t('rollover.applied.by'), t('rollover.applied.state')]}
        rows={rollovers.map((r) => ({
          key: r.id,
          cells: [`${r.fromSchoolYear} → ${r.toSchoolYear}`, formatDate(r.appliedAt), r.appliedBy,
            r.undoneAt ? t('rollover.applied.stateUndone', { date: formatDate(r.undoneAt) }) : t('rollover.applied.stateApplied')],
        }))}
      />
    </section>
  );
}
