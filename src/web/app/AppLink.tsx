import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** An in-app link: a real <a href> handled by the router; its accessible name is its visible text. */
export function AppLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Anchor component={Link} to={to} data-testid={testId}>
      {children}
    </Anchor>
  );
}

export const groupPath = (groupId: string) => `/grupper/${encodeURIComponent(groupId)}`;
export const pupilPath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}`;
