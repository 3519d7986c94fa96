import { useTranslation } from 'react-i18next';
import { AssessmentScaleLink } from '../assessment/AssessmentScaleLink';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { DelegationsSection } from '../delegations/DelegationsSection';
import { DeadlinesSection } from '../pupil-support/DeadlinesSection';
import { useSchoolForms } from './useSchoolForms';
import type { PrincipalStart } from './types';

export function PrincipalStartView({ data }: { data: PrincipalStart }) {
  const { t } = useTranslation();
  const schoolForms = useSchoolForms();
  const { unit } = data;
  return (
    <>
      <Section title={`${t('start.principal.unit')}: ${unit.name}`} testId="unit">
        <FactTable
          label={unit.name}
          testId="unit-facts"
          facts={[
            [t('start.col.unitCode'), unit.schoolUnitCode],
            [t('start.col.schoolForms'), schoolForms(unit.schoolForms)],
            [t('start.col.pupils'), unit.pupilCount],
            [t('start.col.staff'), unit.staffCount],
            [t('start.col.classes'), unit.classCount],
          ]}
        />
      </Section>
      <DeadlinesSection />
      <DelegationsSection delegations={data.delegations} />
      <AssessmentScaleLink />
    </>
  );
}
