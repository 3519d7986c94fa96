import { useTranslation } from 'react-i18next';
import { AppLink, groupPath, pupilPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { byName, formatSchoolYear } from '../app/format';
import { MY_PAGE_PATH } from '../portal/paths';
import type { PupilStart } from './types';
import { pupilGradesPath } from '../grading/home/types';

export function PupilStartView({ data }: { data: PupilStart }) {
  const { t } = useTranslation();
  const { self } = data;
  return (
    <>
      <Section title={t('start.pupil.me')} testId="self">
        <FactTable
          label={t('start.pupil.me')}
          testId="self-facts"
          facts={[
            [t('start.col.name'), <AppLink key="n" to={pupilPath(self.id)}>{self.name}</AppLink>],
            [t('portal.mine'), <AppLink key="m" to={MY_PAGE_PATH} testId="my-page-link">{t('start.pupil.myPage')}</AppLink>],
            [t('start.col.unit'), self.unit?.name ?? t('start.pupil.noUnit')],
            [t('start.col.class'), self.className ?? t('start.pupil.noClass')],
            [t('start.col.schoolYear'), formatSchoolYear(self.schoolYear)],
            [t('pupilGrades.link'), <AppLink key="g" to={pupilGradesPath(self.id)} testId="my-grades-link">{t('pupilGrades.mine')}</AppLink>],
          ]}
        />
      </Section>
      <Section title={t('start.pupil.groups')} testId="groups">
        <DataTable
          label={t('start.pupil.groups')}
          testId="groups-table"
          empty={t('start.pupil.noGroups')}
          columns={[t('start.col.group'), t('start.col.subject')]}
          rows={byName(data.groups).map((g) => ({
            key: g.id,
            cells: [<AppLink key="n" to={groupPath(g.id)}>{g.name}</AppLink>, g.subject?.name ?? '–'],
          }))}
        />
      </Section>
    </>
  );
}
