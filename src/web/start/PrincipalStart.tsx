import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { formatDate, svCollator } from '../app/format';
import { useSchoolForms } from './useSchoolForms';
import type { PrincipalStart } from './types';

export function PrincipalStartView({ data }: { data: PrincipalStart }) {
  const { t } = useTranslation();
  const schoolForms = useSchoolForms();
  const { unit } = data;
  const delegations = [...data.delegations].sort(
    (a, b) => Number(b.active) - Number(a.active) || svCollator.compare(a.delegate.name, b.delegate.name),
  );
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
      <Section title={t('start.principal.delegations')} testId="delegations">
        <DataTable
          label={t('start.principal.delegations')}
          testId="delegations-table"
          empty={t('start.principal.noDelegations')}
          columns={[
            t('start.col.delegate'),
            t('start.col.decision'),
            t('start.col.from'),
            t('start.col.to'),
            t('start.col.status'),
          ]}
          rows={delegations.map((d) => ({
            key: d.id,
            cells: [
              d.delegate.name,
              t(`app.decisionKinds.${d.decisionKind}`, { defaultValue: d.decisionKind }),
              formatDate(d.from),
              d.to ? formatDate(d.to) : t('start.principal.untilFurther'),
              <Badge key="s" variant="light" color={d.active ? 'green' : 'gray'}>
                {d.active ? t('start.principal.active') : t('start.principal.inactive')}
              </Badge>,
            ],
          }))}
        />
      </Section>
    </>
  );
}
