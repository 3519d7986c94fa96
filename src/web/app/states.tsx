import { Alert, Anchor, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';
import { useDocumentTitle } from './useDocumentTitle';

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

/** True when the server answered that the thing is not the actor's to see (or does not exist). */
export function isNotFoundOrForbidden(error: unknown): boolean {
  // 400: an address that is not an id at all; 403: the role may not see such things; 404: not found or not yours
  return isApiError(error, 400) || isApiError(error, 403) || isApiError(error, 404);
}

/** A page-level "does not exist or you may not see it" state; never says which of the two. */
export function NotFoundOrNoAccessState({ title, testId }: { title: string; testId?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Stack gap="md" py="lg" data-testid={testId}>
      <Title order={1}>{title}</Title>
      <Text>{t('app.noAccess.body')}</Text>
      <Anchor component={Link} to="/">
        {t('app.notFound.home')}
      </Anchor>
    </Stack>
  );
}
