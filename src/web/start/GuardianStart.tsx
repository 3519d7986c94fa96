import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { byName, formatSchoolYear } from '../app/format';
import { childPath } from '../portal/paths';
import type { GuardianStart } from './types';

/** "Mina barn": each child leads to their page (grades handed out, national tests, absence). */
export function GuardianStartView({ data }: { data: GuardianStart }) {
  const { t } = useTranslation();
  return (
    <Section title={t('start.guardian.children')} testId="children">
      <DataTable
        label={t('start.guardian.children')}
        testId="children-table"
        empty={t('start.guardian.noChildren')}
        columns={[t('start.col.name'), t('start.col.unit'), t('start.col.class'), t('start.col.schoolYear')]}
        rows={byName(data.children).map((c) => ({
          key: c.id,
          cells: [
            <AppLink key="n" to={childPath(c.id)} testId="child-link">{c.name}</AppLink>,
            c.unit?.name ?? '–',
            c.className ?? '–',
            formatSchoolYear(c.schoolYear),
          ],
        }))}
      />
    </Section>
  );
}
