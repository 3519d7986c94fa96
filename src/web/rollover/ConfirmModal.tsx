import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A yes/cancel question before a step that changes the whole unit's register. */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  body: string;
  confirm: string;
  pending: boolean;
  error: ReactNode;
  onClose: () => void;
  onConfirm: () => void;
  testId: string;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered closeButtonProps={{ 'aria-label': t('rollover.cancel') }}>
      <Stack gap="md">
        <Text>{props.body}</Text>
        {props.error && (
          <Alert color="red" role="alert" data-testid={`${props.testId}-error`}>
            {props.error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('rollover.cancel')}
          </Button>
          <Button color={props.color} loading={props.pending} onClick={props.onConfirm} data-testid={props.testId}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
