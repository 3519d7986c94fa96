import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ConfirmModal } from '../documents/ConfirmModal';
import type { Catalogue } from './types';
import { catalogueSignProblems, lockProblems } from './types';
import { useLockGrades, useSignCatalogue } from './useCatalogue';

const problemOf = (err: unknown, known: readonly string[]) => (isApiError(err) && known.includes(err.code) ? err.code : 'other');

/** "Signera betygskatalogen" for a grading teacher; "Lås betygen" for the administrator. */
export function CatalogueActions({ catalogue, personId, isAdmin, onDone }: { catalogue: Catalogue; personId: string; isAdmin: boolean;
  /** Called when signing or locking succeeded (the page then drops its own, older notice). */ onDone?: () => void }) {
  const { t } = useTranslation();
  const sign = useSignCatalogue(catalogue.group.id);
  const lock = useLockGrades(catalogue.group.id);
  const [dialog, setDialog] = useState<'sign' | 'lock' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const me = catalogue.teachers.find((x) => x.id === personId);
  const canLock = isAdmin && catalogue.decided && catalogue.lines.some((l) => l.state === 'decided');
  const close = () => {
    setDialog(null);
    sign.reset();
    lock.reset();
  };
  const onSign = () =>
    sign.mutate(catalogue.column, {
      onSuccess: () => {
        setDialog(null);
        setNotice(t('gradeCatalogue.sign.done'));
        onDone?.();
      },
    });
  const onLock = () =>
    lock.mutate(catalogue.column, {
      onSuccess: (r) => {
        setDialog(null);
        setNotice(t('gradeCatalogue.lock.done', { count: r.locked }));
        onDone?.();
      },
    });
  if (!catalogue.canSign && !canLock && !notice) return null;
  return (
    <Stack gap="sm">
      <div aria-live="polite">
        {notice && (
          <Alert color="green" data-testid="catalogue-notice">
            {notice}
          </Alert>
        )}
      </div>
      <Group gap="sm">
        {catalogue.canSign && (
          <Button onClick={() => setDialog('sign')} data-testid="catalogue-sign">
            {t('gradeCatalogue.sign.button')}
          </Button>
        )}
        {canLock && (
          <Button onClick={() => setDialog('lock')} data-testid="catalogue-lock">
            {t('gradeCatalogue.lock.button')}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={dialog === 'sign'}
        title={t('gradeCatalogue.sign.title')}
        body={
          <>
            <Text>{t('gradeCatalogue.sign.body')}</Text>
            {me && !me.licensed && <Text fw={500}>{t('gradeCatalogue.sign.unlicensed')}</Text>}
            {catalogue.missing.length > 0 && (
              <Alert color="yellow" data-testid="sign-missing" title={t('gradeCatalogue.sign.missingTitle', { count: catalogue.missing.length })}>
                {t('gradeCatalogue.sign.missing', { names: catalogue.missing.map((m) => m.name).join('; ') })}
              </Alert>
            )}
          </>
        }
        confirmLabel={t('gradeCatalogue.sign.confirm')}
        cancelLabel={t('gradeCatalogue.cancel')}
        closeLabel={t('gradeCatalogue.close')}
        error={sign.isError ? t(`gradeCatalogue.problems.${problemOf(sign.error, catalogueSignProblems)}`) : null}
        pending={sign.isPending}
        onConfirm={onSign}
        onClose={close}
        testId="sign-dialog"
      />
      <ConfirmModal
        opened={dialog === 'lock'}
        title={t('gradeCatalogue.lock.title')}
        body={t('gradeCatalogue.lock.body')}
        confirmLabel={t('gradeCatalogue.lock.confirm')}
        cancelLabel={t('gradeCatalogue.cancel')}
        closeLabel={t('gradeCatalogue.close')}
        error={lock.isError ? t(`gradeCatalogue.problems.${problemOf(lock.error, lockProblems)}`) : null}
        pending={lock.isPending}
        onConfirm={onLock}
        onClose={close}
        testId="lock-dialog"
      />
    </Stack>
  );
}
