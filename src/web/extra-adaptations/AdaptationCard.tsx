import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import { DataTable } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { useProblem } from '../development-talks/useProblem';
import { AdaptationForm } from './AdaptationForm';
import type { Adaptation, AdaptationList } from './types';
import { useAdaptationMutations } from './useAdaptations';

export function AdaptationBadges({ a }: { a: Adaptation }) {
  const { t } = useTranslation();
  const color = { active: 'green', planned: 'blue', ended: 'orange', evaluated: 'gray' }[a.status];
  return (
    <Group gap={6}>
      <Badge variant="light" color={color}>{t(`extraAdaptations.statuses.${a.status}`)}</Badge>
      <Badge variant="outline" color={a.sharedAt ? 'teal.9' : 'gray.7'}>{a.sharedAt ? t('extraAdaptations.shared') : t('extraAdaptations.notShared')}</Badge>
    </Group>
  );
}

/** The facts and the follow-up notes of an adaptation (read-only). */
export function AdaptationFacts({ a }: { a: Adaptation }) {
  const { t } = useTranslation();
  const title = a.subjectName ?? t('extraAdaptations.general');
  return (
    <Stack gap="xs">
      <FactTable label={title} facts={[
        [t('extraAdaptations.description'), <Text key="d" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Text>],
        [t('extraAdaptations.startDate'), a.startDate],
        [t('extraAdaptations.endDate'), a.endDate ?? t('extraAdaptations.noEnd')],
        [t('extraAdaptations.responsible'), a.responsible],
        ...(a.status !== 'evaluated' ? [[t('extraAdaptations.followUpOn'), a.followUpOn ?? t('extraAdaptations.none_')] as [string, string]] : []),
        ...(a.evaluation ? [[t('extraAdaptations.evaluation'), <Text key="e" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{`${a.evaluatedOn}: ${a.evaluation}`}</Text>] as [string, React.ReactNode]] : []),
      ]} />
      <DataTable label={`${t('extraAdaptations.notes')} – ${title}`} empty={t('extraAdaptations.noNotes')}
        columns={[t('extraAdaptations.noteDate'), t('extraAdaptations.note'), t('extraAdaptations.createdBy')]}
        rows={a.notes.map((n) => ({ key: n.id, cells: [n.notedOn, <Text key="n" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{n.note}</Text>, n.author] }))} />
    </Stack>
  );
}

type Mode = 'view' | 'edit' | 'note' | 'evaluate';

/** One adaptation with what staff do to it: change, add a follow-up, evaluate, share. */
export function AdaptationCard({ a, list }: { a: Adaptation; list: AdaptationList }) {
  const { t } = useTranslation();
  const problem = useProblem('extraAdaptations');
  const m = useAdaptationMutations(a.pupilId);
  const [mode, setMode] = useState<Mode>('view');
  const [notedOn, setNotedOn] = useState(list.today);
  const [note, setNote] = useState('');
  const [next, setNext] = useState(a.followUpOn && a.followUpOn > list.today ? a.followUpOn : '');
  const [evaluation, setEvaluation] = useState('');
  const [evaluatedOn, setEvaluatedOn] = useState(list.today);
  const open = list.mayEdit && a.status !== 'evaluated';
  const error = m.share.error ?? m.note.error ?? m.evaluate.error;
  return (
    <Paper withBorder p="md" data-testid="adaptation">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">{a.subjectName ?? t('extraAdaptations.general')}</Title>
          <AdaptationBadges a={a} />
        </Group>
        {mode === 'edit' ? (
          <AdaptationForm list={list} testId="adaptation-edit" submitLabel={t('extraAdaptations.editSubmit')} pending={m.update.isPending}
            error={m.update.error ? problem(m.update.error) : null} onCancel={() => setMode('view')}
            initial={{ subjectCode: a.subjectCode, description: a.description, startDate: a.startDate, endDate: a.endDate, responsibleId: a.responsibleId, followUpOn: a.followUpOn }}
            onSubmit={(f) => m.update.mutate({ ...f, id: a.id, version: a.version }, { onSuccess: () => setMode('view') })} />
        ) : <AdaptationFacts a={a} />}
        {mode === 'note' && (
          <form onSubmit={(e) => { e.preventDefault(); m.note.mutate({ id: a.id, notedOn, note, nextFollowUpOn: next || null }, { onSuccess: () => { setMode('view'); setNote(''); setNext(''); } }); }}>
            <Stack gap="xs" maw={640}>
              <Group align="flex-end">
                <DateInput label={t('extraAdaptations.noteDate')} required value={notedOn} onChange={setNotedOn} testId="note-date" />
                <DateInput label={t('extraAdaptations.nextFollowUp')} value={next} onChange={setNext} testId="note-next" />
              </Group>
              <Textarea label={t('extraAdaptations.note')} required autosize minRows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="note-text" />
              <Group>
                <Button type="submit" loading={m.note.isPending} disabled={!note.trim() || !isIsoDate(notedOn)} data-testid="note-submit">{t('extraAdaptations.noteSubmit')}</Button>
                <Button variant="default" onClick={() => setMode('view')}>{t('extraAdaptations.cancel')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {mode === 'evaluate' && (
          <form onSubmit={(e) => { e.preventDefault(); m.evaluate.mutate({ id: a.id, evaluation, evaluatedOn, version: a.version }, { onSuccess: () => setMode('view') }); }}>
            <Stack gap="xs" maw={640}>
              <Text size="sm" c="dimmed">{t('extraAdaptations.evaluateHint')}</Text>
              <DateInput label={t('extraAdaptations.evaluatedOn')} required value={evaluatedOn} onChange={setEvaluatedOn} testId="evaluate-date" />
              <Textarea label={t('extraAdaptations.evaluationText')} required autosize minRows={2} maxLength={4000} value={evaluation}
                onChange={(e) => setEvaluation(e.currentTarget.value)} data-testid="evaluate-text" />
              <Group>
                <Button type="submit" loading={m.evaluate.isPending} disabled={!evaluation.trim() || !isIsoDate(evaluatedOn)} data-testid="evaluate-submit">{t('extraAdaptations.evaluateSubmit')}</Button>
                <Button variant="default" onClick={() => setMode('view')}>{t('extraAdaptations.cancel')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {open && mode === 'view' && (
          <Group gap="sm">
            <Button variant="default" size="xs" onClick={() => setMode('edit')} data-testid="adaptation-edit-open">{t('extraAdaptations.edit')}</Button>
            <Button variant="default" size="xs" onClick={() => setMode('note')} data-testid="adaptation-note-open">{t('extraAdaptations.addNote')}</Button>
            <Button variant="default" size="xs" onClick={() => setMode('evaluate')} data-testid="adaptation-evaluate-open">{t('extraAdaptations.evaluate')}</Button>
            {!a.sharedAt && <Button color="teal" size="xs" loading={m.share.isPending} onClick={() => m.share.mutate({ id: a.id, version: a.version })}
              data-testid="adaptation-share">{t('extraAdaptations.share')}</Button>}
          </Group>
        )}
        {error ? <Alert color="red" role="alert">{problem(error)}</Alert> : null}
      </Stack>
    </Paper>
  );
}
