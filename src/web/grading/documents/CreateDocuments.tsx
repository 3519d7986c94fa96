import { useState } from 'react';
import { Alert, Button, Group, List, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../app/api';
import { byName } from '../../app/format';
import type { Group as ClassGroup } from '../../groups/types';
import { useCurrentSession } from '../../session/useSession';
import { useStart } from '../../start/useStart';
import { CHUNK, chunks, FAILURE_REASONS, type DocumentKind, type ProduceResult } from './types';
import { useRefreshDocuments } from './useDocuments';

interface Failure {
  pupilId: string;
  name: string;
  reason: string;
}

/** "Skapa betygsdokument": every pupil of a class, in chunks of 25, with progress and failures per pupil. */
export function CreateDocuments({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const start = useStart(session.current);
  const refresh = useRefreshDocuments();
  const [classId, setClassId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ produced: number; className: string; failures: Failure[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const classes = start.data?.kind === 'administrator' ? byName(start.data.classes) : [];

  const run = async () => {
    const cls = classes.find((c) => c.id === classId);
    if (!cls) return;
    setRunning(true);
    setResult(null);
    setError(null);
    try {
      const group = await apiGet<ClassGroup>(`/api/groups/${encodeURIComponent(cls.id)}`);
      const names = new Map(group.pupils.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
      const ids = group.pupils.map((p) => p.id);
      if (ids.length === 0) {
        setError(t('gradeDocuments.create.noPupils'));
        return;
      }
      let produced = 0;
      const failures: Failure[] = [];
      setProgress({ done: 0, total: ids.length });
      for (const part of chunks(ids, CHUNK)) {
        try {
          const r = await apiPost<ProduceResult>('/api/grading/documents', { kind, pupilIds: part });
          produced += r.produced.length;
          failures.push(...r.failed.map((f) => ({ ...f, name: names.get(f.pupilId) ?? f.pupilId })));
        } catch {
          failures.push(...part.map((id) => ({ pupilId: id, name: names.get(id) ?? id, reason: 'other' })));
        }
        setProgress((p) => (p ? { ...p, done: p.done + part.length } : p));
      }
      setResult({ produced, className: cls.name, failures });
      await refresh();
    } catch {
      setError(t('gradeDocuments.create.error'));
    } finally {
      setRunning(false);
    }
  };

  const reason = (r: string) => t(`gradeDocuments.reasons.${(FAILURE_REASONS as readonly string[]).includes(r) ? r : 'other'}`);
  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const progressText = progress ? t('gradeDocuments.create.progressText', { done: progress.done, total: progress.total }) : '';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="create-documents-title" data-testid="create-documents">
      <Stack gap="sm">
        <Title order={2} size="h3" id="create-documents-title">
          {t('gradeDocuments.create.title')}
        </Title>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('gradeDocuments.create.class')}
            placeholder={t('gradeDocuments.create.classPlaceholder')}
            data={classes.map((c) => ({ value: c.id, label: c.name }))}
            value={classId}
            onChange={setClassId}
            disabled={running || start.isPending}
            searchable
            data-testid="create-class"
            w={240}
          />
          <Button onClick={() => void run()} disabled={!classId} loading={running} data-testid="create-run">
            {t('gradeDocuments.create.button')}
          </Button>
        </Group>
        {progress && (
          <Stack gap={4}>
            <Progress.Root size="lg">
              <Progress.Section
                value={percent}
                aria-label={t('gradeDocuments.create.progress')}
                aria-valuetext={progressText}
                data-testid="create-progress"
              />
            </Progress.Root>
            <Text size="sm" aria-live="polite" data-testid="create-progress-text">
              {progressText}
            </Text>
          </Stack>
        )}
        <div aria-live="polite">
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {result && (
            <Stack gap="xs">
              <Alert color="green" data-testid="create-done">
                {t('gradeDocuments.create.done', { produced: result.produced, className: result.className })}
              </Alert>
              {result.failures.length > 0 && (
                <Alert color="orange" title={t('gradeDocuments.create.failedTitle', { count: result.failures.length })} data-testid="create-failures">
                  <List size="sm">
                    {result.failures.map((f) => (
                      <List.Item key={f.pupilId}>{`${f.name}: ${reason(f.reason)}`}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
