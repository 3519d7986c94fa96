import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Container, Group, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../../domain/accounts/password-rules';
import { apiPut, isApiError, setCsrfToken } from '../app/api';
import { useDocumentTitle } from '../app/useDocumentTitle';
import type { SessionBody } from '../session/types';
import { SESSION_KEY, useCurrentSession, useLogout } from '../session/useSession';

const SERVER_ERRORS = ['current_password_wrong', 'password_too_short', 'password_too_long', 'password_too_simple', 'password_contains_username', 'password_reused'];

/** "Byt lösenord": a person chooses their own password — required after an administrator set it (the
 *  server refuses everything else until then), and open to anyone from the name menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.change.title'));
  const session = useCurrentSession();
  const forced = session.mustChangePassword;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const logout = useLogout();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => apiPut<SessionBody>('/api/me/password', { currentPassword: current, newPassword: next }),
    onSuccess: async (body) => {
      setCsrfToken(body.csrfToken);
      qc.setQueryData(SESSION_KEY, body);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      navigate('/', { replace: true });
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const rule = passwordProblem(next, session.username);
    const local = !current ? 'current_password_wrong' : rule ?? (next !== repeat ? 'mismatch' : null);
    setProblem(local);
    if (!local) change.mutate();
  };
  const serverCode = change.error && isApiError(change.error) && SERVER_ERRORS.includes(change.error.code) ? change.error.code : change.error ? 'other' : null;
  const error = problem ?? serverCode;

  return (
    <Container size={480} py="xl" component="main" id="main">
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h2">{t('accounts.change.title')}</Title>
            {forced && <Alert color="yellow" c="dark.8" data-testid="password-change-required">{t('accounts.change.forced')}</Alert>}
            <Text size="sm">{session.person.displayName} ({session.username})</Text>
            {error && <Alert color="red" role="alert" data-testid="password-error">{t(`accounts.change.errors.${error}`)}</Alert>}
            <PasswordInput label={forced ? t('accounts.change.currentForced') : t('accounts.change.current')} autoComplete="current-password"
              value={current} onChange={(e) => setCurrent(e.currentTarget.value)} data-autofocus data-testid="password-current" />
            <PasswordInput label={t('accounts.change.next')} autoComplete="new-password" value={next}
              onChange={(e) => setNext(e.currentTarget.value)} aria-describedby="password-rules" data-testid="password-new" />
            <PasswordInput label={t('accounts.change.repeat')} autoComplete="new-password" value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)} data-testid="password-repeat" />
            <div id="password-rules">
              <Text size="sm" fw={600}>{t('accounts.change.rulesTitle')}</Text>
              <List size="sm">
                <List.Item>{t('accounts.change.rules.length')}</List.Item>
                <List.Item>{t('accounts.change.rules.username')}</List.Item>
                <List.Item>{t('accounts.change.rules.old')}</List.Item>
              </List>
            </div>
            <Button type="submit" loading={change.isPending} fullWidth data-testid="password-submit">{t('accounts.change.submit')}</Button>
            <Group justify="center">
              {forced ? (
                <Anchor component="button" type="button" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
                  {t('accounts.change.logout')}
                </Anchor>
              ) : (
                <Anchor component={Link} to="/">{t('accounts.change.back')}</Anchor>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
