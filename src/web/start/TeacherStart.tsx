import { useTranslation } from 'react-i18next';
import { AppLink, groupPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { byName, formatSchoolYear } from '../app/format';
import type { ClassSummary, TeacherStart } from './types';
import { GradingProcessCard } from '../grading/overview/GradingProcessCard';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';
import { DeadlinesSection } from '../pupil-support/DeadlinesSection';
import { PlanningStartSection } from '../planning/PlanningStartSection';
import { PreparationStartLink } from '../development-talks/PreparationPage';

function ClassTable({ classes, label, empty, testId }: { classes: ClassSummary[]; label: string; empty: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={label}
      testId={testId}
      empty={empty}
      columns={[t('start.col.class'), t('start.col.schoolYear'), t('start.col.pupils')]}
      rows={byName(classes).map((c) => ({
        key: c.id,
        cells: [
          <AppLink key="n" to={groupPath(c.id)}>{c.name}</AppLink>,
          formatSchoolYear(c.schoolYear),
          c.pupilCount,
        ],
      }))}
    />
  );
}

export function TeacherStartView({ data }: { data: TeacherStart }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const mentorTitle =
    data.mentorClasses.length > 1 ? t('start.teacher.mentorClasses') : t('start.teacher.mentorClass');
  return (
    <>
      {isModuleOn(session, 'grading') && <GradingProcessCard />}
      <DeadlinesSection />
      {isModuleOn(session, 'absence') && (
        <Section title={t('attendance.startLink')} testId="todays-lessons">
          <AppLink to="/narvaro" testId="todays-lessons-link">{t('attendance.startLinkHint')}</AppLink>
        </Section>
      )}
      {isModuleOn(session, 'planning') && <PlanningStartSection />}
      {isModuleOn(session, 'planning') && <PreparationStartLink />}
      {data.mentorClasses.length > 0 && (
        <Section title={mentorTitle} testId="mentor-classes">
          <ClassTable classes={data.mentorClasses} label={mentorTitle} empty="" testId="mentor-classes-table" />
        </Section>
      )}
      <Section title={t('start.teacher.classes')} testId="classes">
        <ClassTable
          classes={data.classes}
          label={t('start.teacher.classes')}
          empty={t('start.teacher.noClasses')}
          testId="classes-table"
        />
      </Section>
      <Section title={t('start.teacher.groups')} testId="groups">
        <DataTable
          label={t('start.teacher.groups')}
          testId="groups-table"
          empty={t('start.teacher.noGroups')}
          columns={[t('start.col.group'), t('start.col.subject'), t('start.col.pupils'), t('start.col.grader')]}
          rows={byName(data.groups).map((g) => ({
            key: g.id,
            cells: [
              <AppLink key="n" to={groupPath(g.id)}>
                {g.name}
              </AppLink>,
              g.subject.name,
              g.pupilCount,
              g.grader ? t('app.yes') : t('app.no'),
            ],
          }))}
        />
      </Section>
    </>
  );
}
