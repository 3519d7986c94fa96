import { Button, Menu } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../app/i18n';
import type { SessionBody } from './types';
import { useLogout } from './useSession';

const LANGUAGE_NAMES: Record<Language, string> = { sv: 'Svenska', en: 'English' };

/** The name menu: own contact details, language, log out. */
export function UserMenu({ session }: { session: SessionBody }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const name = session.person.displayName;

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <Menu position="bottom-end" width={230} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" aria-label={t('session.topbar.userMenu', { name })} data-testid="user-menu">
          {name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/kontaktuppgifter">
          {t('session.topbar.contact')}
        </Menu.Item>
        <Menu.Item component={Link} to="/byt-losenord" data-testid="change-password">
          {t('accounts.menu')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('session.topbar.language')}</Menu.Label>
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            onClick={() => setLanguage(lng)}
            aria-current={i18n.language === lng ? 'true' : undefined}
            fw={i18n.language === lng ? 700 : undefined}
            rightSection={i18n.language === lng ? '✓' : undefined}
          >
            {LANGUAGE_NAMES[lng]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={onLogout} data-testid="logout">
          {t('session.topbar.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
