import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import { byName } from '../app/format';
import { useSchoolForms } from './useSchoolForms';
import type { AnalystStart } from './types';

export function AnalystStartView({ data }: { data: AnalystStart }) {
  const { t } = useTranslation();
  const schoolForms = useSchoolForms();
  const title = t('start.analyst.units', { organiser: data.organiser.name });
  return (
    <Section title={title} testId="units">
      <DataTable
        label={title}
        testId="units-table"
        empty={t('start.analyst.noUnits')}
        columns={[t('start.col.unit'), t('start.col.unitCode'), t('start.col.schoolForms'), t('start.col.pupils')]}
        rows={byName(data.units).map((u) => ({
          key: u.id,
          cells: [u.name, u.schoolUnitCode, schoolForms(u.schoolForms), u.pupilCount],
        }))}
      />
    </Section>
  );
}
