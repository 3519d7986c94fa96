import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/** Label–value facts as a table with row header cells. */
export function FactTable({ facts, label, testId }: { facts: [string, ReactNode][]; label: string; testId?: string }) {
  return (
    <Table withTableBorder variant="vertical" maw={640} aria-label={label} data-testid={testId}>
      <Table.Tbody>
        {facts.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row" w={220}>
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
