import { Badge, VisuallyHidden } from '@mantine/core';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionBody } from '../session/types';
import { mainNavClasses } from '../grading/overview/GradingNav';
import { noticesPath, useNotices } from './useNotices';

/** "Meddelanden" in the top bar, with the number unread (read out as "1 oläst"). */
export function NoticesLink({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const notices = useNotices(session.current.role);
  const unread = notices.data?.unread ?? 0;
  return (
    <nav aria-label={t('notices.nav')} className={mainNavClasses.nav}>
      <ul className={mainNavClasses.navList}>
        <li>
          <NavLink to={noticesPath} className={mainNavClasses.navLink} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} data-testid="nav-notices">
            {t('notices.nav')}
            {unread > 0 && (
              <>
                {' '}
                <Badge size="sm" color="red.9" circle data-testid="notices-unread">{unread}</Badge>
                <VisuallyHidden> {t('notices.unreadSuffix', { count: unread })}</VisuallyHidden>
              </>
            )}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
