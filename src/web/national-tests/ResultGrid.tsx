import { NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUB_TEST_OUTCOMES, TEST_GRADES, type SubTestOutcome, type TestGrade } from '../../domain/national-tests/result';
import classes from './nationalTests.module.css';
import type { Grid, GridPupil } from './types';
import type { SaveStatus } from './useNationalTests';
import type { ResultInput } from './types';

const NOT_PARTICIPATED = 'deltog-ej';
const NONE = '';
const nameOf = (p: GridPupil) => `${p.givenName} ${p.familyName}`;

function StatusCell({ pupil, status }: { pupil: GridPupil; status?: SaveStatus }) {
  const { t } = useTranslation();
  if (!pupil.editable) return <Text size="sm" c="dimmed">{t('nationalTests.otherUnit')}</Text>;
  if (status?.state === 'saving') return <Text size="sm" c="dimmed">{t('nationalTests.saving')}</Text>;
  if (status?.state === 'error') {
    return <Text size="sm" c="red.8" role="alert">{t(`nationalTests.errors.${status.code}`, { defaultValue: t('nationalTests.errors.generic') })}</Text>;
  }
  if (status?.state === 'saved') return <Text size="sm" c="green.9" data-testid="saved">{t('nationalTests.saved')}</Text>;
  if (pupil.result && !pupil.result.finished) return <Text size="sm">{t('nationalTests.notFinished')}</Text>;
  return null;
}

/** Years 6 and 9: one select per pupil (A–F or "did not take part"), saved at once. */
function GradeSelect({ pupil, disabled, onSave }: { pupil: GridPupil; disabled: boolean; onSave: (input: ResultInput) => void }) {
  const { t } = useTranslation();
  const r = pupil.result;
  const value = r?.notParticipated ? NOT_PARTICIPATED : r?.testGrade ?? NONE;
  return (
    <NativeSelect
      size="sm" w={150} value={value} disabled={disabled} data-testid="test-grade"
      aria-label={t('nationalTests.cellLabel', { what: t('nationalTests.col.grade'), name: nameOf(pupil) })}
      data={[{ value: NONE, label: t('nationalTests.none') }, ...TEST_GRADES.map((g) => ({ value: g, label: g })),
        { value: NOT_PARTICIPATED, label: t('nationalTests.notParticipated') }]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        onSave(v === NOT_PARTICIPATED ? { notParticipated: true } : { testGrade: v === NONE ? null : (v as TestGrade) });
      }}
    />
  );
}

/** Year 3: one select per sub-test, and "did not take part" for the whole test. */
function SubTestCells({ pupil, codes, disabled, onSave }: { pupil: GridPupil; codes: string[]; disabled: boolean; onSave: (input: ResultInput) => void }) {
  const { t } = useTranslation();
  const r = pupil.result;
  const subTests = r?.subTests ?? {};
  const setSubTest = (code: string, v: string) => {
    const next: Record<string, SubTestOutcome> = { ...subTests };
    if (v === NONE) delete next[code]; else next[code] = v as SubTestOutcome;
    onSave({ subTests: Object.keys(next).length ? next : null });
  };
  return (
    <>
      {codes.map((code) => (
        <Table.Td key={code}>
          <NativeSelect
            size="sm" w={130} value={subTests[code] ?? NONE} disabled={disabled || !!r?.notParticipated} data-testid={`sub-test-${code}`}
            aria-label={t('nationalTests.cellLabel', { what: t('nationalTests.col.subTest', { code }), name: nameOf(pupil) })}
            data={[{ value: NONE, label: t('nationalTests.none') }, ...SUB_TEST_OUTCOMES.map((o) => ({ value: o, label: t(`nationalTests.outcomes.${o}`) }))]}
            onChange={(e) => setSubTest(code, e.currentTarget.value)}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <input
          type="checkbox" className={classes.check} checked={!!r?.notParticipated} disabled={disabled} data-testid="not-participated"
          aria-label={t('nationalTests.cellLabel', { what: t('nationalTests.col.notParticipated'), name: nameOf(pupil) })}
          onChange={(e) => onSave(e.currentTarget.checked ? { notParticipated: true } : { subTests: null })}
        />
      </Table.Td>
    </>
  );
}

/** The registration grid: a row per pupil, like the grade register. */
export function ResultGrid({ grid, label, status, onSave }: {
  grid: Grid; label: string; status: Record<string, SaveStatus>; onSave: (pupil: GridPupil, input: ResultInput) => void;
}) {
  const { t } = useTranslation();
  const codes = grid.subTests;
  const columns = [t('nationalTests.col.pupil'),
    ...(codes ? [...codes.map((code) => t('nationalTests.col.subTest', { code })), t('nationalTests.col.notParticipated')] : [t('nationalTests.col.grade')]),
    t('nationalTests.col.status')];
  return (
    <div className={classes.scroll} tabIndex={0} role="region" aria-label={label}>
      <Table striped withTableBorder aria-label={label} data-testid="national-test-grid">
        <Table.Thead>
          <Table.Tr>{columns.map((c) => <Table.Th key={c} scope="col">{c}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.pupils.map((p) => {
            const disabled = !p.editable || status[p.id]?.state === 'saving';
            const save = (input: ResultInput) => onSave(p, input);
            return (
              <Table.Tr key={p.id} data-testid="national-test-row">
                <Table.Th scope="row" fw={500}>{nameOf(p)}</Table.Th>
                {codes ? <SubTestCells pupil={p} codes={codes} disabled={disabled} onSave={save} />
                  : <Table.Td><GradeSelect pupil={p} disabled={disabled} onSave={save} /></Table.Td>}
                <Table.Td><StatusCell pupil={p} status={status[p.id]} /></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
