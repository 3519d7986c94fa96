import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import classes from './portal.module.css';

/** A two-column list (what – value) that fits a phone's width: no minimum width, row headers. */
export function CompactList({ rows, label, testId }: { rows: [string, ReactNode][]; label: string; testId?: string }) {
  return (
    <Table className={classes.list} withTableBorder aria-label={label} data-testid={testId}>
      <Table.Tbody>
        {rows.map(([k, v], i) => (
          <Table.Tr key={`${k}-${i}`}>
            <Table.Th scope="row">{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
