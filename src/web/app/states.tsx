import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadingState({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih={fullPage ? '100vh' : 120} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text size="sm">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function ErrorState({
  onRetry,
  fullPage = false,
}: {
  error?: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Center mih={fullPage ? '100vh' : undefined} p="md">
      <Alert color="red" role="alert" maw={480}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('app.unexpectedError')}</Text>
          {onRetry && (
            <Button variant="outline" color="red" size="xs" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    </Center>
  );
}
