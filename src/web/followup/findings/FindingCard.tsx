import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/DataTable';
import { FindingForm } from './FindingForm';
import { FollowUpForm } from './FollowUpForm';
import { MeasureForm } from './MeasureForm';
import { useFindingProblem } from './problem';
import type { Finding, Measure } from './types';
import { useFindingMutations } from './useFindings';

const STATE_COLOR = { due: 'red.8', planned: 'blue.8', followed_up: 'green.9' } as const;
type Editing = { kind: 'finding' } | { kind: 'measure' } | { kind: 'followUp'; measure: Measure } | null;

/** One finding: what it concerns, the assessment and cause, its measures with their state; the principal's actions. */
/** The follow-up report the finding is about, where there is one (built by the report pages). */
const reportPath = (f: Finding) => (f.targetKind === 'group' && f.targetRef ? `/uppfoljning/grupp/${encodeURIComponent(f.targetRef)}`
  : f.targetKind === 'unit' ? `/uppfoljning/enhet/${encodeURIComponent(f.schoolUnitId)}` : null);

export function FindingCard({ finding, today, mayRecord, headingLevel = 3, withReportLink = false }:
  { finding: Finding; today: string; mayRecord: boolean; headingLevel?: 3 | 4; withReportLink?: boolean }) {
  const { t } = useTranslation();
  const m = useFindingMutations();
  const problem = useFindingProblem();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => { setEditing(null); m.update.reset(); m.addMeasure.reset(); m.updateMeasure.reset(); };
  const err = (e: unknown) => (e ? problem(e) : null);
  const f = finding;
  return (
    <Paper withBorder p="md" component="article" data-testid="finding" aria-labelledby={`finding-${f.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={headingLevel} size="h4" id={`finding-${f.id}`}>{f.targetLabel}</Title>
            <Text size="sm" c="dimmed">
              {[t(`followupFindings.targetKinds.${f.targetKind}`), f.subjectName ?? t('followupFindings.allSubjects'),
                f.gradeYear ? t('followupFindings.gradeYear', { year: f.gradeYear }) : null, f.schoolYear].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Group gap="xs">
            <Badge color={f.assessment === 'unjustified' ? 'orange' : f.assessment === 'justified' ? 'gray' : 'blue'} variant="light" data-testid="finding-assessment">
              {t(`followupFindings.assessments.${f.assessment}`)}
            </Badge>
            {f.needsMeasure && <Badge color="red" data-testid="needs-measure">{t('followupFindings.needsMeasure')}</Badge>}
          </Group>
        </Group>
        {editing?.kind === 'finding' ? (
          <FindingForm initial={f} submitLabel={t('followupFindings.save')} pending={m.update.isPending} error={err(m.update.error)} onCancel={close}
            onSubmit={(v) => m.update.mutate({ id: f.id, ...v, version: f.version }, { onSuccess: close })} />
        ) : (
          <Text data-testid="finding-cause-text"><strong>{t('followupFindings.cause')}:</strong> {f.cause || t('followupFindings.noCause')}</Text>
        )}
        <Group gap="md">
          <Text size="xs" c="dimmed">{t('followupFindings.recorded', { date: f.recordedAt, name: f.recordedBy })}</Text>
          {withReportLink && reportPath(f) && (
            <Anchor component={Link} to={reportPath(f)!} size="sm">{t(f.targetKind === 'group' ? 'followupFindings.groupReport' : 'followupFindings.unitReport')}</Anchor>
          )}
        </Group>
        <DataTable label={`${t('followupFindings.measures')}: ${f.targetLabel}`} empty={t('followupFindings.noMeasures')} testId="measures-table"
          columns={[t('followupFindings.col.measure'), t('followupFindings.col.description'), t('followupFindings.col.responsible'), t('followupFindings.col.followUpDate'),
            t('followupFindings.col.state'), t('followupFindings.col.outcome'), ...(mayRecord ? [t('followupFindings.col.action')] : [])]}
          rows={f.measures.map((x) => ({ key: x.id, cells: [
            t(`followupFindings.kinds.${x.kind}`), x.description, x.responsible || '–', x.followedUpOn ? `${x.followUpDate} (${x.followedUpOn})` : x.followUpDate,
            <Text key="s" size="sm" fw={600} c={STATE_COLOR[x.state]} data-testid="measure-state">{t(`followupFindings.states.${x.state}`)}</Text>, x.outcome || '–',
            ...(mayRecord ? [<Button key="f" size="compact-sm" variant="subtle" onClick={() => setEditing({ kind: 'followUp', measure: x })}
              aria-label={`${t('followupFindings.followUp')}: ${x.description}`}>{t('followupFindings.followUp')}</Button>] : []),
          ] }))} />
        {editing?.kind === 'measure' && (
          <MeasureForm pending={m.addMeasure.isPending} error={err(m.addMeasure.error)} onCancel={close}
            onSubmit={(v) => m.addMeasure.mutate({ findingId: f.id, ...v }, { onSuccess: close })} />
        )}
        {editing?.kind === 'followUp' && (
          <FollowUpForm measure={editing.measure} today={today} pending={m.updateMeasure.isPending} error={err(m.updateMeasure.error)} onCancel={close}
            onSubmit={(v) => m.updateMeasure.mutate({ id: editing.measure.id, description: editing.measure.description, responsible: editing.measure.responsible,
              followUpDate: editing.measure.followUpDate, version: editing.measure.version, ...v }, { onSuccess: close })} />
        )}
        {mayRecord && editing === null && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'measure' })} data-testid="add-measure">{t('followupFindings.addMeasure')}</Button>
            <Button size="xs" variant="default" onClick={() => setEditing({ kind: 'finding' })}>{t('followupFindings.edit')}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
