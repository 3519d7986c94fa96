import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ErrorState, LoadingState } from '../../app/states';
import { useReflection, useSaveReflection, type Reflection, type ReflectionView } from './useReflection';

const MAX_ANSWER = 4000;

/** The grading teacher's form: a textarea per question and notes, saved version-checked. */
function ReflectionForm({ groupId, view }: { groupId: string; view: ReflectionView }) {
  const { t, i18n } = useTranslation();
  const save = useSaveReflection(groupId);
  const [answers, setAnswers] = useState<Record<string, string>>(view.mine?.answers ?? {});
  const [notes, setNotes] = useState(view.mine?.notes ?? '');
  const problemKey = `followupReflection.problems.${isApiError(save.error) ? save.error.code : ''}`;
  return (
    <Stack component="form" gap="sm" data-testid="reflection-form"
      onSubmit={(e) => { e.preventDefault(); save.mutate({ answers, notes, version: view.mine?.version ?? null }); }}>
      {view.questions.map((q) => (
        <Textarea key={q.key} label={q.text} value={answers[q.key] ?? ''} maxLength={MAX_ANSWER} autosize minRows={2}
          onChange={(e) => { const v = e.currentTarget.value; setAnswers((a) => ({ ...a, [q.key]: v })); }} data-testid={`reflection-${q.key}`} />
      ))}
      <Textarea label={t('followupReflection.notes')} value={notes} maxLength={8000} autosize minRows={2} onChange={(e) => setNotes(e.currentTarget.value)}
        data-testid="reflection-notes" />
      {save.error && <Text c="red.8" role="alert">{i18n.exists(problemKey) ? t(problemKey) : t('app.unexpectedError')}</Text>}
      <Group>
        <Button type="submit" loading={save.isPending} data-testid="reflection-save">{t('followupReflection.save')}</Button>
        <Text size="sm" c="dimmed" role="status" data-testid="reflection-state">
          {view.mine ? t('followupReflection.saved', { at: view.mine.updatedAt }) : t('followupReflection.notSaved')}
        </Text>
      </Group>
    </Stack>
  );
}

/** A teacher's reflection as the principal reads it. */
function ReadOnlyReflection({ r, questions }: { r: Reflection; questions: ReflectionView['questions'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="article" data-testid="teacher-reflection">
      <Title order={4} size="h5">{t('followupReflection.by', { name: r.authorName, at: r.updatedAt })}</Title>
      <dl>
        {questions.map((q) => (
          <div key={q.key}>
            <Text component="dt" fw={500} size="sm" mt="xs">{q.text}</Text>
            <Text component="dd" ml={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.answers[q.key] ?? t('followupReflection.unanswered')}</Text>
          </div>
        ))}
        {r.notes && (<div><Text component="dt" fw={500} size="sm" mt="xs">{t('followupReflection.notes')}</Text>
          <Text component="dd" ml={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</Text></div>)}
      </dl>
    </Paper>
  );
}

/**
 * Beside a group's follow-up: the teacher questions of Skolverket's general advice. The grading teacher
 * answers them (and notes); the principal reads every teacher's reflection on the group.
 */
export function ReflectionPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const query = useReflection(groupId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="reflection-title" data-testid="reflection-panel">
      <Title order={2} size="h3" id="reflection-title">{t('followupReflection.title')}</Title>
      <Text size="sm" c="dimmed">{t('followupReflection.intro')}</Text>
      {!query.data ? (query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />)
        : query.data.mayWrite ? <ReflectionForm key={query.data.mine?.version ?? 0} groupId={groupId} view={query.data} />
        : (
          <Stack gap="sm">
            <Title order={3} size="h4">{t('followupReflection.teachersTitle')}</Title>
            {query.data.reflections.length === 0 ? <Text c="dimmed">{t('followupReflection.noReflections')}</Text>
              : query.data.reflections.map((r) => <ReadOnlyReflection key={r.id} r={r} questions={query.data.questions} />)}
          </Stack>
        )}
    </Stack>
  );
}
