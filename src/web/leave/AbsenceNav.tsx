import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mainNavClasses } from '../grading/overview/GradingNav';
import { isModuleOn } from '../organisation/RequireModule';
import type { SessionBody } from '../session/types';
import { reportAbsencePath } from '../absence-reports/types';
import { leaveDecisionsPath, leavePath } from './types';
import { useLeaveQueue } from './useLeave';

const STAFF = ['teacher', 'administrator', 'principal'];

/** The absence module's menu entries: for a guardian "Anmäl frånvaro" and "Ledighet"; for the principal and
 *  staff who decide on leave (a delegation), "Ledighetsansökningar". Nothing while the module is off. */
export function AbsenceNav({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const on = isModuleOn(session, 'absence');
  const role = session.current.role;
  const staff = on && STAFF.includes(role);
  const queue = useLeaveQueue(session.current, staff && role !== 'principal');
  const items: { to: string; label: string; testId: string }[] = [];
  if (on && role === 'guardian') {
    items.push({ to: reportAbsencePath, label: t('absenceReports.nav'), testId: 'nav-report-absence' }, { to: leavePath, label: t('leave.nav'), testId: 'nav-leave' });
  }
  if (staff && (role === 'principal' || queue.data?.mayDecide)) items.push({ to: leaveDecisionsPath, label: t('leave.navDecisions'), testId: 'nav-leave-decisions' });
  if (items.length === 0) return null;
  return (
    <nav aria-label={t('leave.navLabel')} className={mainNavClasses.nav}>
      <ul className={mainNavClasses.navList}>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end className={mainNavClasses.navLink} data-testid={i.testId}>{i.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
