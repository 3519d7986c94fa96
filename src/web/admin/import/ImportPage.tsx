import { Alert, Anchor, Button, FileInput, Group, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { ColumnsError, PreviewResult } from './PreviewResult';
import { KINDS, type ColumnsProblem, type Job, type Kind, type Preview } from './types';
import { useApply, useJob, usePreview } from './useImport';

/** "Import och export" (administrator): read a file of one kind, preview it, apply it with progress; templates; export. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('registerImport.title'));
  const session = useCurrentSession();
  const [kind, setKind] = useState<Kind>('elever');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [started, setStarted] = useState<Job | null>(null);
  const previewing = usePreview();
  const applying = useApply();
  const job = useJob(started);
  useEffect(() => { setPreview(null); setStarted(null); previewing.reset(); applying.reset(); }, [kind, file]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!session.allowedActions.includes('register.administer')) return <NotFoundOrNoAccessState title={t('registerImport.title')} testId="import-no-access" />;
  const kindName = t(`registerImport.kinds.${kind}`);
  const errorText = (e: unknown) => {
    if (!isApiError(e)) return t('registerImport.errors.other');
    const key = `registerImport.errors.${e.code}`;
    const extra = (e.body ?? {}) as Record<string, unknown>;
    return t(key, { defaultValue: t('registerImport.errors.other'), kind: kindName, rows: extra.rows, max: extra.max });
  };
  const columns = isApiError(previewing.error) ? (previewing.error.body?.columns as ColumnsProblem | undefined) : undefined;
  const running = job.data?.state === 'running' || applying.isPending;
  const finished = job.data && job.data.state !== 'running' ? job.data : null;

  const submit = () => {
    if (!file) return;
    setStarted(null);
    previewing.mutate({ kind, file }, { onSuccess: setPreview, onError: () => setPreview(null) });
  };

  return (
    <Stack gap="lg" py="md" data-testid="import-page">
      <div>
        <Title order={1}>{t('registerImport.title')}</Title>
        <Text c="dimmed">{t('registerImport.intro')}</Text>
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="import-file-title">
        <Stack gap="sm">
          <Title order={2} id="import-file-title" size="h3">{t('registerImport.fileLabel')}</Title>
          <Select label={t('registerImport.kindLabel')} data={KINDS.map((k) => ({ value: k, label: t(`registerImport.kinds.${k}`) }))} value={kind}
            onChange={(v) => v && setKind(v as Kind)} allowDeselect={false} data-testid="import-kind" maw={360} />
          <Text size="sm">{t(`registerImport.kindHelp.${kind}`)}</Text>
          <Anchor href={`/api/admin/import/template?kind=${kind}`} download data-testid="import-template">{t('registerImport.template', { kind: kindName })}</Anchor>
          <Group align="flex-end">
            <FileInput label={t('registerImport.fileLabel')} placeholder={t('registerImport.filePlaceholder')} accept=".csv,.txt,.xlsx" value={file}
              onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('registerImport.clearFile') }} data-testid="import-file" w={360} />
            <Button onClick={submit} disabled={!file} loading={previewing.isPending} data-testid="import-preview-button">{t('registerImport.previewButton')}</Button>
          </Group>
          {previewing.isError && (
            <Alert color="red" role="alert" data-testid="import-error">
              <Stack gap="xs"><Text size="sm">{errorText(previewing.error)}</Text>{columns && <ColumnsError columns={columns} />}</Stack>
            </Alert>
          )}
        </Stack>
      </Paper>

      {preview && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <PreviewResult preview={preview} />
            {!finished && (preview.counts.reject > 0
              ? <Text fw={600} data-testid="import-blocked">{t('registerImport.applyBlocked')}</Text>
              : <Group>
                  <Button onClick={() => applying.mutate(preview, { onSuccess: setStarted })} loading={running} data-testid="import-apply">
                    {t('registerImport.applyButton')}
                  </Button>
                  {preview.counts.create + preview.counts.change === 0 && <Text size="sm">{t('registerImport.nothingToDo')}</Text>}
                </Group>)}
            {running && job.data && <ApplyProgress job={job.data} fileName={preview.fileName} />}
            {applying.isError && <Alert color="red" role="alert">{errorText(applying.error)}</Alert>}
            {finished?.state === 'done' && (
              <Alert color="green" role="status" data-testid="import-done">{t('registerImport.done', { file: finished.fileName, ...finished.counts })}</Alert>
            )}
            {finished?.state === 'failed' && (
              <Alert color="red" role="alert" data-testid="import-failed">
                {t('registerImport.failed', { reason: t(`registerImport.errors.${finished.error?.code}`, { defaultValue: finished.error?.message ?? '' }) })}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="import-export-title">
        <Stack gap="sm">
          <Title order={2} id="import-export-title" size="h3">{t('registerImport.exportTitle')}</Title>
          <Text size="sm">{t('registerImport.exportText')}</Text>
          <div><Button component="a" href="/api/admin/export/register" download variant="outline" data-testid="import-export">{t('registerImport.exportButton')}</Button></div>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The running apply: what it is doing (phase) and how far it has come, as a progress bar with its percentage. */
function ApplyProgress({ job, fileName }: { job: Job; fileName: string }) {
  const { t } = useTranslation();
  const percent = Math.min(100, Math.floor((100 * job.done) / Math.max(1, job.total)));
  const phase = t(`registerImport.phases.${job.phase}`, { defaultValue: t('registerImport.phases.writing') });
  return (
    <Stack gap={4} data-testid="import-progress-area">
      <Text size="sm">{t('registerImport.applying', { file: fileName })}</Text>
      <Progress value={percent} size="lg" animated aria-label={t('registerImport.progressLabel')} data-testid="import-progress" />
      <Group justify="space-between" gap="xs">
        {/* the phase is announced when it changes; the bar itself carries the value (aria-valuenow) */}
        <Text size="sm" role="status" aria-live="polite" data-testid="import-progress-phase">{phase}</Text>
        <Text size="sm" fw={600} data-testid="import-progress-percent">{t('registerImport.progressPercent', { percent })}</Text>
      </Group>
    </Stack>
  );
}
