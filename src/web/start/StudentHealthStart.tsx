import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { investigationPath } from '../absence/InvestigationsPage';
import type { StudentHealthStart } from './types';

/** Student health (elevhälsa): the unit's absence investigations under way, follow-ups due first. */
export function StudentHealthStartView({ data }: { data: StudentHealthStart }) {
  const { t } = useTranslation();
  const title = t('absence.start.investigations');
  return (
    <Section title={title} testId="student-health-investigations">
      <DataTable label={title} testId="student-health-investigations-table" empty={t('absence.start.none')}
        columns={[t('absence.investigations.pupil'), t('absence.investigations.className'), t('absence.investigations.openedOn'), t('absence.investigations.nextFollowUp')]}
        rows={data.investigations.map((i) => ({ key: i.id, cells: [<AppLink key="n" to={investigationPath(i.id)}>{i.name}</AppLink>, i.className ?? '', i.openedOn, i.nextFollowUp ?? ''] }))} />
      <AppLink to="/franvaro/utredningar">{t('absence.start.all')}</AppLink>
    </Section>
  );
}
