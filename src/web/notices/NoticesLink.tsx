import { Badge } from '@mantine/core';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionBody } from '../session/types';
import { mainNavClasses } from '../grading/overview/GradingNav';
import { noticesPath, useNotices } from './useNotices';

/** "Meddelanden" in the top bar, with the number unread (also in its accessible name). */
export function NoticesLink({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const notices = useNotices(session.current.role);
  const unread = notices.data?.unread ?? 0;
  return (
    <nav aria-label={t('notices.nav')} className={mainNavClasses.nav}>
      <ul className={mainNavClasses.navList}>
        <li>
          <NavLink to={noticesPath} className={mainNavClasses.navLink} data-testid="nav-notices"
            aria-label={unread ? t('notices.navUnread', { count: unread }) : t('notices.nav')}>
            {t('notices.nav')}
            {unread > 0 && <Badge ml={6} size="sm" color="red.9" circle aria-hidden="true" data-testid="notices-unread">{unread}</Badge>}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
