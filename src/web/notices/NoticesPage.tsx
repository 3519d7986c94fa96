import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatStamp } from '../absence-reports/types';
import { useCurrentSession } from '../session/useSession';
import { useMarkRead, useNotices } from './useNotices';

/** "Meddelanden" (/meddelanden): own notices, newest first; unread ones marked and can be marked read. */
export function NoticesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notices.title'));
  const notices = useNotices(useCurrentSession().current.role);
  const markRead = useMarkRead();
  if (notices.isPending) return <LoadingState />;
  if (notices.isError) return <ErrorState onRetry={() => void notices.refetch()} />;
  return (
    <Stack gap="lg" py="md">
      <Title order={1}>{t('notices.title')}</Title>
      {notices.data.notices.length === 0 && <Text data-testid="notices-empty">{t('notices.empty')}</Text>}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }} data-testid="notices-list">
        {notices.data.notices.map((n) => (
          <Card component="li" key={n.id} withBorder padding="md" radius="md" data-testid="notice">
            <Group justify="space-between" align="flex-start">
              <Title order={2} size="h4">{n.title}</Title>
              {!n.readAt && <Badge color="red.9" variant="filled" tt="none">{t('notices.unread')}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">{t('notices.received', { date: formatStamp(n.createdAt) })}</Text>
            <Text mt="xs" style={{ whiteSpace: 'pre-line' }}>{n.body}</Text>
            {!n.readAt && (
              <Group mt="sm">
                <Button size="xs" variant="outline" onClick={() => markRead.mutate(n.id)} aria-label={t('notices.markReadLabel', { title: n.title, day: n.day })}
                  data-testid="mark-read">{t('notices.markRead')}</Button>
              </Group>
            )}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
