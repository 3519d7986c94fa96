import { useRef, type KeyboardEvent } from 'react';
import { Box, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatSchoolYear } from '../../app/format';
import { GradeCell, pupilName, type CellActions } from './GradeCell';
import { cellKey, type Column, type Register, type RegisterPupil, type SaveStatus } from './types';
import classes from './register.module.css';
import { BasisButton } from '../../assessment/BasisButton';

const NAV_KEYS_TO_SWALLOW = ['Home', 'End', 'PageUp', 'PageDown'];

/** The pupils with one column per shown grade column; keyboard entry moves down the column. */
export function RegisterTable({
  register, shown, status, editable, administer, selected, onSelect, onSave, onCarryOver, onStepNotAllowed, actions, onBasis,
}: {
  register: Register;
  shown: Column[];
  status: Record<string, SaveStatus>;
  editable: boolean;
  administer: boolean;
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
  onSave: (pupil: RegisterPupil, column: Column, value: string | null) => void;
  onCarryOver: (pupil: RegisterPupil, column: Column) => void;
  onStepNotAllowed: (step: string, pupil: RegisterPupil) => void;
  actions: Omit<CellActions, 'onSave' | 'onCarryOver' | 'onKeyDown'>;
  /** Opens the pupil's knowledge matrix beside the grade ("Underlag"), when given. */
  onBasis?: (pupil: RegisterPupil) => void;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  const columns = register.columns.filter((c) => shown.includes(c.key));

  /** Focus the select `delta` pupils away in the same column (skipping pupils without one). */
  const moveVertical = (from: HTMLSelectElement, column: Column, delta: number) => {
    const all = [...(body.current?.querySelectorAll<HTMLSelectElement>(`select[data-col="${column}"]`) ?? [])];
    all[all.indexOf(from) + delta]?.focus();
  };
  const moveHorizontal = (from: HTMLSelectElement, delta: number) => {
    const all = [...(from.closest('tr')?.querySelectorAll<HTMLSelectElement>('select') ?? [])];
    all[all.indexOf(from) + delta]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>, pupil: RegisterPupil, column: Column) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return; // Alt+↓ opens the list; shortcuts of the browser stay
    const target = e.currentTarget;
    const cell = pupil.cells[column];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault(); // a closed native select would otherwise change its value
      moveVertical(target, column, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      moveHorizontal(target, e.key === 'ArrowRight' ? 1 : -1);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      if (target.value !== '') onSave(pupil, column, null);
    } else if (NAV_KEYS_TO_SWALLOW.includes(e.key)) {
      e.preventDefault();
    } else if (e.key.length === 1 && e.key !== ' ') {
      e.preventDefault(); // no type-ahead: only our own keys set a value
      const step = e.key === '-' || e.key === '–' ? '-' : e.key.toUpperCase();
      if (!/^[A-F-]$/.test(step)) return;
      if (!cell.steps.includes(step)) {
        onStepNotAllowed(step, pupil);
        return;
      }
      if (target.value !== step) onSave(pupil, column, step);
      moveVertical(target, column, 1);
    }
  };

  if (register.pupils.length === 0) return <Text c="dimmed">{t('gradeRegister.noPupils')}</Text>;
  const allSelected = register.pupils.every((p) => selected.has(p.id));
  const someSelected = !allSelected && register.pupils.some((p) => selected.has(p.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };

  return (
    <Box className={classes.scroll} tabIndex={-1} role="region" aria-label={t('gradeRegister.pupils')}>
      <Table withTableBorder striped className={classes.table} aria-label={t('gradeRegister.pupils')} data-testid="grade-register">
        <Table.Thead>
          <Table.Tr>
            {editable && <Table.Th className={classes.noPrint} w={40}>
              <Checkbox
                aria-label={t('gradeRegister.selectAll')}
                checked={allSelected}
                indeterminate={someSelected}
                onChange={() => onSelect(allSelected ? new Set() : new Set(register.pupils.map((p) => p.id)))}
              />
            </Table.Th>}
            <Table.Th scope="col">{t('gradeRegister.familyName')}</Table.Th>
            <Table.Th scope="col">{t('gradeRegister.givenName')}</Table.Th>
            <Table.Th scope="col">{t('gradeRegister.schoolYear')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" data-testid={`column-${c.key}`}>
                {c.label}
              </Table.Th>
            ))}
            {onBasis && <Table.Th scope="col" className={classes.noPrint}>{t('assessment.knowledge.basis')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body}>
          {register.pupils.map((p) => (
            <Table.Tr key={p.id} data-testid="register-row" data-pupil={p.id}>
              {editable && (
                <Table.Td className={classes.noPrint}>
                  <Checkbox aria-label={t('gradeRegister.selectPupil', { name: pupilName(p) })} checked={selected.has(p.id)} onChange={() => toggle(p.id)} />
                </Table.Td>
              )}
              <Table.Th scope="row" fw={500}>
                {p.familyName}
              </Table.Th>
              <Table.Td>{p.givenName}</Table.Td>
              <Table.Td>{formatSchoolYear(p.schoolYear)}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.key} className={classes.gradeCell}>
                  <GradeCell
                    pupil={p}
                    column={c.key}
                    columnLabel={c.label}
                    status={status[cellKey(p.id, c.key)]}
                    editable={editable}
                    administer={administer}
                    actions={{ ...actions, onSave, onCarryOver, onKeyDown }}
                  />
                </Table.Td>
              ))}
              {onBasis && <Table.Td className={classes.noPrint}><BasisButton pupil={p} onOpen={onBasis} /></Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
