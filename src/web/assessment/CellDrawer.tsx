import { useEffect, useState } from 'react';
import { Button, Drawer, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { LoadingState } from '../app/states';
import { RequirementText } from './RequirementText';
import type { MatrixCell, MatrixPupil, Requirement } from './types';
import { useCellHistory } from './useAssessment';

interface Props {
  planningId: string;
  target: { pupil: MatrixPupil; requirement: Requirement; n: number; cell: MatrixCell | undefined } | null;
  editable: boolean;
  onSave: (level: string | null, comment: string | null) => Promise<boolean>;
  onClose: () => void;
}

/** A cell's step and comment, the requirement's wording for the step, and the cell's history (newest first). */
export function CellDrawer({ planningId, target, editable, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const history = useCellHistory(planningId, target?.pupil.id ?? null, target?.requirement.id ?? null);
  useEffect(() => { setLevel(target?.cell?.level ?? null); setComment(target?.cell?.comment ?? ''); }, [target]);
  const name = target ? `${target.pupil.givenName} ${target.pupil.familyName}` : '';
  const wording = target && level ? target.requirement.choices[level === 'met' ? 'G' : level] : undefined;
  const labelOf = (key: string | null) => (key === null ? t('assessment.cell.cleared') : target?.pupil.steps.find((s) => s.key === key)?.label ?? key);
  return (
    <Drawer opened={!!target} onClose={onClose} position="right" size="lg" title={target ? t('assessment.cell.title', { pupil: name, n: target.n }) : ''}
      closeButtonProps={{ 'aria-label': t('assessment.cell.close') }} data-testid="cell-drawer">
      {target && (
        <Stack gap="md">
          <Text size="sm"><RequirementText text={wording ?? target.requirement.text} /></Text>
          <form onSubmit={(e) => { e.preventDefault(); void onSave(level, comment.trim() || null).then((ok) => { if (ok) void history.refetch(); }); }}>
            <Stack gap="sm">
              <Select label={t('assessment.cell.level')} data={target.pupil.steps.map((s) => ({ value: s.key, label: s.label }))}
                value={level} onChange={setLevel} clearable disabled={!editable} w={240} data-testid="cell-level" />
              <Textarea label={t('assessment.cell.comment')} description={t('assessment.cell.commentHelp')} value={comment} maxLength={2000}
                autosize minRows={2} disabled={!editable || level === null} onChange={(e) => setComment(e.currentTarget.value)} data-testid="cell-comment" />
              {editable && <Button type="submit" w="fit-content" data-testid="cell-save">{t('assessment.cell.save')}</Button>}
            </Stack>
          </form>
          <div>
            <Title order={3} size="h5">{t('assessment.cell.history')}</Title>
            {history.isPending ? <LoadingState /> : !history.data?.events.length ? <Text size="sm">{t('assessment.cell.noHistory')}</Text> : (
              <List size="sm" data-testid="cell-history">
                {history.data.events.map((e, i) => (
                  <List.Item key={i}>
                    {t('assessment.cell.historyLine', { date: formatDate(e.assessedOn), level: labelOf(e.level), who: e.assessedByName })}
                    {e.comment ? ` – ${e.comment}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </Stack>
      )}
    </Drawer>
  );
}
