import { useState } from 'react';
import { Anchor, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { byName } from '../../app/format';
import { useCurrentSession } from '../../session/useSession';
import { useStart } from '../../start/useStart';
import type { DocumentKind } from './types';

/** A class's documents in bulk: a ZIP with one PDF per pupil, or one combined PDF to print. */
export function DownloadDocuments({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const start = useStart(session.current);
  const [classId, setClassId] = useState<string | null>(null);
  const classes = start.data?.kind === 'administrator' ? byName(start.data.classes) : [];
  const href = (format: 'zip' | 'pdf') =>
    `/api/grading/documents/bundle?kind=${kind}&classId=${encodeURIComponent(classId ?? '')}&format=${format}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="download-documents-title" data-testid="download-documents">
      <Stack gap="sm">
        <Title order={2} size="h3" id="download-documents-title">{t('gradeDocuments.download.title')}</Title>
        <Text size="sm" c="dimmed">{t('gradeDocuments.download.help')}</Text>
        <Group align="flex-end" gap="md">
          <Select label={t('gradeDocuments.create.class')} placeholder={t('gradeDocuments.create.classPlaceholder')}
            data={classes.map((c) => ({ value: c.id, label: c.name }))} value={classId} onChange={setClassId} searchable w={240}
            data-testid="download-class" />
          {classId && (
            <>
              <Anchor href={href('zip')} download data-testid="download-zip">{t('gradeDocuments.download.zip')}</Anchor>
              <Anchor href={href('pdf')} download data-testid="download-pdf">{t('gradeDocuments.download.pdf')}</Anchor>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
