import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useUnconfirm } from './useRegister';
import { useErrorText } from './useCellSaves';

/** The administrator removes a confirmation, with a reason kept in the grade's history. */
export function UnconfirmDialog({
  groupId, gradeId, title, onClose, onDone,
}: {
  groupId: string;
  gradeId: string | null;
  title: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const unconfirm = useUnconfirm(groupId);
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const tooShort = reason.trim().length < 3;
  const close = () => {
    setReason('');
    setShowError(false);
    setProblem(null);
    onClose();
  };
  const submit = () => {
    setShowError(true);
    setProblem(null);
    if (tooShort || !gradeId) return;
    unconfirm.mutate(
      { gradeId, reason: reason.trim() },
      {
        onSuccess: () => {
          onDone(t('gradeRegister.unconfirm.done'));
          close();
        },
        onError: (e) => setProblem(isApiError(e, 409) ? t('gradeRegister.unconfirm.notConfirmed') : errorText(e)),
      },
    );
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('gradeRegister.close') }} opened={gradeId !== null} onClose={close} title={t('gradeRegister.unconfirm.title', { cell: title })} size="lg">
      <Stack gap="md">
        <Textarea
          label={t('gradeRegister.unconfirm.reason')}
          description={t('gradeRegister.unconfirm.reasonHelp')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          error={showError && tooShort ? t('gradeRegister.unconfirm.reasonTooShort') : undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('gradeRegister.confirm.cancel')}
          </Button>
          <Button color="red.9" onClick={submit} loading={unconfirm.isPending} data-testid="unconfirm-submit">
            {t('gradeRegister.unconfirm.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
