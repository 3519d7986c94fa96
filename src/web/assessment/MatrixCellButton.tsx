import type { KeyboardEvent } from 'react';
import { ActionIcon, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nextLevel } from '../../domain/assessment/matrix';
import type { Step } from './types';
import type { CellStatus } from './useMatrixSaves';
import classes from './assessment.module.css';

interface Props {
  pupilName: string; n: number; steps: Step[]; level: string | null; label: string | null; comment: string | null;
  status: CellStatus | undefined; editable: boolean;
  onSave: (level: string | null) => void;
  onMore: () => void;
}

const STATUS_MARK: Record<CellStatus['kind'], string> = { saving: '…', saved: '✓', failed: '!', conflict: '↻' };

/**
 * One cell of the matrix: a button showing the level. A click (or Enter/Space) moves to the next step of the
 * pupil's year; the digit keys choose a step directly (1 = the first) and Delete clears. The save's state is
 * shown beside it as a mark and as text for screen readers, never by colour alone.
 */
export function MatrixCellButton({ pupilName, n, steps, level, label, comment, status, editable, onSave, onMore }: Props) {
  const { t } = useTranslation();
  const shown = status?.kind === 'saving' ? status.level : level;
  const shownLabel = shown === null ? null : steps.find((s) => s.key === shown)?.label ?? (shown === level ? label : shown) ?? shown;
  const statusText = status ? (status.kind === 'failed' && status.invalid ? t('assessment.matrix.invalidLevel') : t(`assessment.matrix.${status.kind}`)) : '';
  const onKeyDown = (e: KeyboardEvent) => {
    if (!editable) return;
    const digit = Number(e.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= steps.length) { e.preventDefault(); onSave(steps[digit - 1].key); }
    else if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); if (shown !== null) onSave(null); }
  };
  const aria = t('assessment.matrix.cellLabel', { pupil: pupilName, n, level: shownLabel ?? t('assessment.matrix.empty') });
  return (
    <Group gap={2} wrap="nowrap" className={classes.cell} data-status={status?.kind ?? 'idle'}>
      <UnstyledButton className={classes.level} data-level={shown ?? ''} disabled={!editable || !steps.length}
        aria-label={aria} title={comment ?? undefined} data-testid="matrix-cell"
        onClick={() => onSave(nextLevel(steps, shown))} onKeyDown={onKeyDown}>
        {shownLabel ?? '–'}{comment ? <span aria-hidden="true" className={classes.commentMark}>*</span> : null}
      </UnstyledButton>
      <Text span size="xs" className={classes.mark} aria-hidden="true">{status ? STATUS_MARK[status.kind] : ''}</Text>
      <VisuallyHidden role="status">{statusText}</VisuallyHidden>
      <ActionIcon variant="subtle" size="xs" aria-label={t('assessment.matrix.moreLabel', { pupil: pupilName, n })} onClick={onMore} data-testid="matrix-cell-more">
        ⋯
      </ActionIcon>
    </Group>
  );
}
