import { useId, type KeyboardEvent } from 'react';
import { Badge, Button, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isReadOnlyState, showStep, type Cell, type Column, type RegisterPupil, type SaveStatus } from './types';
import classes from './register.module.css';

export interface CellActions {
  onSave: (pupil: RegisterPupil, column: Column, value: string | null) => void;
  /** Carry the latest earlier term grade over (överfört); HT/VT only. */
  onCarryOver: (pupil: RegisterPupil, column: Column) => void;
  onKeyDown: (e: KeyboardEvent<HTMLSelectElement>, pupil: RegisterPupil, column: Column) => void;
  onAssessment: (pupil: RegisterPupil) => void;
  onHistory: (pupil: RegisterPupil, column: Column) => void;
  onUnconfirm: (pupil: RegisterPupil, column: Column) => void;
}

/** Why a cell offers no grade (the server only says that it does not). */
function useWhyNot() {
  const { t } = useTranslation();
  // The server says why (the same domain rule it enforces); the browser only words it.
  return (pupil: RegisterPupil, cell: Cell) => {
    switch (cell.blocked) {
      case 'grades_not_requested': return t('gradeRegister.why.notRequested');
      case 'no_school_year': return t('gradeRegister.why.noSchoolYear');
      case 'final_only_in_year_9': return t('gradeRegister.why.finalOnlyYear9');
      case 'after_last_term_grade': return t('gradeRegister.why.noTermGradeYear9VT');
      case 'before_first_graded_year': return t('gradeRegister.why.beforeFirstYear', { year: pupil.schoolYear });
      default: return t('gradeRegister.why.notOffered');
    }
  };
}

export const pupilName = (p: RegisterPupil) => `${p.givenName} ${p.familyName}`;

function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <rect x="0.5" y="5" width="9" height="6.5" rx="1" fill="currentColor" />
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

