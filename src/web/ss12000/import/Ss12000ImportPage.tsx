import { Alert, Button, Checkbox, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost, isApiError } from '../../app/api';
import { LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import type { Organisation } from '../../organisation/types';
import { useCurrentSession } from '../../session/useSession';
import { RunResult } from './RunResult';
import type { Run } from './types';

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

/** /admin/ss12000/import — "Import via SS 12000" (organiser-level administrator): start a run, follow it, read its result. */
export function Ss12000ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ss12000Import.title'));
  const session = useCurrentSession();
  const administrator = session.allowedActions.includes('ss12000.import');
  const organisation = useQuery({ queryKey: ['admin', 'organisation', 'settings'], queryFn: () => apiGet<Organisation>('/api/admin/organisation'), enabled: administrator });
  const allowed = administrator && organisation.data?.organiserAdministrator === true;
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ url: '', clientId: '', clientSecret: '', full: false });
  const [shown, setShown] = useState<string | null>(null);
  const runs = useQuery({ queryKey: ['ss12000', 'import-runs'], queryFn: () => apiGet<Run[]>('/api/ss12000/import-runs'), enabled: allowed });
  const run = useQuery({
    queryKey: ['ss12000', 'import-runs', shown], queryFn: () => apiGet<Run>(`/api/ss12000/import-runs/${shown}`), enabled: allowed && !!shown,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const start = useMutation({
    mutationFn: () => apiPost<Run>('/api/ss12000/import-runs', form),
    onSuccess: (r) => { setShown(r.id); setForm((f) => ({ ...f, clientSecret: '' })); void queryClient.invalidateQueries({ queryKey: ['ss12000', 'import-runs'], exact: true }); },
  });
  const finished = run.data && run.data.status !== 'running';
  if (finished && runs.data?.find((r) => r.id === run.data!.id)?.status === 'running') void queryClient.invalidateQueries({ queryKey: ['ss12000', 'import-runs'], exact: true });

  if (administrator && organisation.isPending) return <LoadingState />;
  if (!allowed) return <NotFoundOrNoAccessState title={t('ss12000Import.noAccess')} testId="ss12000-import-no-access" />;
  const errorText = isApiError(start.error) ? t(`ss12000Import.errors.${start.error.code}`, { defaultValue: t('ss12000Import.errors.other') }) : start.error ? t('ss12000Import.errors.other') : null;
  const running = run.data?.status === 'running' || start.isPending;

  return (
    <Stack gap="lg" py="md" data-testid="ss12000-import-page">
      <div>
        <Title order={1}>{t('ss12000Import.title')}</Title>
        <Text c="dimmed">{t('ss12000Import.intro')}</Text>
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="ss12000-form-title">
        <form onSubmit={(e) => { e.preventDefault(); start.mutate(); }}>
          <Stack gap="sm" maw={560}>
            <Title order={2} size="h3" id="ss12000-form-title">{t('ss12000Import.formTitle')}</Title>
            <TextInput label={t('ss12000Import.url')} description={t('ss12000Import.urlHelp')} required type="url" value={form.url}
              onChange={(e) => setForm({ ...form, url: e.currentTarget.value })} data-testid="ss12000-url" />
            <TextInput label={t('ss12000Import.clientId')} required value={form.clientId} autoComplete="off"
              onChange={(e) => setForm({ ...form, clientId: e.currentTarget.value })} data-testid="ss12000-client-id" />
            <PasswordInput label={t('ss12000Import.clientSecret')} required value={form.clientSecret} autoComplete="new-password"
              onChange={(e) => setForm({ ...form, clientSecret: e.currentTarget.value })} data-testid="ss12000-client-secret" />
            <Checkbox label={t('ss12000Import.full')} checked={form.full} onChange={(e) => setForm({ ...form, full: e.currentTarget.checked })} data-testid="ss12000-full" />
            {errorText && <Alert color="red" data-testid="ss12000-start-error">{errorText}</Alert>}
            <Group><Button type="submit" loading={start.isPending} disabled={running} data-testid="ss12000-start">{t('ss12000Import.start')}</Button></Group>
          </Stack>
        </form>
      </Paper>
      {run.data && <Paper withBorder p="md" component="section">{<RunResult run={run.data} />}</Paper>}
      <Paper withBorder p="md" component="section" aria-labelledby="ss12000-history-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="ss12000-history-title">{t('ss12000Import.historyTitle')}</Title>
          {!runs.data?.length ? <Text size="sm">{t('ss12000Import.noHistory')}</Text> : (
            <Table data-testid="ss12000-history">
              <Table.Thead><Table.Tr>{(['startedAt', 'source', 'kind', 'status', 'startedBy'] as const).map((c) => <Table.Th key={c}>{t(`ss12000Import.historyColumns.${c}`)}</Table.Th>)}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td><UnstyledButton onClick={() => setShown(r.id)} td="underline" c="blue.9" aria-label={`${t('ss12000Import.show')} ${stockholm.format(new Date(r.startedAt))}`}>{stockholm.format(new Date(r.startedAt))}</UnstyledButton></Table.Td>
                    <Table.Td>{r.sourceUrl}</Table.Td>
                    <Table.Td>{r.since ? t('ss12000Import.incremental', { since: stockholm.format(new Date(r.since)) }) : t('ss12000Import.fullRun')}</Table.Td>
                    <Table.Td>{t(`ss12000Import.status.${r.status}`)}</Table.Td>
                    <Table.Td>{r.startedBy ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
