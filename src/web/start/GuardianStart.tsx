import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { byName, formatSchoolYear } from '../app/format';
import { childPath } from '../portal/paths';
import type { GuardianStart } from './types';
import { AbsenceLinks } from '../absence-reports/AbsenceLinks';

/** "Mina barn": each child leads to their page (grades handed out, national tests, absence). A plain table
 *  without a minimum width: guardians mostly read it on a phone. */
export function GuardianStartView({ data }: { data: GuardianStart }) {
  const { t } = useTranslation();
  const label = t('start.guardian.children');
  const columns = [t('start.col.name'), t('start.col.unit'), t('start.col.class'), t('start.col.schoolYear')];
  return (
    <Section title={label} testId="children">
      {data.children.length === 0 ? <Text c="dimmed" data-testid="children-table-empty">{t('start.guardian.noChildren')}</Text> : (
        <Table striped withTableBorder aria-label={label} data-testid="children-table">
          <Table.Thead>
            <Table.Tr>{columns.map((c) => <Table.Th key={c} scope="col">{c}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byName(data.children).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Th scope="row" fw={500}><AppLink to={childPath(c.id)} testId="child-link">{c.name}</AppLink></Table.Th>
                <Table.Td>{c.unit?.name ?? '–'}</Table.Td>
                <Table.Td>{c.className ?? '–'}</Table.Td>
                <Table.Td>{formatSchoolYear(c.schoolYear)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AbsenceLinks />
    </Section>
  );
}
