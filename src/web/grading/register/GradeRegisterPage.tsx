import { useState } from 'react';
import { Alert, Button, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink, groupPath } from '../../app/AppLink';
import { cataloguePath } from '../catalogue/types';
import { formatDate } from '../../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { TeacherGroupReports } from '../../groups/reports/TeacherGroupReports';
import { ConfirmDialog } from './ConfirmDialog';
import { pupilName } from './GradeCell';
import { HistoryModal } from './HistoryModal';
import { RegisterTable } from './RegisterTable';
import { CARRY_OVER, ColumnChooser, FillDown } from './Toolbar';
import { UnconfirmDialog } from './UnconfirmDialog';
import { WrittenAssessmentDrawer } from './WrittenAssessmentDrawer';
import { KnowledgeMatrixDrawer } from '../../assessment/KnowledgeMatrixDrawer';
import { isModuleOn } from '../../organisation/RequireModule';
import { showStep, type Column, type Register, type RegisterPupil } from './types';
import { useCellSaves } from './useCellSaves';
import { registerQueryKey, useColumnChoice, useRegister } from './useRegister';
import classes from './register.module.css';

type CellRef = { gradeId: string; title: string };

function PeriodLine({ period }: { period: Register['period'] }) {
  const { t } = useTranslation();
  if (!period) return <Text size="sm" c="dimmed">{t('gradeRegister.noPeriod')}</Text>;
  const dates = { from: formatDate(period.from), to: formatDate(period.to) };
  return period.open ? (
    <Text fw={500} data-testid="grading-period">{t('gradeRegister.period', { ...dates, count: period.daysLeft })}</Text>
  ) : (
    <Text fw={500} c="orange.9" data-testid="grading-period">{t('gradeRegister.periodClosed', dates)}</Text>
  );
}

