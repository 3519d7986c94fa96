import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WithSecret } from './types';

/** A client's secret, shown this once (only its hash is kept), with a copy button and a clear warning. */
export function SecretModal({ shown, rotated, onClose }: { shown: WithSecret; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const title = t(rotated ? 'ss12000.secret.titleRotated' : 'ss12000.secret.titleCreated', { name: shown.client.name });
  return (
    <Modal opened onClose={onClose} centered size="lg" title={title} closeOnClickOutside={false} closeButtonProps={{ 'aria-label': t('ss12000.secret.close') }}>
      <Stack gap="md" data-testid="ss12000-secret">
        <Alert color="yellow" c="dark.8" role="alert">{t('ss12000.secret.warning')}</Alert>
        <Stack gap={4}>
          <Text size="sm">{t('ss12000.secret.clientId')}</Text>
          <Code fz="lg" data-testid="ss12000-secret-client-id">{shown.client.clientId}</Code>
          <Text size="sm" mt="xs">{t('ss12000.secret.secret')}</Text>
          <Code fz="lg" style={{ wordBreak: 'break-all' }} data-testid="ss12000-secret-value">{shown.secret}</Code>
        </Stack>
        <Group justify="space-between">
          <CopyButton value={shown.secret}>
            {({ copied, copy }) => (
              <Button variant="outline" onClick={copy} data-testid="ss12000-secret-copy">{copied ? t('ss12000.secret.copied') : t('ss12000.secret.copy')}</Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-autofocus data-testid="ss12000-secret-close">{t('ss12000.secret.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
