import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeStatus, ProgrammeSummary } from './types';

const COLOURS: Record<ProgrammeStatus, string> = { investigation: 'blue', programme: 'green', no_programme: 'gray', evaluated: 'gray' };

/** The case's state in words (never colour alone). */
export function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOURS[status]} variant="light" data-testid="programme-status">{t(`actionProgrammes.statuses.${status}`)}</Badge>;
}

/** What the case waits for within 14 days, in words. */
export function AttentionBadge({ attention }: { attention: ProgrammeSummary['attention'] }) {
  const { t } = useTranslation();
  if (!attention) return null;
  return <Badge color="orange" variant="light">{t(`actionProgrammes.attention.${attention}`)}</Badge>;
}

/** Text a person wrote, line breaks kept (never HTML). */
export function Prose({ text, testId }: { text: string | null; testId?: string }) {
  return <span style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>{text?.trim() ? text : '–'}</span>;
}
