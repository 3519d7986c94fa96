import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { pupilName } from './GradeCell';
import { useConfirm } from './useRegister';
import { useErrorText } from './useCellSaves';
import type { Column, Register } from './types';

/** "Bekräfta betyg": a column, all or the selected pupils; confirmed grades are then read-only for the teacher. */
export function ConfirmDialog({
  opened, onClose, register, selected, onDone,
}: {
  opened: boolean;
  onClose: () => void;
  register: Register;
  selected: Set<string>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const confirm = useConfirm(register.group.id);
  const [column, setColumn] = useState<Column>(register.term.kind);
  const [who, setWho] = useState<'all' | 'selected'>(selected.size > 0 ? 'selected' : 'all');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = who === 'all' ? register.pupils.map((p) => p.id) : register.pupils.filter((p) => selected.has(p.id)).map((p) => p.id);

  const close = () => {
    setProblem(null);
    onClose();
  };
  const submit = () => {
    setProblem(null);
    if (chosen.length === 0) {
      setProblem(t('gradeRegister.confirm.noneSelected'));
      return;
    }
    confirm.mutate(
      { column, pupilIds: chosen },
      {
        onSuccess: (r) => {
          onDone(t('gradeRegister.confirm.result', { confirmed: r.confirmed.length, skipped: r.skipped.length }));
          close();
        },
        onError: (e) => {
          if (isApiError(e, 400) && e.code === 'written_assessment_missing') {
            const ids = (e.body?.pupilIds as string[] | undefined) ?? [];
            const names = register.pupils.filter((p) => ids.includes(p.id)).map(pupilName).join(', ');
            setProblem(t('gradeRegister.confirm.assessmentMissing', { names }));
          } else setProblem(errorText(e));
        },
      },
    );
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('gradeRegister.close') }} opened={opened} onClose={close} title={t('gradeRegister.confirm.title')} size="lg">
      <Stack gap="md">
        <Radio.Group label={t('gradeRegister.confirm.column')} value={column} onChange={(v) => setColumn(v as Column)}>
          <Group mt={6}>
            {register.columns.map((c) => (
              <Radio key={c.key} value={c.key} label={c.label} />
            ))}
          </Group>
        </Radio.Group>
        <Radio.Group label={t('gradeRegister.confirm.who')} value={who} onChange={(v) => setWho(v as 'all' | 'selected')}>
          <Group mt={6}>
            <Radio value="all" label={t('gradeRegister.confirm.all', { count: register.pupils.length })} />
            <Radio value="selected" label={t('gradeRegister.confirm.selected', { count: selected.size })} />
          </Group>
        </Radio.Group>
        <Text size="sm">{t('gradeRegister.confirm.explain')}</Text>
        {problem && (
          <Alert color="red" role="alert" data-testid="confirm-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('gradeRegister.confirm.cancel')}
          </Button>
          <Button onClick={submit} loading={confirm.isPending} data-testid="confirm-submit">
            {t('gradeRegister.confirm.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
