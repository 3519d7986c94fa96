import type { ReactNode } from 'react';
import classes from './DataTable.module.css';
import { Box, Stack, Table, Text, Title } from '@mantine/core';

export interface Row {
  key: string;
  cells: ReactNode[];
}

/** A plain data table with column header cells; `empty` is shown instead when there are no rows. */
export function DataTable({
  columns,
  rows,
  empty,
  label,
  testId,
}: {
  columns: string[];
  rows: Row[];
  empty: string;
  label: string;
  testId?: string;
}) {
  if (rows.length === 0) {
    return (
      <Text c="dimmed" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </Text>
    );
  }
  return (
    // a keyboard-focusable scroll region, so that wide tables can be scrolled without a mouse
    <Box className={classes.scroll} tabIndex={0} role="region" aria-label={label}>
      <Table striped highlightOnHover withTableBorder miw={480} aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((cell, i) =>
                i === 0 ? (
                  <Table.Th key={i} scope="row" fw={500}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={i}>{cell}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** A titled section of a page (h2). */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" component="section" data-testid={testId}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
