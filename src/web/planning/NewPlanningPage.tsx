import { useState } from 'react';
import { Alert, Button, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import { AppLink } from '../app/AppLink';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { usePlanningProblem } from './problem';
import { editPlanningPath } from './types';
import { useCreatePlanning, usePlanningOptions } from './usePlanning';

/** /planering/ny — a new draft: title, subject, groups the teacher teaches (of the subject, or classes), period. */
export function NewPlanningPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('planning.new'));
  const session = useCurrentSession();
  const navigate = useNavigate();
  const problem = usePlanningProblem();
  const options = usePlanningOptions(session.current.unitId);
  const create = useCreatePlanning();
  const [title, setTitle] = useState('');
  const [subjectCode, setSubject] = useState<string | null>(null);
  const [groupIds, setGroups] = useState<string[]>([]);
  const [periodStart, setStart] = useState('');
  const [periodEnd, setEnd] = useState('');
  if (options.isPending) return <LoadingState />;
  if (options.isError) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const o = options.data;
  // subjects the teacher has a teaching group in come first
  const taught = new Set(o.groups.map((g) => g.subjectCode).filter(Boolean));
  const subjects = [...o.subjects.filter((s) => taught.has(s.code)), ...o.subjects.filter((s) => !taught.has(s.code))];
  const groups = o.groups.filter((g) => g.type === 'class' || g.subjectCode === subjectCode);
  const ready = title.trim() && subjectCode && groupIds.length && isIsoDate(periodStart) && isIsoDate(periodEnd);
  return (
    <Stack gap="lg" py="md" maw={720} data-testid="new-planning-page">
      <div>
        <Title order={1}>{t('planning.new')}</Title>
        <AppLink to="/planering">{t('planning.back')}</AppLink>
      </div>
      {o.curriculum && <Text size="sm" c="dimmed">{`${t('planning.fields.curriculum')}: ${o.curriculum.label}`}</Text>}
      <form onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        create.mutate({ title, subjectCode: subjectCode!, groupIds, periodStart, periodEnd }, { onSuccess: (p) => navigate(editPlanningPath(p.id)) });
      }}>
        <Stack gap="md">
          <TextInput label={t('planning.fields.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="planning-title" />
          <Select label={t('planning.fields.subject')} required searchable value={subjectCode} data-testid="planning-subject"
            data={subjects.map((s) => ({ value: s.code, label: s.name }))} onChange={(v) => { setSubject(v); setGroups([]); }} />
          <MultiSelect label={t('planning.fields.groups')} description={t('planning.fields.groupsHint')} required value={groupIds} onChange={setGroups}
            disabled={!subjectCode} data={groups.map((g) => ({ value: g.id, label: g.name }))} data-testid="planning-groups" />
          <Group>
            <DateInput label={t('planning.fields.periodStart')} required value={periodStart} onChange={setStart} testId="planning-start" />
            <DateInput label={t('planning.fields.periodEnd')} required value={periodEnd} onChange={setEnd} testId="planning-end" />
          </Group>
          <Button type="submit" w="fit-content" disabled={!ready} loading={create.isPending} data-testid="planning-create">{t('planning.create')}</Button>
          {create.error && <Alert color="red" role="alert">{problem(create.error)}</Alert>}
        </Stack>
      </form>
    </Stack>
  );
}
