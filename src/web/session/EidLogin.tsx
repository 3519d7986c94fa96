import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Divider, Stack, Text } from '@mantine/core';
import { isEidRefusal } from '../../domain/oidc/refusals';
import { apiGet } from '../app/api';

interface EidProvider {
  id: string;
  label: string;
}

/** The e-ID providers this deployment offers (public: shown before anyone signs in). */
export function useEidProviders() {
  return useQuery({
    queryKey: ['eid-providers'],
    queryFn: () => apiGet<{ providers: EidProvider[] }>('/api/auth/oidc/providers'),
    staleTime: Infinity,
  });
}

/** A button per e-ID provider: a full navigation to the provider (the server redirects), back to `target`. */
export function EidLogin({ target }: { target: string }) {
  const { t } = useTranslation();
  const providers = useEidProviders().data?.providers ?? [];
  if (providers.length === 0) return null;
  const returnTo = target === '/' ? '' : `?returnTo=${encodeURIComponent(target)}`;
  return (
    <Stack gap="xs" data-testid="eid-login">
      {providers.map((p) => (
        <Button key={p.id} component="a" href={`/api/auth/oidc/${encodeURIComponent(p.id)}/start${returnTo}`} variant="filled" color="larka" fullWidth>
          {p.label}
        </Button>
      ))}
      <Text size="xs" c="dimmed" ta="center">
        {t('session.login.eid.hint')}
      </Text>
      <Divider label={t('session.login.eid.or')} labelPosition="center" />
    </Stack>
  );
}

/** The message for a refused e-ID login (the server sends the browser to /login?error=<reason>). */
export function eidErrorKey(search: string): string | null {
  const reason = new URLSearchParams(search).get('error');
  if (!reason) return null;
  return isEidRefusal(reason) ? `session.login.eid.errors.${reason}` : 'session.login.eid.errors.other';
}

