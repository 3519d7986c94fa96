import { useState } from 'react';
import { Alert, Button, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import { isApiError } from '../app/api';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useSyllabus } from '../curriculum/useCurriculum';
import { useCurrentSession } from '../session/useSession';
import { usePlanningProblem } from './problem';
import { RichTextEditor } from './RichTextEditor';
import { pickedInOrder, SyllabusPicker, type Picks } from './SyllabusPicker';
import { planningPath, type Planning } from './types';
import { usePlanning, usePlanningMutations, usePlanningOptions } from './usePlanning';

const sv = new Intl.Collator('sv');

function EditForm({ planning }: { planning: Planning }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const problem = usePlanningProblem();
  const options = usePlanningOptions(session.current.unitId);
  const syllabus = useSyllabus(planning.syllabusId);
  const { save } = usePlanningMutations(planning.id);
  const [title, setTitle] = useState(planning.title);
  const [periodStart, setStart] = useState(planning.periodStart);
  const [periodEnd, setEnd] = useState(planning.periodEnd);
  const [groupIds, setGroups] = useState(planning.groups.map((g) => g.id));
  const [texts, setTexts] = useState({ learningHtml: planning.learningHtml, teachingHtml: planning.teachingHtml, assessmentHtml: planning.assessmentHtml });
  const [picks, setPicks] = useState<Picks>({ content: new Set(planning.content.map((c) => c.id)), requirements: new Set(planning.requirements.map((r) => r.id)) });
  const [version, setVersion] = useState(planning.version);
  const groupChoices = [...new Map([
    ...planning.groups.map((g) => [g.id, g.name] as const),
    ...(options.data?.groups ?? []).filter((g) => g.type === 'class' || g.subjectCode === planning.subject.code).map((g) => [g.id, g.name] as const),
  ]).entries()].sort((a, b) => sv.compare(a[1], b[1])).map(([value, label]) => ({ value, label }));
  const ready = title.trim() && groupIds.length > 0 && isIsoDate(periodStart) && isIsoDate(periodEnd) && syllabus.data;
  const submit = () => {
    if (!syllabus.data) return;
    save.mutate({ title, periodStart, periodEnd, groupIds, ...texts, ...pickedInOrder(syllabus.data, picks), version }, {
      onSuccess: (p) => navigate(planningPath(p.id)),
      onError: (e) => {
        // a stale version: take the current one's version so a second save is the user's decision
        const current = isApiError(e, 409) ? (e.body as { current?: Planning } | null)?.current : undefined;
        if (current) setVersion(current.version);
      },
    });
  };
  const field = (k: keyof typeof texts) => (html: string) => setTexts((x) => ({ ...x, [k]: html }));
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (ready) submit(); }}>
      <Stack gap="lg">
        <TextInput label={t('planning.fields.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="edit-title" />
        <Group>
          <DateInput label={t('planning.fields.periodStart')} required value={periodStart} onChange={setStart} />
          <DateInput label={t('planning.fields.periodEnd')} required value={periodEnd} onChange={setEnd} />
        </Group>
        <MultiSelect label={t('planning.fields.groups')} description={t('planning.fields.groupsHint')} required value={groupIds} onChange={setGroups} data={groupChoices} />
        <RichTextEditor label={t('planning.fields.learning')} value={texts.learningHtml} onChange={field('learningHtml')} testId="editor-learning" />
        <RichTextEditor label={t('planning.fields.teaching')} value={texts.teachingHtml} onChange={field('teachingHtml')} testId="editor-teaching" />
        <RichTextEditor label={t('planning.fields.assessment')} value={texts.assessmentHtml} onChange={field('assessmentHtml')} testId="editor-assessment" />
        <Section title={t('planning.pick.title')} testId="syllabus-picker">
          <Text size="sm" c="dimmed">{t('planning.pick.hint', { subject: planning.subject.name, curriculum: planning.curriculum.label })}</Text>
          <Text size="sm" role="status" data-testid="pick-count">{t('planning.pick.chosen', { content: picks.content.size, requirements: picks.requirements.size })}</Text>
          {syllabus.isPending && <LoadingState />}
          {syllabus.isError && <ErrorState error={syllabus.error} onRetry={() => void syllabus.refetch()} />}
          {syllabus.data && <SyllabusPicker syllabus={syllabus.data} years={planning.groupYears} picks={picks} onChange={setPicks} />}
        </Section>
        <Group>
          <Button type="submit" disabled={!ready} loading={save.isPending} data-testid="edit-save">{t('planning.save')}</Button>
          <Button variant="default" onClick={() => navigate(planningPath(planning.id))}>{t('planning.cancel')}</Button>
        </Group>
        {save.error && <Alert color="red" role="alert" data-testid="edit-error">{problem(save.error)}</Alert>}
      </Stack>
    </form>
  );
}

/** /planering/:planningId/redigera — the owners' form: fields, the three texts and the picks from the syllabus. */
export function EditPlanningPage() {
  const { t } = useTranslation();
  const { planningId = '' } = useParams();
  const query = usePlanning(planningId);
  const p = query.data;
  useDocumentTitle(p ? `${t('planning.edit')}: ${p.title}` : t('planning.edit'));
  if (query.error && isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('planning.notFound')} testId="planning-no-access" />;
  if (!p) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!p.mayEdit) return <NotFoundOrNoAccessState title={t('planning.problems.not_owner')} testId="planning-no-access" />;
  return (
    <Stack gap="lg" py="md" data-testid="edit-planning-page">
      <div>
        <Title order={1}>{`${t('planning.edit')}: ${p.title}`}</Title>
        <AppLink to={planningPath(p.id)}>{t('planning.cancel')}</AppLink>
      </div>
      <EditForm key={p.version} planning={p} />
    </Stack>
  );
}
