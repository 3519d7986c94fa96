import { createBrowserRouter } from 'react-router';
import { Shell } from './Shell';
import { NotFoundPage } from './NotFoundPage';
import { LoginPage } from '../session/LoginPage';
import { RequireSession } from '../session/RequireSession';
import { StartPage } from '../start/StartPage';
import { ContactPage } from '../contact/ContactPage';
import { GroupPage } from '../groups/GroupPage';
import { PupilPage } from '../pupils/PupilPage';
import { GradingGroupsPage } from '../grading/overview/GradingGroupsPage';
import { GradingPeriodsPage } from '../grading/periods/GradingPeriodsPage';
import { GradeRegisterPage } from '../grading/register/GradeRegisterPage';
import { GradeCataloguePage } from '../grading/catalogue/GradeCataloguePage';
import { GradeDocumentsPage } from '../grading/documents/GradeDocumentsPage';
import { PupilGradesPage } from '../grading/home/PupilGradesPage';
import { AdminPage } from '../admin/AdminPage';
import { SchoolYearRolloverPage } from '../rollover/SchoolYearRolloverPage';
import { PeopleRegisterPage } from '../admin/people/PeopleRegisterPage';
import { NewPersonPage } from '../admin/people/NewPersonPage';
import { PersonPage } from '../admin/people/PersonPage';
import { AccountsPage } from '../accounts/AccountsPage';
import { ChangePasswordPage } from '../accounts/ChangePasswordPage';
import { GroupsAdminPage } from '../groups/admin/GroupsAdminPage';
import { GroupAdminPage } from '../groups/admin/GroupAdminPage';
import { GroupReportsPage } from '../groups/admin/GroupReportsPage';
import { ImportPage } from '../admin/import/ImportPage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/byt-losenord', element: <RequireSession><ChangePasswordPage /></RequireSession> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <StartPage /> },
      { path: 'kontaktuppgifter', element: <ContactPage /> },
      { path: 'grupper/:groupId', element: <GroupPage /> },
      { path: 'elever/:pupilId', element: <PupilPage /> },
      { path: 'betyg', element: <GradingGroupsPage /> },
      { path: 'betyg/perioder', element: <GradingPeriodsPage /> },
      { path: 'betyg/grupp/:groupId', element: <GradeRegisterPage /> },
      { path: 'betyg/grupp/:groupId/katalog', element: <GradeCataloguePage /> },
      { path: 'betyg/dokument', element: <GradeDocumentsPage /> },
      { path: 'elever/:pupilId/betyg', element: <PupilGradesPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: 'admin/lasarsskifte', element: <SchoolYearRolloverPage /> },
      { path: 'admin/personer', element: <PeopleRegisterPage /> },
      { path: 'admin/personer/ny', element: <NewPersonPage /> },
      { path: 'admin/personer/:personId', element: <PersonPage /> },
      { path: 'admin/konton', element: <AccountsPage /> },
      { path: 'admin/grupper', element: <GroupsAdminPage /> },
      { path: 'admin/grupper/rapporter', element: <GroupReportsPage /> },
      { path: 'admin/grupper/:groupId', element: <GroupAdminPage /> },
      { path: 'admin/import', element: <ImportPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
