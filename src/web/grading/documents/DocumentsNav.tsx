import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionBody } from '../../session/types';
import { mainNavClasses } from '../overview/GradingNav';
import { isModuleOn } from '../../organisation/RequireModule';
import { documentsPath } from './types';

/** Whether the context sees "Betygsdokument" in the menu: the administrator and the principal. */
export function mayOpenDocuments(session: SessionBody): boolean {
  if (!isModuleOn(session, 'grading')) return false;
  return session.allowedActions.includes('grades.administer') || session.current.role === 'principal';
}

/** The "Betygsdokument" menu entry of the top bar (a nav of its own beside the grading menu). */
export function DocumentsNav({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  if (!mayOpenDocuments(session)) return null;
  return (
    <nav aria-label={t('gradeDocuments.navLabel')} className={mainNavClasses.nav}>
      <ul className={mainNavClasses.navList}>
        <li>
          <NavLink to={documentsPath} className={mainNavClasses.navLink} data-testid="nav-grade-documents">
            {t('gradeDocuments.nav')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
