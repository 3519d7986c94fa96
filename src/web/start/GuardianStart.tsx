import { useTranslation } from 'react-i18next';
import { AppLink, pupilPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { byName, formatSchoolYear } from '../app/format';
import type { GuardianStart } from './types';
import { pupilGradesPath } from '../grading/home/types';
import { AbsenceLinks } from '../absence-reports/AbsenceLinks';

export function GuardianStartView({ data }: { data: GuardianStart }) {
  const { t } = useTranslation();
  return (
    <Section title={t('start.guardian.children')} testId="children">
      <DataTable
        label={t('start.guardian.children')}
        testId="children-table"
        empty={t('start.guardian.noChildren')}
        columns={[t('start.col.name'), t('start.col.unit'), t('start.col.class'), t('start.col.schoolYear'), t('pupilGrades.link')]}
        rows={byName(data.children).map((c) => ({
          key: c.id,
          cells: [
            <AppLink key="n" to={pupilPath(c.id)}>{c.name}</AppLink>,
            c.unit?.name ?? '–',
            c.className ?? '–',
            formatSchoolYear(c.schoolYear),
            <AppLink key="g" to={pupilGradesPath(c.id)} testId="child-grades-link">{t('pupilGrades.linkLabel', { name: c.name })}</AppLink>,
          ],
        }))}
      />
      <AbsenceLinks />
    </Section>
  );
}
