import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/DataTable';
import type { ColumnsProblem, Line, Preview } from './types';

function Section({ title, lines, total, kind, empty, testId }: { title: string; lines: Line[]; total: number; kind: 'reject' | 'create' | 'change'; empty: string; testId: string }) {
  const { t } = useTranslation();
  const detail = (l: Line) =>
    kind === 'reject' ? <List size="sm">{l.reasons.map((r) => <List.Item key={r}>{r}</List.Item>)}</List>
      : kind === 'create' ? <Stack gap={0}>{l.creates.map((c) => <Text size="sm" key={c}>{c}</Text>)}{changeList(l)}</Stack>
      : changeList(l);
  const changeList = (l: Line) => l.changes.map((c) => (
    <Text size="sm" key={c.field}>{c.field}: {c.before ?? t('registerImport.empty')} → {c.after ?? t('registerImport.empty')}</Text>
  ));
  const headers = [t('registerImport.colRow'), t('registerImport.colWho'), kind === 'reject' ? t('registerImport.colReason') : kind === 'create' ? t('registerImport.colWhat') : t('registerImport.colChange')];
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3}>{title} ({total})</Title>
      <DataTable columns={headers} label={title} empty={empty} testId={testId}
        rows={lines.map((l) => ({ key: String(l.row), cells: [l.row, l.subject, detail(l)] }))} />
      {lines.length < total && <Text size="sm" c="dimmed">{t('registerImport.more', { shown: lines.length, total })}</Text>}
    </Stack>
  );
}

/** What a file will do: rejected rows first (with reasons), then what is created and changed. */
export function PreviewResult({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const c = preview.counts;
  return (
    <Stack gap="md" data-testid="import-preview">
      <Title order={2}>{t('registerImport.previewTitle', { file: preview.fileName })}</Title>
      <Text data-testid="import-summary">{t('registerImport.summary', { rows: preview.rows, ...c })}</Text>
      <Text size="sm" c="dimmed">{t('registerImport.readAs', { format: [preview.format.toUpperCase(), preview.encoding, preview.delimiter && `"${preview.delimiter === '\t' ? 'tab' : preview.delimiter}"`].filter(Boolean).join(', ') })}</Text>
      {c.reject > 0 && <Alert color="red" variant="light">{t('registerImport.rejectedHelp')}</Alert>}
      <Section title={t('registerImport.rejectedTitle')} lines={preview.rejected} total={c.reject} kind="reject" empty={t('registerImport.nothingRejected')} testId="import-rejected" />
      <Section title={t('registerImport.createdTitle')} lines={preview.created} total={c.create} kind="create" empty={t('registerImport.nothingCreated')} testId="import-created" />
      <Section title={t('registerImport.changedTitle')} lines={preview.changed} total={c.change} kind="change" empty={t('registerImport.nothingChanged')} testId="import-changed" />
    </Stack>
  );
}

/** A file whose columns do not fit its kind: what was expected and what was found. */
export function ColumnsError({ columns }: { columns: ColumnsProblem }) {
  const { t } = useTranslation();
  const row = (label: string, list: string[]) => list.length > 0 && <Text size="sm"><b>{label}:</b> {list.join(', ')}</Text>;
  return (
    <Stack gap={4} data-testid="import-columns">
      {row(t('registerImport.missing'), columns.missing)}
      {row(t('registerImport.unknown'), columns.unknown)}
      {row(t('registerImport.repeated'), columns.repeated)}
      {row(t('registerImport.expected'), columns.expected)}
      {row(t('registerImport.found'), columns.found)}
    </Stack>
  );
}