function StateBadge({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (!isReadOnlyState(cell.state)) return null;
  return (
    <Badge size="sm" variant="light" tt="none" color={cell.state === 'confirmed' ? 'larka' : 'gray'} leftSection={<LockIcon />} data-testid="cell-state">
      {t(`gradeRegister.${cell.state}`)}
    </Badge>
  );
}

function StatusLine({ status }: { status: SaveStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  if (status.kind === 'saving') {
    return <Text className={classes.small} c="dimmed">{t(status.carryOver ? 'gradeRegister.carryOver.saving' : 'gradeRegister.saving')}</Text>;
  }
  if (status.kind === 'saved') return <Text className={classes.small} c="green.9"><span aria-hidden="true">✓ </span>{t('gradeRegister.saved')}</Text>;
  if (status.kind === 'conflict') return <Text className={classes.small} c="orange.9">{t('gradeRegister.conflict')}</Text>;
  if (status.carryOver) {
    // the reason is shown, not only told: "Eleven har inget tidigare terminsbetyg i ämnet att överföra"
    return (
      <Stack gap={2} data-testid="carry-over-failed">
        <Text className={classes.small} c="red.9">
          {`${t('gradeRegister.carryOver.failed')}: ${status.message}`}
        </Text>
        {status.retry && (
          <Button size="compact-xs" variant="outline" color="red.9" onClick={status.retry} className={classes.noPrint} w="fit-content">
            {t('gradeRegister.tryAgain')}
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Text className={classes.small} c="red.9" title={status.message}>
        {t('gradeRegister.failed')}
        <VisuallyHidden>{`: ${status.message}`}</VisuallyHidden>
      </Text>
      <Button size="compact-xs" variant="outline" color="red.9" onClick={status.retry} className={classes.noPrint}>
        {t('gradeRegister.tryAgain')}
      </Button>
    </Group>
  );
}

/** One grade cell: a native select for an editable cell (saved at once), the value as text otherwise. */
export function GradeCell({
  pupil, column, columnLabel, status, editable, administer, actions,
}: {
  pupil: RegisterPupil;
  column: Column;
  columnLabel: string;
  status: SaveStatus | undefined;
  editable: boolean;
  administer: boolean;
  actions: CellActions;
}) {
  const { t } = useTranslation();
  const whyNot = useWhyNot();
  const carriedId = useId();
  const cell = pupil.cells[column];
  const name = pupilName(pupil);
  if (!cell.allowed && !cell.value) {
    const why = whyNot(pupil, cell);
    return (
      <Text span className={classes.notAllowed} title={why} data-testid="cell-not-allowed">
        <span aria-hidden="true">–</span>
        <VisuallyHidden>{why}</VisuallyHidden>
      </Text>
    );
  }
  const label = column === 'final' ? t('gradeRegister.finalLabel', { name }) : t('gradeRegister.cellLabel', { column: columnLabel, name });
  const value = status?.kind === 'saving' || status?.kind === 'failed' ? status.value : cell.value;
  const canChange = editable && cell.allowed && !isReadOnlyState(cell.state);
  const canCarryOver = canChange && column !== 'final' && !value && !cell.carriedOver;
  const carrying = status?.kind === 'saving' && status.carryOver === true;
  const carryStatus = status && status.kind !== 'conflict' && status.carryOver === true;
  const registered = cell.by && cell.at ? t('gradeRegister.registeredBy', { name: cell.by.name, at: cell.at }) : null;
  return (
    <Stack gap={2} data-testid={`cell-${column}`}>
      <Group gap={6} wrap="nowrap">
        {canChange ? (
          <>
            <select
              className={`${classes.select} ${classes.noPrint}`}
              aria-label={label}
              aria-describedby={cell.carriedOver ? carriedId : undefined}
              title={registered ?? undefined}
              value={value ?? ''}
              data-col={column}
              data-failed={(status?.kind === 'failed' && !status.carryOver) || undefined}
              onChange={(e) => actions.onSave(pupil, column, e.currentTarget.value || null)}
              onKeyDown={(e) => actions.onKeyDown(e, pupil, column)}
            >
              <option value="" />
              {cell.steps.map((s) => (
                <option key={s} value={s}>
                  {showStep(s)}
                </option>
              ))}
            </select>
            <span className={`${classes.printOnly} ${classes.value}`}>{showStep(value)}</span>
          </>
        ) : (
          <Text span className={classes.value} data-testid="cell-value">
            <VisuallyHidden>{`${label}: `}</VisuallyHidden>
            {showStep(value)}
          </Text>
        )}
        {canCarryOver && (
          <Button size="compact-xs" variant="subtle" className={classes.noPrint} px={4}
            onClick={() => actions.onCarryOver(pupil, column)} disabled={carrying}
            aria-label={t('gradeRegister.carryOver.label', { name })} title={t('gradeRegister.carryOver.explain')}
            data-testid="carry-over">
            {t('gradeRegister.carryOver.open')}
          </Button>
        )}
        <StateBadge cell={cell} />
        {cell.carriedOver && (
          <Badge size="sm" variant="outline" tt="none" color="gray.7" id={carriedId} title={t('gradeRegister.carryOver.explain')}
            data-testid="cell-carried-over">
            {t('gradeRegister.carriedOver')}
          </Badge>
        )}
        {cell.writtenAssessment && (
          <UnstyledButton
            onClick={() => actions.onAssessment(pupil)}
            aria-label={`${t(`gradeRegister.assessment.${cell.writtenAssessment}`)} – ${name}`}
            title={cell.writtenAssessment === 'missing' && cell.value === '-' ? t('gradeRegister.assessment.missingOptional') : t(`gradeRegister.assessment.${cell.writtenAssessment}`)}
            data-testid={`assessment-${cell.writtenAssessment}`}
          >
            <Badge size="md" radius="xl" variant="filled" color={cell.writtenAssessment === 'missing' ? 'yellow.4' : 'larka'}
              c={cell.writtenAssessment === 'missing' ? 'black' : 'white'} style={{ cursor: 'pointer' }} aria-hidden="true">
              {cell.writtenAssessment === 'missing' ? '!' : '✓'}
            </Badge>
          </UnstyledButton>
        )}
      </Group>
      {/* the outcome of a carry-over is announced: it is started from a button, away from the value */}
      <div aria-live="polite" aria-atomic="true">
        {carryStatus && <StatusLine status={status} />}
      </div>
      {!carryStatus && <StatusLine status={isReadOnlyState(cell.state) && status?.kind === 'saved' ? undefined : status} />}
      {(registered || cell.gradeId) && (
        <Group gap={6} wrap="nowrap" align="baseline">
          {registered && (
            <Text className={classes.small} c="dimmed" title={registered} data-testid="cell-registered">
              <VisuallyHidden>{`${t('gradeRegister.registeredByPrefix')} `}</VisuallyHidden>
              {`${cell.by!.name} ${cell.at}`}
            </Text>
          )}
          {cell.gradeId && (
            <Button size="compact-xs" variant="subtle" className={classes.noPrint} onClick={() => actions.onHistory(pupil, column)}
              aria-label={t('gradeRegister.history.label', { cell: label })}>
              {t('gradeRegister.history.open')}
            </Button>
          )}
        </Group>
      )}
      {administer && cell.state === 'confirmed' && cell.gradeId && (
        <Button size="compact-xs" variant="outline" className={classes.noPrint} onClick={() => actions.onUnconfirm(pupil, column)}
          aria-label={`${t('gradeRegister.unconfirm.open')} – ${label}`}>
          {t('gradeRegister.unconfirm.open')}
        </Button>
      )}
    </Stack>
  );
}
