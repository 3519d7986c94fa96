import { useState } from 'react';
import { Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ErrorState, LoadingState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { CreateDocuments } from './CreateDocuments';
import { DocumentsTable } from './DocumentsTable';
import { DownloadDocuments } from './DownloadDocuments';
import { DOCUMENT_KINDS, type DocumentKind } from './types';
import { useDocuments } from './useDocuments';

function KindPanel({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const list = useDocuments(kind, session.current);
  const role = session.current.role;
  if (list.isPending) return <LoadingState />;
  if (isApiError(list.error, 403)) {
    return (
      <Stack gap="xs" py="md" data-testid="documents-no-delegation">
        <Text fw={600}>{t('gradeDocuments.noDelegation')}</Text>
        <Text>{t('gradeDocuments.noDelegationBody')}</Text>
      </Stack>
    );
  }
  if (!list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  // final grade documents are signed by the principal only; term documents also by a delegate (a teacher)
  const canSign = role === 'principal' || (role === 'teacher' && kind === 'term');
  return (
    <Stack gap="lg" py="md">
      <Text c="dimmed">{t('gradeDocuments.intro', { term: list.data.term.label })}</Text>
      {role === 'administrator' && <CreateDocuments kind={kind} />}
      {role === 'administrator' && list.data.documents.length > 0 && <DownloadDocuments kind={kind} />}
      <DocumentsTable
        kind={kind}
        documents={list.data.documents}
        canSign={canSign}
        canHandOut={role === 'administrator' || role === 'principal'}
      />
    </Stack>
  );
}

/** /betyg/dokument — grade documents of the unit this term: make (administrator), sign (principal/delegate), hand out. */
export function GradeDocumentsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('term');
  const { current } = useCurrentSession();
  useDocumentTitle(t('gradeDocuments.title'));
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('gradeDocuments.title')}</Title>
      {(current.role === 'principal' || current.role === 'administrator') && (
        <Anchor href="/api/grading/history.xlsx" download data-testid="history-export">{t('gradeDocuments.historyExport')}</Anchor>
      )}
      <Tabs value={kind} onChange={(v) => v && setKind(v as DocumentKind)} keepMounted={false}>
        <Tabs.List aria-label={t('gradeDocuments.tabsLabel')}>
          {DOCUMENT_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`documents-tab-${k}`}>
              {t(`gradeDocuments.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {DOCUMENT_KINDS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            <KindPanel kind={k} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
