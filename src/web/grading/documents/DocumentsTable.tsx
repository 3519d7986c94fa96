import { useState } from 'react';
import { Alert, Anchor, Box, Button, Checkbox, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import tableClasses from '../../app/DataTable.module.css';
import { formatDate } from '../../app/format';
import { ConfirmModal } from './ConfirmModal';
import { documentPdfPath, givenFirst, type DocumentKind, type GradeDocument } from './types';
import { useHandOut, useRefreshDocuments, useSignDocument } from './useDocuments';

/** The documents of a kind: select rows; sign one or all selected (sequentially); hand out the signed ones. */
export function DocumentsTable({
  kind,
  documents,
  canSign,
  canHandOut,
}: {
  kind: DocumentKind;
  documents: GradeDocument[];
  canSign: boolean;
  canHandOut: boolean;
}) {
  const { t } = useTranslation();
  const sign = useSignDocument();
  const handOut = useHandOut();
  const refresh = useRefreshDocuments();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [signing, setSigning] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [confirmHandOut, setConfirmHandOut] = useState(false);
  const label = t('gradeDocuments.table', { kind: t(`gradeDocuments.tabs.${kind}`) });
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chosen = documents.filter((d) => selected.has(d.id));
  const toSign = chosen.filter((d) => !d.signedAt);
  const toHandOut = chosen.filter((d) => d.signedAt && !d.handedOutAt);
  const busy = signing !== null || handOut.isPending;

  const signAll = async (docs: GradeDocument[]) => {
    setNotice(null);
    setErrors([]);
    setSigning({ done: 0, total: docs.length });
    const failed: string[] = [];
    let ok = 0;
    for (const d of docs) {
      try {
        await sign.mutateAsync(d.id);
        ok += 1;
      } catch (err) {
        failed.push(
          isApiError(err, 403) && kind === 'final' ? t('gradeDocuments.finalPrincipalOnly') : t('gradeDocuments.signFailed', { name: givenFirst(d.name) }),
        );
      }
      setSigning((p) => (p ? { ...p, done: p.done + 1 } : p));
    }
    await refresh();
    setSigning(null);
    setErrors(failed);
    if (ok) setNotice(t('gradeDocuments.signedCount', { count: ok }));
  };

  const doHandOut = () =>
    handOut.mutate(
      toHandOut.map((d) => d.id),
      {
        onSuccess: (r) => {
          setConfirmHandOut(false);
          setSelected(new Set());
          setNotice(t('gradeDocuments.handOut.done', { count: r.handedOut.length }));
        },
      },
    );

  const allSelected = documents.length > 0 && documents.every((d) => selected.has(d.id));
  return (
    <Stack gap="sm">
      {(canSign || canHandOut) && documents.length > 0 && (
        <Group gap="sm">
          {canSign && (
            <Button onClick={() => void signAll(toSign)} disabled={toSign.length === 0 || busy} data-testid="sign-selected">
              {t('gradeDocuments.signSelected')}
            </Button>
          )}
          {canHandOut && (
            <Button variant="outline" onClick={() => setConfirmHandOut(true)} disabled={toHandOut.length === 0 || busy} data-testid="hand-out">
              {t('gradeDocuments.handOut.button')}
            </Button>
          )}
        </Group>
      )}
      {signing && (
        <Progress.Root size="lg">
          <Progress.Section value={signing.total ? (signing.done / signing.total) * 100 : 0} aria-label={t('gradeDocuments.signing')}
            aria-valuetext={t('gradeDocuments.create.progressText', { done: signing.done, total: signing.total })} data-testid="sign-progress" />
        </Progress.Root>
      )}
      <div aria-live="polite">
        {notice && <Alert color="green" data-testid="documents-notice">{notice}</Alert>}
        {errors.map((e) => (
          <Alert key={e} color="red" role="alert" mt="xs">
            {e}
          </Alert>
        ))}
      </div>
      {documents.length === 0 ? (
        <Text c="dimmed" data-testid="documents-empty">
          {t('gradeDocuments.empty')}
        </Text>
      ) : (
        <Box className={tableClasses.scroll} tabIndex={0} role="region" aria-label={label}>
          <Table striped highlightOnHover withTableBorder miw={720} aria-label={label} data-testid="documents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={48}>
                  <Checkbox aria-label={t('gradeDocuments.selectAll')} checked={allSelected}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(documents.map((d) => d.id)) : new Set())} />
                </Table.Th>
                {(['pupil', 'made', 'signed', 'signedAt', 'handedOut', 'pdf'] as const).map((c) => (
                  <Table.Th key={c} scope="col">{t(`gradeDocuments.col.${c}`)}</Table.Th>
                ))}
                {canSign && <Table.Th scope="col">{t('gradeDocuments.col.action')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((d) => (
                <Table.Tr key={d.id} data-testid="document-row">
                  <Table.Td>
                    <Checkbox aria-label={t('gradeDocuments.selectRow', { name: givenFirst(d.name) })} checked={selected.has(d.id)}
                      onChange={(e) => toggle(d.id, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Th scope="row" fw={500}>{d.name}</Table.Th>
                  <Table.Td>{formatDate(d.createdAt)}</Table.Td>
                  <Table.Td data-testid="document-signed-by">{d.signedBy ?? t('gradeDocuments.notSigned')}</Table.Td>
                  <Table.Td>{d.signedAt ?? '–'}</Table.Td>
                  <Table.Td data-testid="document-handed-out">{d.handedOutAt ?? t('gradeDocuments.notHandedOut')}</Table.Td>
                  <Table.Td>
                    <Anchor href={documentPdfPath(d.id)} target="_blank" rel="noopener" aria-label={t('gradeDocuments.pdfLabel', { name: givenFirst(d.name) })}>
                      {t('gradeDocuments.pdf')}
                    </Anchor>
                  </Table.Td>
                  {canSign && (
                    <Table.Td>
                      {d.signedAt ? '–' : (
                        <Button size="xs" variant="outline" disabled={busy} onClick={() => void signAll([d])}
                          aria-label={t('gradeDocuments.signLabel', { name: givenFirst(d.name) })}>
                          {t('gradeDocuments.sign')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      <ConfirmModal
        opened={confirmHandOut}
        title={t('gradeDocuments.handOut.title')}
        body={t('gradeDocuments.handOut.body', { count: toHandOut.length })}
        confirmLabel={t('gradeDocuments.handOut.confirm')}
        cancelLabel={t('gradeDocuments.cancel')}
        closeLabel={t('gradeDocuments.close')}
        error={handOut.isError ? t(isApiError(handOut.error) && handOut.error.code === 'not_signed' ? 'gradeDocuments.handOut.not_signed' : 'gradeDocuments.handOut.failed') : null}
        pending={handOut.isPending}
        onConfirm={doHandOut}
        onClose={() => {
          setConfirmHandOut(false);
          handOut.reset();
        }}
        testId="hand-out-dialog"
      />
    </Stack>
  );
}
