import { Anchor, AppShell, Box } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ContextSwitcher } from '../session/ContextSwitcher';
import { UserMenu } from '../session/UserMenu';
import { useCurrentSession } from '../session/useSession';
import { MainNav, mainNavClasses } from '../grading/overview/GradingNav';
import { DocumentsNav } from '../grading/documents/DocumentsNav';
import { AbsenceNav } from '../leave/AbsenceNav';
import { NoticesLink } from '../notices/NoticesLink';
import { PlanningNav } from '../planning/PlanningNav';
import { FollowupNav } from '../followup/FollowupNav';
import classes from './Shell.module.css';

/** The frame of every signed-in page: top bar with product, unit, role and name menu. */
export function Shell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  return (
    <AppShell header={{ height: { base: 112, sm: 64 } }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <div className={classes.bar}>
          <div className={mainNavClasses.start}>
            <Anchor component={Link} to="/" fw={800} fz="xl" underline="never" c="larka.8" className={classes.product}>
              {t('app.productName')}
            </Anchor>
            <MainNav session={session} />
            <DocumentsNav session={session} />
            <AbsenceNav session={session} />
            <PlanningNav session={session} />
            <FollowupNav session={session} />
            <NoticesLink session={session} />
          </div>
          <div className={classes.context}>
            <ContextSwitcher session={session} />
          </div>
          <div className={classes.user}>
            <UserMenu session={session} />
          </div>
        </div>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1100} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
