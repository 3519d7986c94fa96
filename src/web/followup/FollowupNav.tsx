import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mainNavClasses } from '../grading/overview/GradingNav';
import { isModuleOn } from '../organisation/RequireModule';
import type { SessionBody } from '../session/types';

/** The top-bar entry "Uppföljning" for teachers, principals and analysts (module on). */
export function FollowupNav({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const roles = ['teacher', 'principal', 'analyst'];
  if (!isModuleOn(session, 'followup') || !roles.includes(session.current.role) || !session.allowedActions.includes('followup.view')) return null;
  return (
    <nav aria-label={t('followup.navLabel')} className={mainNavClasses.nav}>
      <ul className={mainNavClasses.navList}>
        <li><NavLink to="/uppfoljning" className={mainNavClasses.navLink} data-testid="nav-followup">{t('followup.nav')}</NavLink></li>
      </ul>
    </nav>
  );
}
