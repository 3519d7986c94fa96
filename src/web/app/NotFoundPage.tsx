import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFound.title'));
  return (
    <Stack gap="md" py="lg">
      <Title order={1}>{t('app.notFound.title')}</Title>
      <Text>{t('app.notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('app.notFound.home')}
      </Anchor>
    </Stack>
  );
}
