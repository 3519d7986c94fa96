import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { appTexts } from './texts';
import { sessionTexts } from '../session/texts';
import { startTexts } from '../start/texts';
import { contactTexts } from '../contact/texts';
import { groupTexts } from '../groups/texts';
import { pupilTexts } from '../pupils/texts';
import { delegationTexts } from '../delegations/texts';
import { gradingOverviewTexts } from '../grading/overview/texts';
import { gradeRegisterTexts } from '../grading/register/texts';
import { gradeCatalogueTexts } from '../grading/catalogue/texts';
import { gradeDocumentTexts } from '../grading/documents/texts';
import { pupilGradeTexts } from '../grading/home/texts';
import { adminTexts } from '../admin/texts';
import { rolloverTexts } from '../rollover/texts';
import { peopleTexts } from '../admin/people/texts';
import { accountTexts } from '../accounts/texts';
import { groupAdminTexts } from '../groups/admin/texts';
import { registerImportTexts } from '../admin/import/texts';
import { ss12000ImportTexts } from '../ss12000/import/texts';
import { organisationTexts } from '../organisation/texts';
import { myPupilTexts } from '../my-pupils/texts';
import { nationalTestTexts } from '../national-tests/texts';
import { portalTexts } from '../portal/texts';
import { absenceReportTexts } from '../absence-reports/texts';
import { leaveTexts } from '../leave/texts';
import { noticeTexts } from '../notices/texts';
import { attendanceTexts } from '../attendance/texts';
import { timetableTexts } from '../timetable/texts';
import { absenceTexts } from '../absence/texts';
import { actionProgrammeTexts } from '../action-programmes/texts';
import { curriculumTexts } from '../curriculum/texts';
import { planningTexts } from '../planning/texts';
import { developmentTalkTexts } from '../development-talks/texts';
import { extraAdaptationTexts } from '../extra-adaptations/texts';
import { assessmentTexts } from '../assessment/texts';
import { fileImportTexts } from '../file-import/texts';
import { followupDataTexts } from '../followup-data/texts';
import { followupTexts } from '../followup/texts';
import { followupFindingTexts } from '../followup/findings/texts';
import { followupReflectionTexts } from '../followup/reflection/texts';
import { ss12000Texts } from '../ss12000/texts';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];
const STORAGE_KEY = 'larka.language';

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

const resources = Object.fromEntries(
  LANGUAGES.map((lng) => [
    lng,
    {
      translation: {
        app: appTexts[lng],
        session: sessionTexts[lng],
        start: startTexts[lng],
        contact: contactTexts[lng],
        groups: groupTexts[lng],
        pupils: pupilTexts[lng],
        delegations: delegationTexts[lng],
        gradingOverview: gradingOverviewTexts[lng],
        gradeRegister: gradeRegisterTexts[lng],
        gradeCatalogue: gradeCatalogueTexts[lng],
        gradeDocuments: gradeDocumentTexts[lng],
        pupilGrades: pupilGradeTexts[lng],
        admin: adminTexts[lng],
        rollover: rolloverTexts[lng],
        people: peopleTexts[lng],
        accounts: accountTexts[lng],
        groupAdmin: groupAdminTexts[lng],
        registerImport: registerImportTexts[lng],
        ss12000Import: ss12000ImportTexts[lng],
        organisation: organisationTexts[lng],
        absence: absenceTexts[lng],
        myPupils: myPupilTexts[lng],
        nationalTests: nationalTestTexts[lng],
        portal: portalTexts[lng],
        absenceReports: absenceReportTexts[lng],
        leave: leaveTexts[lng],
        notices: noticeTexts[lng],
        attendance: attendanceTexts[lng],
        timetable: timetableTexts[lng],
        actionProgrammes: actionProgrammeTexts[lng],
        curriculum: curriculumTexts[lng],
        planning: planningTexts[lng],
        developmentTalks: developmentTalkTexts[lng],
        extraAdaptations: extraAdaptationTexts[lng],
        assessment: assessmentTexts[lng],
        fileImport: fileImportTexts[lng],
        followupData: followupDataTexts[lng],
        followup: followupTexts[lng],
        followupFindings: followupFindingTexts[lng],
        followupReflection: followupReflectionTexts[lng],
        ss12000: ss12000Texts[lng],
      },
    },
  ]),
);

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18next.language;
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export function setLanguage(lng: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
  void i18next.changeLanguage(lng);
}

export default i18next;
