import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mainNavClasses } from '../grading/overview/GradingNav';
import { isModuleOn } from '../organisation/RequireModule';
import type { SessionBody } from '../session/types';

/** The menu entries of planning: "Planering" for teachers and the principal (module on; "Kursplaner" is reached
 *  from its page, to keep the top bar short), "Kursplaner" for other staff. */
export function PlanningNav({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const can = (a: string) => session.allowedActions.includes(a);
  const staff = ['teacher', 'principal', 'administrator'].includes(session.current.role);
  const items: { to: string; label: string; testId: string }[] = [];
  if (isModuleOn(session, 'planning') && staff && can('plannings.view')) items.push({ to: '/planering', label: t('planning.nav'), testId: 'nav-planning' });
  if (items.length === 0 && staff && can('curriculum.view')) items.push({ to: '/kursplaner', label: t('curriculum.nav'), testId: 'nav-curriculum' });
  if (items.length === 0) return null;
  return (
    <nav aria-label={t('planning.navLabel')} className={mainNavClasses.nav}>
      <ul className={mainNavClasses.navList}>
        {items.map((i) => (
          <li key={i.to}><NavLink to={i.to} className={mainNavClasses.navLink} data-testid={i.testId}>{i.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
