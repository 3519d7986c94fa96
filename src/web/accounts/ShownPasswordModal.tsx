import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShownPassword } from './types';

/** A new initial password, shown this once (it is in no other answer and nowhere stored). */
export function ShownPasswordModal({ shown, onClose }: { shown: ShownPassword; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} centered title={t('accounts.person.shownTitle', { name: shown.name })} closeButtonProps={{ 'aria-label': t('accounts.close') }}>
      <Stack gap="md" data-testid="shown-password">
        <Alert color="yellow" c="dark.8">{t('accounts.person.shownOnce')}</Alert>
        <Stack gap={4}>
          <Text size="sm">{t('accounts.person.shownUsername')}</Text>
          <Code fz="xl" data-testid="shown-username">{shown.username}</Code>
          <Text size="sm" mt="xs">{t('accounts.person.shownPassword')}</Text>
          <Code fz="xl" data-testid="shown-password-value">{shown.password}</Code>
        </Stack>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>{t('accounts.person.shownClose')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
