import { Button, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/states';
import { FindingCard } from './FindingCard';
import { FindingForm } from './FindingForm';
import { useFindingProblem } from './problem';
import type { FindingTarget } from './types';
import { useFindingMutations, useFindings } from './useFindings';

export interface FindingsPanelProps {
  unitId: string; schoolYear: string; subjectCode?: string | null; gradeYear?: number | null; target: FindingTarget;
}

/** "Ny iakttagelse": the principal records a finding on the target (justified? the cause), in the given school year. */
export function NewFinding({ schoolYear, subjectCode, gradeYear, target, onDone }: Omit<FindingsPanelProps, 'unitId'> & { onDone?: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { create } = useFindingMutations();
  const problem = useFindingProblem();
  if (!open) return <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)} data-testid="new-finding">{t('followupFindings.newFinding')}</Button>;
  const close = () => { setOpen(false); create.reset(); };
  return (
    <FindingForm submitLabel={t('followupFindings.record')} pending={create.isPending} error={create.error ? problem(create.error) : null} onCancel={close}
      onSubmit={(v) => create.mutate({ schoolYear, subjectCode: subjectCode ?? null, gradeYear: gradeYear ?? null, targetKind: target.kind,
        targetRef: target.kind === 'unit' ? null : target.ref, targetLabel: target.label, ...v }, { onSuccess: () => { close(); onDone?.(); } })} />
  );
}

/**
 * The findings recorded on one target of the follow-up report (a unit, group, teacher or pupil group, in a
 * subject and grade year), every school year, with their measures; for the principal, the forms to record a
 * finding, add measures and follow them up. Placed by the report pages beside the figures.
 */
export function FindingsPanel({ unitId, schoolYear, subjectCode, gradeYear, target }: FindingsPanelProps) {
  const titleId = useId();
  const { t } = useTranslation();
  const query = useFindings({ unitId, targetKind: target.kind, targetRef: target.kind === 'unit' ? null : target.ref, subjectCode, gradeYear });
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId} data-testid="findings-panel">
      <Title order={2} size="h3" id={titleId}>{t('followupFindings.panelTitle')}</Title>
      {!query.data ? (query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />) : (
        <>
          {query.data.findings.length === 0 && <Text c="dimmed">{t('followupFindings.none')}</Text>}
          {query.data.findings.map((f) => <FindingCard key={f.id} finding={f} today={query.data.today} mayRecord={query.data.mayRecord} />)}
          {query.data.mayRecord && <NewFinding schoolYear={schoolYear} subjectCode={subjectCode} gradeYear={gradeYear} target={target} />}
        </>
      )}
    </Stack>
  );
}
