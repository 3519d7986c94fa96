import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { formatDecimal, formatShare } from './format';
import type { Reference, ReferenceIssue } from './types';
import { useReference, useUploadReference } from './useFollowupData';

function download(reference: Reference) {
  const blob = new Blob([JSON.stringify(reference.file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = 'jamforelsetal.json';
  a.click();
  URL.revokeObjectURL(url);
}

/** The national reference figures in force (table with sources), their download as JSON, and the upload of a new file (the analyst). */
export function ReferenceSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const reference = useReference(true);
  const upload = useUploadReference();
  const [file, setFile] = useState<File | null>(null);
  const issues = isApiError(upload.error) ? (upload.error.body?.issues as ReferenceIssue[] | undefined) : undefined;
  const ref = reference.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reference-title" data-testid="reference-section">
      <Stack gap="sm">
        <Title order={2} size="h3" id="reference-title">{t('followupData.reference.title')}</Title>
        <Text size="sm">{t('followupData.reference.intro')}</Text>
        {reference.isPending && <LoadingState />}
        {reference.isError && <ErrorState error={reference.error} onRetry={() => void reference.refetch()} />}
        {ref && (
          <>
            <Text data-testid="reference-origin">{ref.uploaded
              ? t('followupData.reference.uploaded', { name: ref.file.name, on: ref.uploaded.on, by: ref.uploaded.by })
              : t('followupData.reference.shipped', { name: ref.file.name, updated: ref.file.updated })}</Text>
            <DataTable label={t('followupData.reference.tableLabel')} testId="reference-table" empty={t('followupData.reference.empty')}
              columns={[t('followupData.reference.col.measure'), t('followupData.reference.col.subject'), t('followupData.reference.col.year'),
                t('followupData.reference.col.schoolYear'), t('followupData.reference.col.value'), t('followupData.reference.col.source')]}
              rows={ref.file.figures.map((f, i) => ({ key: String(i), cells: [t(`followupData.reference.measures.${f.measure}`, { defaultValue: f.measure }),
                f.subjectCode ?? t('followupData.reference.allSubjects'), f.gradeYear, f.schoolYear,
                f.measure.startsWith('share_') ? formatShare(f.value) : formatDecimal(f.value), f.source] }))} />
            <Group><Button variant="default" onClick={() => download(ref)} data-testid="reference-download">{t('followupData.reference.download')}</Button></Group>
          </>
        )}
        {canEdit && (
          <Group align="flex-end">
            <FileInput label={t('followupData.reference.file')} placeholder={t('fileImport.choose')} accept=".json,application/json" value={file}
              onChange={(f) => { setFile(f); upload.reset(); }} clearable clearButtonProps={{ 'aria-label': t('fileImport.clear') }} w={340} data-testid="reference-file" />
            <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending} data-testid="reference-upload">{t('followupData.reference.upload')}</Button>
          </Group>
        )}
        {upload.isSuccess && <Alert color="green" role="status" data-testid="reference-uploaded">{t('followupData.reference.uploadedNow')}</Alert>}
        {upload.isError && (
          <Alert color="red" role="alert" data-testid="reference-error">
            <Text size="sm">{t(`followupData.reference.errors.${isApiError(upload.error) ? upload.error.code : 'other'}`, { defaultValue: t('followupData.reference.errors.other') })}</Text>
            {issues && <ul>{issues.map((i, n) => <li key={n}><Text size="sm">{`${i.path}: ${i.message}`}</Text></li>)}</ul>}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
