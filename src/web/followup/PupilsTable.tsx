import { useTranslation } from 'react-i18next';
import { AppLink, pupilPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { byDisplayName } from '../app/format';
import { decimal } from './format';
import type { ReportPupil } from './types';

/** The group's pupils (only for those allowed to see them): grade, test grade and the steps between. */
export function PupilsTable({ pupils }: { pupils: readonly ReportPupil[] }) {
  const { t } = useTranslation();
  const steps = (s: number | null) => (s === null ? '.' : s > 0 ? `+${s}` : decimal(s, 0));
  return (
    <Section title={t('followup.pupils.title')} testId="pupils">
      <DataTable
        label={t('followup.pupils.title')}
        testId="pupils-table"
        empty="."
        columns={[t('followup.pupils.col.name'), t('followup.pupils.col.grade'), t('followup.pupils.col.testGrade'), t('followup.pupils.col.steps')]}
        rows={byDisplayName(pupils).map((p) => ({
          key: p.id,
          cells: [<AppLink to={pupilPath(p.id)}>{p.name}</AppLink>, p.grade ?? '.', p.notParticipated ? t('followup.pupils.notParticipated') : (p.testGrade ?? '.'), steps(p.steps)],
        }))}
      />
    </Section>
  );
}
