import { Alert, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KINDS, type Run } from './types';

const ROWS_SHOWN = 200;

/** A run: a progress bar while it runs; the counts per kind and the rejected records when it is done. */
export function RunResult({ run }: { run: Run }) {
  const { t } = useTranslation();
  const p = run.progress;
  const steps = p.steps ?? 8;
  const step = Math.min(p.step ?? 1, steps);
  const within = p.total ? Math.min((p.done ?? 0) / p.total, 1) : 0.5;
  const percent = run.status === 'running' ? Math.round(((step - 1 + within) / steps) * 100) : 100;
  const phase = t(`ss12000Import.phase.${p.phase ?? 'organisations'}`);
  return (
    <Stack gap="sm" data-testid="ss12000-run" data-status={run.status}>
      <Title order={2} size="h3">{run.status === 'running' ? t('ss12000Import.running') : t('ss12000Import.resultTitle')}</Title>
      <Text size="sm">{run.sourceUrl} · {run.since ? t('ss12000Import.incremental', { since: run.since.slice(0, 16).replace('T', ' ') }) : t('ss12000Import.fullRun')}</Text>
      {run.status === 'running' && (
        <>
          <Progress value={percent} animated striped aria-label={t('ss12000Import.running')} data-testid="ss12000-progress" />
          <Text size="sm" aria-live="polite">
            {t('ss12000Import.step', { step, steps, phase })} — {p.total ? t('ss12000Import.doneOf', { done: p.done ?? 0, total: p.total }) : t('ss12000Import.done', { done: p.done ?? 0 })}
          </Text>
        </>
      )}
      {run.status === 'failed' && <Alert color="red" data-testid="ss12000-failed">{t('ss12000Import.failed', { error: run.error ?? '' })}</Alert>}
      {run.result && run.status !== 'running' && (
        <>
          <Table withTableBorder data-testid="ss12000-counts">
            <Table.Thead>
              <Table.Tr>{(['kind', 'created', 'updated', 'unchanged', 'deleted'] as const).map((c) => <Table.Th key={c}>{t(`ss12000Import.columns.${c}`)}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {KINDS.map((k) => {
                const c = run.result!.counts[k];
                return (
                  <Table.Tr key={k} data-testid={`ss12000-count-${k}`}>
                    <Table.Td>{t(`ss12000Import.kinds.${k}`)}</Table.Td>
                    <Table.Td data-col="created">{c.created}</Table.Td><Table.Td data-col="updated">{c.updated}</Table.Td>
                    <Table.Td data-col="unchanged">{c.unchanged}</Table.Td><Table.Td data-col="deleted">{c.deleted}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h4">{t('ss12000Import.rejectedTitle', { count: run.result.rejectedTotal })}</Title>
          {run.result.rejectedTotal === 0 ? <Text size="sm" data-testid="ss12000-none-rejected">{t('ss12000Import.noneRejected')}</Text> : (
            <>
              {run.result.rejectedTotal > Math.min(ROWS_SHOWN, run.result.rejected.length) &&
                <Text size="sm">{t('ss12000Import.rejectedShown', { shown: Math.min(ROWS_SHOWN, run.result.rejected.length), count: run.result.rejectedTotal })}</Text>}
              <Table withTableBorder data-testid="ss12000-rejected">
                <Table.Thead><Table.Tr>{(['type', 'id', 'reason'] as const).map((c) => <Table.Th key={c}>{t(`ss12000Import.rejectedColumns.${c}`)}</Table.Th>)}</Table.Tr></Table.Thead>
                <Table.Tbody>
                  {run.result.rejected.slice(0, ROWS_SHOWN).map((r, i) => (
                    <Table.Tr key={`${r.type}-${r.id}-${i}`}><Table.Td>{r.type}</Table.Td><Table.Td><code>{r.id}</code></Table.Td><Table.Td>{r.reason}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
