import { useTranslation } from 'react-i18next';
import { AssessmentScaleLink } from '../assessment/AssessmentScaleLink';
import { AppLink, groupPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { byName, formatSchoolYear, sortStrings } from '../app/format';
import type { AdministratorStart } from './types';
import { OpenReportsNotice } from '../groups/admin/OpenReportsNotice';

export function AdministratorStartView({ data }: { data: AdministratorStart }) {
  const { t } = useTranslation();
  const list = (names: string[]) => (names.length ? sortStrings(names).join(', ') : '–');
  return (
    <>
      <OpenReportsNotice />
      <AssessmentScaleLink />
      <Section title={t('start.administrator.classes')} testId="classes">
        <DataTable
          label={t('start.administrator.classes')}
          testId="classes-table"
          empty={t('start.administrator.noClasses')}
          columns={[t('start.col.class'), t('start.col.schoolYear'), t('start.col.mentors'), t('start.col.pupils')]}
          rows={byName(data.classes).map((c) => ({
            key: c.id,
            cells: [
              <AppLink key="n" to={groupPath(c.id)}>{c.name}</AppLink>,
              formatSchoolYear(c.schoolYear),
              list(c.mentors),
              c.pupilCount,
            ],
          }))}
        />
      </Section>
      <Section title={t('start.administrator.groups')} testId="groups">
        <DataTable
          label={t('start.administrator.groups')}
          testId="groups-table"
          empty={t('start.administrator.noGroups')}
          columns={[t('start.col.group'), t('start.col.subject'), t('start.col.teachers'), t('start.col.pupils')]}
          rows={byName(data.groups).map((g) => ({
            key: g.id,
            cells: [
              <AppLink key="n" to={groupPath(g.id)}>{g.name}</AppLink>,
              g.subject.name,
              list(g.teachers),
              g.pupilCount,
            ],
          }))}
        />
      </Section>
    </>
  );
}
