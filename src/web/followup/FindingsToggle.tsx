import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FindingsPanel, type FindingsPanelProps } from './findings/FindingsPanel';

/**
 * The principal's findings and measures on a target, opened beside the figures it is about. One panel is open
 * on a page at a time (the page holds which), so that a unit's many subjects do not each load their findings.
 */
export function FindingsToggle({ open, onToggle, label, testId, ...panel }: FindingsPanelProps & {
  open: boolean; onToggle: () => void; label: string; testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Button variant="subtle" size="sm" onClick={onToggle} aria-expanded={open} data-testid={testId} style={{ alignSelf: 'flex-start' }}>
        {t(open ? 'followup.findings.hide' : 'followup.findings.show', { label })}
      </Button>
      {open && <FindingsPanel {...panel} />}
    </Stack>
  );
}