function RegisterView({ register, queryKey }: { register: Register; queryKey: readonly unknown[] }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { group, term } = register;
  useDocumentTitle(t('gradeRegister.documentTitle', { group: group.name }));
  const administer = session.allowedActions.includes('grades.administer');
  const periodOpen = register.period === null || register.period.open;
  const editable = register.canEdit && session.allowedActions.includes('grades.register') && periodOpen;
  const columns = useColumnChoice();
  const saves = useCellSaves(group.id, queryKey);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [filling, setFilling] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [assessmentOf, setAssessmentOf] = useState<string | null>(null);
  const [history, setHistory] = useState<CellRef | null>(null);
  const [unconfirm, setUnconfirm] = useState<CellRef | null>(null);
  const [basisOf, setBasisOf] = useState<RegisterPupil | null>(null);
  const labelOf = (p: RegisterPupil, c: Column) => `${register.columns.find((x) => x.key === c)?.label ?? c}, ${pupilName(p)}`;

  /** Carries over for every selected pupil whose cell allows it (an editable HT/VT cell without a grade of its own). */
  const fillCarryOver = async (column: Column) => {
    setFilling(true);
    setNotice(null);
    let saved = 0;
    let skipped = 0;
    let nothing = 0;
    for (const p of register.pupils.filter((x) => selected.has(x.id))) {
      const cell = p.cells[column];
      if (column === 'final' || !cell.allowed || (cell.state !== null && cell.state !== 'registered') || (cell.value !== null && !cell.carriedOver)) {
        skipped++;
        continue;
      }
      const outcome = await saves.carryOver(p.id, column);
      if (outcome === 'saved') saved++;
      else {
        skipped++;
        if (outcome === 'nothing_to_carry_over') nothing++;
      }
    }
    setFilling(false);
    setNotice(t('gradeRegister.fill.carryOverResult', { saved, skipped, nothing }));
  };

  const fill = async (column: Column, value: string) => {
    if (value === CARRY_OVER) return fillCarryOver(column);
    setFilling(true);
    setNotice(null);
    let saved = 0;
    let skipped = 0;
    for (const p of register.pupils.filter((x) => selected.has(x.id))) {
      const cell = p.cells[column];
      if (!cell.allowed || !cell.steps.includes(value) || (cell.state !== null && cell.state !== 'registered')) {
        skipped++;
        continue;
      }
      if ((await saves.save(p.id, column, value)) === 'saved') saved++;
      else skipped++;
    }
    setFilling(false);
    setNotice(t('gradeRegister.fill.result', { saved, skipped }));
  };

  const shownNotice = notice ?? saves.notice;
  const today = formatDate(new Date().toISOString());
  return (
    <Stack gap="md" py="md">
      <div className={classes.printOnly} data-testid="print-header">
        <Text fw={700}>{`${group.unit.name} · ${group.name} · ${group.subject.name} · ${term.label}`}</Text>
        <Text size="sm">{t('gradeRegister.printedAt', { date: today })}</Text>
      </div>
      <div className={classes.noPrint}>
        <Title order={1} data-testid="register-title">{group.name}</Title>
        <Text c="dimmed">{t('gradeRegister.subtitle', { subject: group.subject.name, term: term.label, unit: group.unit.name })}</Text>
        <PeriodLine period={register.period} />
        <Group gap="lg">
          <AppLink to={groupPath(group.id)}>{t('gradeRegister.toGroup')}</AppLink>
          <AppLink to={cataloguePath(group.id)} testId="catalogue-link">{t('gradeRegister.toCatalogue')}</AppLink>
        </Group>
      </div>
      <div className={classes.noPrint}>
        <TeacherGroupReports groupId={group.id} groupName={group.name} pupils={register.pupils} current={session.current} />
      </div>
      {!register.canEdit && (
        <Alert color="gray" className={classes.noPrint}>{administer ? t('gradeRegister.readOnlyAdmin') : t('gradeRegister.readOnly')}</Alert>
      )}
      <Group justify="space-between" align="flex-end" className={classes.noPrint}>
        <ColumnChooser register={register} shown={columns.shown} onChange={columns.setShown} />
        <Group gap="sm">
          {editable && <Button onClick={() => setConfirmOpen(true)}>{t('gradeRegister.confirm.open')}</Button>}
          <Button variant="default" onClick={() => window.print()}>{t('gradeRegister.print')}</Button>
        </Group>
      </Group>
      {editable && <FillDown register={register} selectedCount={selected.size} busy={filling} onFill={(c, v) => void fill(c, v)} />}
      {shownNotice && (
        <Alert color="larka" role="status" className={classes.noPrint} data-testid="register-notice"
          withCloseButton={false} title={undefined}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{shownNotice}</Text>
            <CloseButton size="sm" aria-label={t('gradeRegister.close')} onClick={() => { setNotice(null); saves.clearNotice(); }} />
          </Group>
        </Alert>
      )}
      {editable && <Text size="xs" c="dimmed" className={classes.noPrint}>{t('gradeRegister.keyboardHelp')}</Text>}
      <RegisterTable
        register={register}
        shown={columns.shown}
        status={saves.status}
        editable={editable}
        administer={administer}
        selected={selected}
        onSelect={setSelected}
        onSave={(p, c, v) => void saves.save(p.id, c, v)}
        onCarryOver={(p, c) => void saves.carryOver(p.id, c)}
        onStepNotAllowed={(step, p) => setNotice(t('gradeRegister.stepNotForPupil', { step: showStep(step), name: pupilName(p) }))}
        onBasis={isModuleOn(session, 'planning') && session.allowedActions.includes('plannings.view') ? setBasisOf : undefined}
        actions={{
          onAssessment: (p) => setAssessmentOf(p.id),
          onHistory: (p, c) => setHistory({ gradeId: p.cells[c].gradeId!, title: labelOf(p, c) }),
          onUnconfirm: (p, c) => setUnconfirm({ gradeId: p.cells[c].gradeId!, title: labelOf(p, c) }),
        }}
      />
      {confirmOpen && (
        <ConfirmDialog opened onClose={() => setConfirmOpen(false)} register={register} selected={selected} onDone={setNotice} />
      )}
      <WrittenAssessmentDrawer
        groupId={group.id}
        subject={group.subject.name}
        pupil={register.pupils.find((p) => p.id === assessmentOf) ?? null}
        onClose={() => setAssessmentOf(null)}
      />
      <HistoryModal gradeId={history?.gradeId ?? null} title={history?.title ?? ''} onClose={() => setHistory(null)} />
      <KnowledgeMatrixDrawer pupil={basisOf} subject={group.subject.code} onClose={() => setBasisOf(null)} />
      <UnconfirmDialog groupId={group.id} gradeId={unconfirm?.gradeId ?? null} title={unconfirm?.title ?? ''}
        onClose={() => setUnconfirm(null)} onDone={setNotice} />
    </Stack>
  );
}

/** /betyg/grupp/:groupId — the grade register (betygslista) of a teaching group. */
export function GradeRegisterPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const session = useCurrentSession();
  const register = useRegister(groupId, session.current);
  const queryKey = registerQueryKey(groupId, session.current);
  // the user's chosen columns first: the register never shows the default columns and then takes some away
  const columnsReady = useColumnChoice().ready;
  if (register.data && columnsReady) return <RegisterView key={groupId} register={register.data} queryKey={queryKey} />;
  if (register.isPending || !columnsReady) return <LoadingState />;
  if (isNotFoundOrForbidden(register.error)) return <NotFoundOrNoAccessState title={t('gradeRegister.notFound')} testId="register-not-found" />;
  return <ErrorState error={register.error} onRetry={() => void register.refetch()} />;
}
