import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import type { ProgrammeCase } from './types';
import { useProblemText, useProgrammeMutations } from './useActionProgrammes';

interface MeasureDraft { key: number; measure: string; responsibleId: string; followUpOn: string }

/** The investigation's findings and the draft programme, editable until the decision. */
export function DraftEditor({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const { saveDraft } = useProgrammeMutations(c.id);
  const [findings, setFindings] = useState(c.investigationFindings);
  const [needs, setNeeds] = useState(c.needs);
  const [evaluateBy, setEvaluateBy] = useState(c.evaluateBy ?? '');
  const [nextKey, setNextKey] = useState(c.measures.length);
  const [measures, setMeasures] = useState<MeasureDraft[]>(c.measures.map((m, i) => ({ key: i, measure: m.measure, responsibleId: m.responsibleId, followUpOn: m.followUpOn })));
  const [saved, setSaved] = useState(false);
  const change = (key: number, patch: Partial<MeasureDraft>) => { setSaved(false); setMeasures((all) => all.map((m) => (m.key === key ? { ...m, ...patch } : m))); };
  const complete = measures.every((m) => m.measure.trim() && m.responsibleId && isIsoDate(m.followUpOn)) && (evaluateBy === '' || isIsoDate(evaluateBy));
  const options = c.responsibleOptions.map((o) => ({ value: o.id, label: o.name }));
  return (
    <form onSubmit={(e) => {
      e.preventDefault();
      saveDraft.mutate({ investigationFindings: findings, needs, evaluateBy: evaluateBy || null,
        measures: measures.map(({ measure, responsibleId, followUpOn }) => ({ measure, responsibleId, followUpOn })), version: c.version },
      { onSuccess: () => setSaved(true) });
    }}>
      <Stack gap="md" maw={820}>
        <Text size="sm" c="dimmed">{t('actionProgrammes.draftHint')}</Text>
        <Textarea label={t('actionProgrammes.findings')} description={t('actionProgrammes.findingsHint')} autosize minRows={3} maxLength={8000}
          value={findings} onChange={(e) => { setFindings(e.currentTarget.value); setSaved(false); }} data-testid="draft-findings" />
        <Title order={3} size="h4">{t('actionProgrammes.programme')}</Title>
        <Textarea label={t('actionProgrammes.needs')} autosize minRows={2} maxLength={8000}
          value={needs} onChange={(e) => { setNeeds(e.currentTarget.value); setSaved(false); }} data-testid="draft-needs" />
        <Stack gap="sm" data-testid="draft-measures">
          <Text fw={600} size="sm">{t('actionProgrammes.measures')}</Text>
          {measures.length === 0 && <Text size="sm" c="dimmed">{t('actionProgrammes.noMeasures')}</Text>}
          {measures.map((m, i) => (
            <Paper key={m.key} withBorder p="sm" data-testid="draft-measure">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start">
                  <Text size="sm" fw={600}>{t('actionProgrammes.measureN', { n: i + 1 })}</Text>
                  <ActionIcon variant="subtle" color="red" aria-label={t('actionProgrammes.removeMeasure', { n: i + 1 })}
                    onClick={() => { setSaved(false); setMeasures((all) => all.filter((x) => x.key !== m.key)); }}>✕</ActionIcon>
                </Group>
                <Textarea label={t('actionProgrammes.measure')} required autosize minRows={1} maxLength={2000} value={m.measure}
                  onChange={(e) => change(m.key, { measure: e.currentTarget.value })} data-testid="measure-text" />
                <Group align="flex-end">
                  <Select label={t('actionProgrammes.responsible')} required searchable data={options} value={m.responsibleId || null} w={260}
                    onChange={(v) => change(m.key, { responsibleId: v ?? '' })} data-testid="measure-responsible" />
                  <DateInput label={t('actionProgrammes.followUpOn')} required value={m.followUpOn} onChange={(v) => change(m.key, { followUpOn: v })} testId="measure-follow-up" />
                </Group>
              </Stack>
            </Paper>
          ))}
          <Button variant="default" w="fit-content" data-testid="add-measure"
            onClick={() => { setSaved(false); setMeasures((all) => [...all, { key: nextKey, measure: '', responsibleId: '', followUpOn: '' }]); setNextKey(nextKey + 1); }}>
            {t('actionProgrammes.addMeasure')}</Button>
        </Stack>
        <DateInput label={t('actionProgrammes.evaluateBy')} value={evaluateBy} onChange={(v) => { setEvaluateBy(v); setSaved(false); }} testId="draft-evaluate-by" />
        <Button type="submit" w="fit-content" loading={saveDraft.isPending} disabled={!complete} data-testid="draft-save">{t('actionProgrammes.saveDraft')}</Button>
        {saved && <Alert color="green" role="status">{t('actionProgrammes.saved')}</Alert>}
        {saveDraft.error && <Alert color="red" role="alert">{problem(saveDraft.error)}</Alert>}
      </Stack>
    </form>
  );
}
