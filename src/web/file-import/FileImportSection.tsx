import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { DataTable } from '../app/DataTable';
import { ColumnsError } from '../admin/import/PreviewResult';
import type { ColumnsProblem } from '../admin/import/types';
import { useCurrentSession } from '../session/useSession';
import { uploadFile } from './uploadFile';

export type LineStatus = 'new' | 'changed' | 'unchanged' | 'rejected';
export interface ImportLine { row: number; status: LineStatus; errors: { column: string | null; message: string }[] }
export interface ImportReport<L extends ImportLine> {
  fileName: string; rows: number; counts: Record<LineStatus, number>; lines: L[]; written: number;
}
export interface LineColumn<L> { header: string; cell: (line: L) => ReactNode }

const STATUS_COLOUR: Record<LineStatus, string> = { new: 'green', changed: 'blue', unchanged: 'gray', rejected: 'red' };

/**
 * A file import with a preview: choose a file, see every row (what it will do, or why it is refused, with the
 * column), then import the valid rows; the outcome is shown with its counts. Used by every import of the
 * follow-up's data (national test results, unit and pupil background).
 */
export function FileImportSection<L extends ImportLine>({ id, title, intro, previewUrl, importUrl, templateHref, columns, onImported }: {
  id: string; title: string; intro: ReactNode; previewUrl: string; importUrl: string; templateHref?: string;
  columns: LineColumn<L>[]; onImported?: () => void;
}) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => uploadFile<ImportReport<L>>(previewUrl, f, session.csrfToken) });
  const apply = useMutation({ mutationFn: (f: File) => uploadFile<ImportReport<L>>(importUrl, f, session.csrfToken), onSuccess: () => onImported?.() });
  useEffect(() => { preview.reset(); apply.reset(); }, [file]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = apply.data ?? preview.data;
  const error = preview.error ?? apply.error;
  const toWrite = preview.data ? preview.data.counts.new + preview.data.counts.changed : 0;
  const columnsProblem = isApiError(error) ? (error.body?.columns as ColumnsProblem | undefined) : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${id}-title`}>{title}</Title>
        <Text size="sm">{intro}</Text>
        {templateHref && <Anchor href={templateHref} download data-testid={`${id}-template`}>{t('fileImport.template')}</Anchor>}
        <Group align="flex-end">
          <FileInput label={t('fileImport.file')} placeholder={t('fileImport.choose')} accept=".csv,.txt,.xlsx" value={file} onChange={setFile}
            clearable clearButtonProps={{ 'aria-label': t('fileImport.clear') }} data-testid={`${id}-file`} w={340} />
          <Button onClick={() => file && preview.mutate(file)} disabled={!file} loading={preview.isPending} data-testid={`${id}-preview`}>
            {t('fileImport.previewButton')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" data-testid={`${id}-error`}>
            <Stack gap="xs">
              <Text size="sm">{isApiError(error) ? t(`fileImport.errors.${error.code}`, { defaultValue: error.message }) : t('fileImport.errors.other')}</Text>
              {columnsProblem && <ColumnsError columns={columnsProblem} />}
            </Stack>
          </Alert>
        )}
        {shown && (
          <Stack gap="sm">
            {apply.data
              ? <Alert color="green" role="status" data-testid={`${id}-done`}>{t('fileImport.done', { count: apply.data.written, rejected: apply.data.counts.rejected })}</Alert>
              : <Text fw={600} role="status" data-testid={`${id}-counts`}>{t('fileImport.counts', shown.counts)}</Text>}
            <DataTable label={t('fileImport.tableLabel', { file: shown.fileName })} testId={`${id}-lines`} empty={t('fileImport.noRows')}
              columns={[t('fileImport.row'), ...columns.map((c) => c.header), t('fileImport.status')]}
              rows={shown.lines.map((l) => ({ key: String(l.row), cells: [l.row, ...columns.map((c) => c.cell(l)), <LineState key="s" line={l} />] }))} />
            {!apply.data && preview.data && (toWrite > 0
              ? <Group><Button onClick={() => file && apply.mutate(file)} loading={apply.isPending} data-testid={`${id}-apply`}>{t('fileImport.applyButton', { count: toWrite })}</Button></Group>
              : <Text size="sm" data-testid={`${id}-nothing`}>{t('fileImport.nothingToDo')}</Text>)}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function LineState({ line }: { line: ImportLine }) {
  const { t } = useTranslation();
  if (line.status !== 'rejected') return <Badge color={STATUS_COLOUR[line.status]} variant="light">{t(`fileImport.statuses.${line.status}`)}</Badge>;
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light">{t('fileImport.statuses.rejected')}</Badge>
      {line.errors.map((e, i) => <Text key={i} size="sm">{e.column ? `${e.column}: ${e.message}` : e.message}</Text>)}
    </Stack>
  );
}
