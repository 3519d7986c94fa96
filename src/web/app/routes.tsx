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
import { ApiClientsPage } from '../ss12000/ApiClientsPage';
import { Ss12000ImportPage } from '../ss12000/import/Ss12000ImportPage';
import { UnitsPage } from '../organisation/UnitsPage';
import { CalendarPage } from '../organisation/CalendarPage';
import { SettingsPage } from '../organisation/SettingsPage';
import { FollowupDataPage } from '../followup-data/FollowupDataPage';
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
import { ProgrammePage } from '../action-programmes/ProgrammePage';
import { PupilProgrammesPage } from '../action-programmes/PupilProgrammesPage';
import { UnitProgrammesPage } from '../action-programmes/UnitProgrammesPage';
import { CurriculumPage } from '../curriculum/CurriculumPage';
import { PlanningsPage } from '../planning/PlanningsPage';
import { NewPlanningPage } from '../planning/NewPlanningPage';
import { PlanningPage } from '../planning/PlanningPage';
import { EditPlanningPage } from '../planning/EditPlanningPage';
import { PupilTalksPage } from '../development-talks/PupilTalksPage';
import { TalkPage } from '../development-talks/TalkPage';
import { PreparationPage } from '../development-talks/PreparationPage';
import { AdaptationsPage } from '../extra-adaptations/AdaptationsPage';
import { AssessmentMatrixPage } from '../assessment/AssessmentMatrixPage';
import { KnowledgeMatrixPage } from '../assessment/KnowledgeMatrixPage';
import { AssessmentScalePage } from '../assessment/AssessmentScalePage';
import { FollowupEntryPage } from '../followup/FollowupEntryPage';
import { ReportPage as FollowupReportPage } from '../followup/ReportPage';
import { ExpectedPage } from '../followup/ExpectedPage';
import { MeasuresPage } from '../followup/findings/MeasuresPage';

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
      { path: 'uppfoljning/underlag', element: <RequireModule module="followup"><FollowupDataPage /></RequireModule> },
      { path: 'uppfoljning/insatser', element: <RequireModule module="followup"><MeasuresPage /></RequireModule> },
      { path: 'barn/:pupilId', element: <ChildPage /> },
      { path: 'mitt', element: <MyPage /> },
      { path: 'franvaro', element: <RequireModule module="absence"><AbsenceOverviewPage /></RequireModule> },
      { path: 'franvaro/installningar', element: <RequireModule module="absence"><AbsenceSettingsPage /></RequireModule> },
      { path: 'franvaro/utredningar', element: <RequireModule module="absence"><InvestigationsPage /></RequireModule> },
      { path: 'franvaro/utredningar/:investigationId', element: <RequireModule module="absence"><InvestigationPage /></RequireModule> },
      { path: 'elever/:pupilId/franvaro', element: <RequireModule module="absence"><PupilAbsencePage /></RequireModule> },
      { path: 'atgardsprogram', element: <RequireModule module="planning"><UnitProgrammesPage /></RequireModule> },
      { path: 'atgardsprogram/:programmeId', element: <RequireModule module="planning"><ProgrammePage /></RequireModule> },
      { path: 'elever/:pupilId/atgardsprogram', element: <RequireModule module="planning"><PupilProgrammesPage /></RequireModule> },
      { path: 'elever/:pupilId/utvecklingssamtal', element: <RequireModule module="planning"><PupilTalksPage /></RequireModule> },
      { path: 'utvecklingssamtal', element: <RequireModule module="planning"><PreparationPage /></RequireModule> },
      { path: 'utvecklingssamtal/:talkId', element: <RequireModule module="planning"><TalkPage /></RequireModule> },
      { path: 'elever/:pupilId/extra-anpassningar', element: <RequireModule module="planning"><AdaptationsPage /></RequireModule> },
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
      { path: 'admin/ss12000/import', element: <Ss12000ImportPage /> },
      { path: 'admin/organisation', element: <UnitsPage /> },
      { path: 'admin/organisation/lasar', element: <CalendarPage /> },
      { path: 'admin/organisation/installningar', element: <SettingsPage /> },
      { path: 'admin/ss12000/klienter', element: <ApiClientsPage /> },
      { path: 'anmal-franvaro', element: <RequireModule module="absence"><ReportAbsencePage /></RequireModule> },
      { path: 'ledighet', element: <RequireModule module="absence"><LeavePage /></RequireModule> },
      { path: 'ledighet/beslut', element: <RequireModule module="absence"><LeaveDecisionsPage /></RequireModule> },
      { path: 'meddelanden', element: <NoticesPage /> },
      { path: 'kursplaner', element: <CurriculumPage /> },
      { path: 'planering', element: <RequireModule module="planning"><PlanningsPage /></RequireModule> },
      { path: 'planering/ny', element: <RequireModule module="planning"><NewPlanningPage /></RequireModule> },
      { path: 'planering/:planningId', element: <RequireModule module="planning"><PlanningPage /></RequireModule> },
      { path: 'planering/:planningId/redigera', element: <RequireModule module="planning"><EditPlanningPage /></RequireModule> },
      { path: 'planering/:planningId/bedomning', element: <RequireModule module="planning"><AssessmentMatrixPage /></RequireModule> },
      { path: 'elever/:pupilId/kunskapsmatris', element: <RequireModule module="planning"><KnowledgeMatrixPage /></RequireModule> },
      { path: 'bedomning/skala', element: <RequireModule module="planning"><AssessmentScalePage /></RequireModule> },
      { path: 'uppfoljning', element: <RequireModule module="followup"><FollowupEntryPage /></RequireModule> },
      { path: 'uppfoljning/huvudman', element: <RequireModule module="followup"><FollowupReportPage key="organiser" level="organiser" /></RequireModule> },
      { path: 'uppfoljning/enhet/:unitId', element: <RequireModule module="followup"><FollowupReportPage key="unit" level="unit" /></RequireModule> },
      { path: 'uppfoljning/grupp/:groupId', element: <RequireModule module="followup"><FollowupReportPage key="group" level="group" /></RequireModule> },
      { path: 'uppfoljning/forvantat', element: <RequireModule module="followup"><ExpectedPage /></RequireModule> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
