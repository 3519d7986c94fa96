import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionBody } from '../../session/types';
import { isModuleOn } from '../../organisation/RequireModule';
import classes from './grading.module.css';

interface Item {
  to: string;
  label: string;
  testId: string;
}

/** The links of the main menu the current context may use: "Betyg" (group list or grading periods), "Mina elever", "Frånvaro", "Administration". */
export function mainNavItems(session: SessionBody, t: (key: string) => string): Item[] {
  // the grading entries only while the organiser has the grading module switched on
  const grading = isModuleOn(session, 'grading');
  const can = (a: string) => session.allowedActions.includes(a) && (grading || !a.startsWith('grades.'));
  const items: Item[] = [];
  if (can('grades.register')) items.push({ to: '/betyg', label: t('gradingOverview.nav.grading'), testId: 'nav-grading' });
  if (can('grades.administer')) {
    items.push({
      to: '/betyg/perioder',
      // an administrator who does not grade sees one "Betyg" entry, leading to the periods
      label: items.length ? t('gradingOverview.periods.title') : t('gradingOverview.nav.grading'),
      testId: items.length ? 'nav-grading-periods' : 'nav-grading',
    });
  }
  if (can('pupils.view.own')) items.push({ to: '/mina-elever', label: t('myPupils.nav'), testId: 'nav-my-pupils' });
  if (can('self.view')) items.push({ to: '/mitt', label: t('portal.mine'), testId: 'nav-my-page' });
  if (grading && can('national-tests.register')) items.push({ to: '/nationella-prov', label: t('nationalTests.nav'), testId: 'nav-national-tests' });
  if (session.current.role === 'teacher' && can('attendance.register') && isModuleOn(session, 'absence')) items.push({ to: '/narvaro', label: t('attendance.nav'), testId: 'nav-attendance' });
  // absence: the overview for mentors and the unit's staff; student health goes straight to the investigations
  if (isModuleOn(session, 'absence')) {
    if (can('absence.overview')) items.push({ to: '/franvaro', label: t('absence.nav'), testId: 'nav-absence' });
    else if (can('absence.investigations.view')) items.push({ to: '/franvaro/utredningar', label: t('absence.navInvestigations'), testId: 'nav-absence-investigations' });
  }
  if (can('action-programmes.decide') && isModuleOn(session, 'planning')) items.push({ to: '/atgardsprogram', label: t('actionProgrammes.nav'), testId: 'nav-action-programmes' });
  if (can('register.administer')) items.push({ to: '/admin', label: t('admin.nav'), testId: 'nav-admin' });
  return items;
}

/** The main menu of the top bar: a labelled nav landmark; nothing when the context has no menu entries. */
export function MainNav({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const items = mainNavItems(session, t);
  if (items.length === 0) return null;
  return (
    <nav aria-label={t('gradingOverview.nav.label')} className={classes.nav}>
      <ul className={classes.navList}>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} className={classes.navLink} data-testid={i.testId}>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export { classes as mainNavClasses };
