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
import { UnitsPage } from '../organisation/UnitsPage';
import { CalendarPage } from '../organisation/CalendarPage';
import { SettingsPage } from '../organisation/SettingsPage';
import { RequireModule } from '../organisation/RequireModule';
import { MyPupilsPage } from '../my-pupils/MyPupilsPage';
import { MyPupilsPrintPage } from '../my-pupils/MyPupilsPrintPage';
import { NationalTestsPage } from '../national-tests/NationalTestsPage';
import { ChildPage, MyPage } from '../portal/PupilOverviewPage';
import { ReportAbsencePage } from '../absence-reports/ReportAbsencePage';
import { LeavePage } from '../leave/LeavePage';
import { LeaveDecisionsPage } from '../leave/LeaveDecisionsPage';
import { NoticesPage } from '../notices/NoticesPage';
import { LessonsOfDayPage } from '../attendance/LessonsOfDayPage';
import { RollCallPage } from '../attendance/RollCallPage';
import { TimetablePage } from '../timetable/TimetablePage';
import { AbsenceOverviewPage } from '../absence/AbsenceOverviewPage';
import { AbsenceSettingsPage } from '../absence/AbsenceSettingsPage';
import { InvestigationsPage } from '../absence/InvestigationsPage';
import { InvestigationPage } from '../absence/InvestigationPage';
import { PupilAbsencePage } from '../absence/PupilAbsencePage';
import { AssessmentMatrixPage } from '../assessment/AssessmentMatrixPage';
import { KnowledgeMatrixPage } from '../assessment/KnowledgeMatrixPage';
import { AssessmentScalePage } from '../assessment/AssessmentScalePage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/byt-losenord', element: <RequireSession><ChangePasswordPage /></RequireSession> },
  // the print view of "Mina elever" has no app frame: it is what goes on paper
  { path: '/mina-elever/utskrift', element: <RequireSession><MyPupilsPrintPage /></RequireSession> },
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
      { path: 'mina-elever', element: <MyPupilsPage /> },
      { path: 'narvaro', element: <RequireModule module="absence"><LessonsOfDayPage /></RequireModule> },
      { path: 'narvaro/lektion/:lessonId', element: <RequireModule module="absence"><RollCallPage /></RequireModule> },
      { path: 'admin/schema', element: <TimetablePage /> },
      { path: 'betyg', element: <RequireModule module="grading"><GradingGroupsPage /></RequireModule> },
      { path: 'betyg/perioder', element: <RequireModule module="grading"><GradingPeriodsPage /></RequireModule> },
      { path: 'betyg/grupp/:groupId', element: <RequireModule module="grading"><GradeRegisterPage /></RequireModule> },
      { path: 'betyg/grupp/:groupId/katalog', element: <RequireModule module="grading"><GradeCataloguePage /></RequireModule> },
      { path: 'betyg/dokument', element: <RequireModule module="grading"><GradeDocumentsPage /></RequireModule> },
      { path: 'elever/:pupilId/betyg', element: <RequireModule module="grading"><PupilGradesPage /></RequireModule> },
      { path: 'nationella-prov', element: <RequireModule module="grading"><NationalTestsPage /></RequireModule> },
      { path: 'barn/:pupilId', element: <ChildPage /> },
      { path: 'mitt', element: <MyPage /> },
      { path: 'franvaro', element: <RequireModule module="absence"><AbsenceOverviewPage /></RequireModule> },
      { path: 'franvaro/installningar', element: <RequireModule module="absence"><AbsenceSettingsPage /></RequireModule> },
      { path: 'franvaro/utredningar', element: <RequireModule module="absence"><InvestigationsPage /></RequireModule> },
      { path: 'franvaro/utredningar/:investigationId', element: <RequireModule module="absence"><InvestigationPage /></RequireModule> },
      { path: 'elever/:pupilId/franvaro', element: <RequireModule module="absence"><PupilAbsencePage /></RequireModule> },
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
      { path: 'admin/organisation', element: <UnitsPage /> },
      { path: 'admin/organisation/lasar', element: <CalendarPage /> },
      { path: 'admin/organisation/installningar', element: <SettingsPage /> },
      { path: 'anmal-franvaro', element: <RequireModule module="absence"><ReportAbsencePage /></RequireModule> },
      { path: 'ledighet', element: <RequireModule module="absence"><LeavePage /></RequireModule> },
      { path: 'ledighet/beslut', element: <RequireModule module="absence"><LeaveDecisionsPage /></RequireModule> },
      { path: 'meddelanden', element: <NoticesPage /> },
      { path: 'planering/:planningId/bedomning', element: <RequireModule module="planning"><AssessmentMatrixPage /></RequireModule> },
      { path: 'elever/:pupilId/kunskapsmatris', element: <RequireModule module="planning"><KnowledgeMatrixPage /></RequireModule> },
      { path: 'bedomning/skala', element: <RequireModule module="planning"><AssessmentScalePage /></RequireModule> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
