import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { isApiError, SESSION_ENDED_KEY } from '../app/api';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { EidLogin, eidErrorKey, useEidProviders } from './EidLogin';
import { useOrganiser } from './useOrganiser';
import { useLogin, useSession } from './useSession';

const KNOWN_ERRORS: Record<number, string> = {
  401: 'invalid_credentials',
  423: 'account_locked',
  429: 'too_many_attempts',
};

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('session.login.title'));
  const navigate = useNavigate();
  const location = useLocation();
  // back to where the user was when the session ended (an in-app path only)
  const from = (location.state as { from?: unknown } | null)?.from;
  const target = typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
  const [ended] = useState(() => {
    const was = sessionStorage.getItem(SESSION_ENDED_KEY) === '1';
    sessionStorage.removeItem(SESSION_ENDED_KEY);
    return was;
  });
  const session = useSession();
  const login = useLogin();
  const organiser = useOrganiser();
  const withEid = (useEidProviders().data?.providers.length ?? 0) > 0;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (login.isSuccess) navigate(target, { replace: true });
  }, [login.isSuccess, navigate, target]);

  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to="/" replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate({ username: username.trim(), password });
  };

  const eidError = eidErrorKey(location.search);
  let error: string | null = missing ? t('session.login.required') : null;
  if (!error && login.error) {
    const key = isApiError(login.error) ? KNOWN_ERRORS[login.error.status] : undefined;
    error = t(`session.login.errors.${key ?? 'other'}`);
  }
  if (!error && eidError && !login.isPending) error = t(eidError);

  return (
    <Container size={420} py="xl" component="main" id="main">
      <Text fw={700} fz="xl" c="larka.8" ta="center" mb={organiser.data ? 0 : 'md'}>
        {t('app.productName')}
      </Text>
      {organiser.data && (
        <Text ta="center" mb="md" data-testid="organiser-name">
          {organiser.data.name}
        </Text>
      )}
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('session.login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(withEid ? 'session.login.eid.intro' : 'session.login.intro')}
            </Text>
            {ended && !error && (
              <Alert color="blue" role="status" data-testid="session-ended">
                {t('session.login.ended')}
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {error}
              </Alert>
            )}
            <EidLogin target={target} />
            <TextInput
              label={t('session.login.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              withAsterisk={false}
              data-autofocus
            />
            <PasswordInput
              label={t('session.login.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              withAsterisk={false}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('session.login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {organiser.data?.contact && (
        <Text size="sm" ta="center" mt="md" data-testid="organiser-contact">
          {t('session.login.questions', { contact: organiser.data.contact })}
        </Text>
      )}
    </Container>
  );
}
