import { useState } from 'react';
import { Button, Checkbox, Fieldset, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../domain/grading/columns';
import { showStep, type Column, type Register } from './types';
import classes from './register.module.css';

/** Checkboxes for the grade columns to show (remembered per user). */
export function ColumnChooser({ register, shown, onChange }: { register: Register; shown: Column[]; onChange: (c: Column[]) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('gradeRegister.columnsLegend')}
      value={shown}
      onChange={(v) => onChange(COLUMNS.filter((c) => v.includes(c)))}
      className={classes.noPrint}
      data-testid="column-chooser"
    >
      <Group mt={4} gap="md">
        {register.columns.map((c) => (
          <Checkbox key={c.key} value={c.key} label={c.label} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** The fill-down choice that carries the earlier term grade over (överfört) instead of setting a step. */
export const CARRY_OVER = 'carryOver';

/** "Fyll i för markerade elever: [kolumn] [betyg | Överför tidigare betyg] [Fyll i]". */
export function FillDown({
  register, selectedCount, busy, onFill,
}: {
  register: Register;
  selectedCount: number;
  busy: boolean;
  /** `value` is a grade step or CARRY_OVER. */
  onFill: (column: Column, value: string) => void;
}) {
  const { t } = useTranslation();
  const [column, setColumn] = useState<Column>(register.term.kind);
  const steps = [...new Set(register.pupils.flatMap((p) => p.cells[column].steps))];
  const [value, setValue] = useState('');
  const choices = [
    ...steps.map((s) => ({ value: s, label: showStep(s) })),
    // final grades are never carried over
    ...(column !== 'final' && steps.length > 0 ? [{ value: CARRY_OVER, label: t('gradeRegister.fill.carryOver') }] : []),
  ];
  const step = choices.some((c) => c.value === value) ? value : (choices[0]?.value ?? '');
  return (
    <Fieldset legend={t('gradeRegister.fill.legend')} className={classes.noPrint} variant="unstyled" data-testid="fill-down">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('gradeRegister.fill.column')}
          value={column}
          onChange={(e) => setColumn(e.currentTarget.value as Column)}
          data={register.columns.map((c) => ({ value: c.key, label: c.label }))}
          w={140}
        />
        <NativeSelect
          label={t('gradeRegister.fill.grade')}
          value={step}
          onChange={(e) => setValue(e.currentTarget.value)}
          data={choices}
          w={step === CARRY_OVER ? 220 : 90}
          title={step === CARRY_OVER ? t('gradeRegister.carryOver.explain') : undefined}
        />
        <Button variant="outline" loading={busy} disabled={selectedCount === 0 || step === ''} onClick={() => onFill(column, step)}>
          {t('gradeRegister.fill.submit')}
        </Button>
        {selectedCount === 0 && (
          <Text size="sm" c="dimmed">
            {t('gradeRegister.fill.none')}
          </Text>
        )}
      </Group>
    </Fieldset>
  );
}
