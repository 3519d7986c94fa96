import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountState } from './types';

const COLORS: Record<AccountState, string> = { none: 'gray', active: 'green', must_change: 'yellow', disabled: 'red' };

/** An account's state as a badge with dark text (readable contrast on the light colours). */
export function StateBadge({ state }: { state: AccountState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[state]} c="dark.8" tt="none" data-testid="account-state" data-state={state}>
      {t(`accounts.states.${state}`)}
    </Badge>
  );
}
