import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stepOrder } from '../../domain/curriculum/strong-text';
import { StrongText } from './StrongText';

/** One knowledge requirement's wording per step (E, C, A; G in year 3), as a table with the step as row header. */
export function RequirementSteps({ choices, label }: { choices: Record<string, string>; label: string }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder variant="vertical" aria-label={label}>
      <Table.Thead>
        <Table.Tr><Table.Th scope="col" w={90}>{t('curriculum.step')}</Table.Th><Table.Th scope="col">{t('curriculum.wording')}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {stepOrder(choices).map((step) => (
          <Table.Tr key={step}>
            <Table.Th scope="row">{t(`curriculum.steps.${step}`, { defaultValue: step })}</Table.Th>
            <Table.Td><StrongText text={choices[step]} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
