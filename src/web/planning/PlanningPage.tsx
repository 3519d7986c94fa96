import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { RequirementSteps } from '../curriculum/RequirementSteps';
import { StrongText } from '../curriculum/StrongText';
import { CopyPlanningModal } from './CopyPlanningModal';
import { OwnersSection } from './OwnersSection';
import { StatusBadge } from './PlanningTable';
import { usePlanningProblem } from './problem';
import { RichText } from './RichText';
import { assessmentPath, editPlanningPath, planningPath, type Planning } from './types';
import { usePlanning, usePlanningMutations } from './usePlanning';

/** The picks grouped by stage, in the order the server gives them (the groups' stage first). */
function byStage<T extends { stageName: string }>(items: T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(i.stageName, [...(m.get(i.stageName) ?? []), i]);
  return [...m.entries()];
}

function Picks({ planning }: { planning: Planning }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('planning.content')} testId="planning-content">
        {planning.content.length === 0 ? <Text c="dimmed" size="sm">{t('planning.noContent')}</Text> : byStage(planning.content).map(([stage, items]) => (
          <Stack key={stage} gap={4}>
            <Title order={3} size="h5">{stage}</Title>
            <List spacing={4}>{items.map((c) => <List.Item key={c.id}>{c.text}</List.Item>)}</List>
          </Stack>
        ))}
      </Section>
      <Section title={t('planning.requirements')} testId="planning-requirements">
        {planning.requirements.length === 0 ? <Text c="dimmed" size="sm">{t('planning.noRequirements')}</Text> : byStage(planning.requirements).map(([stage, items]) => (
          <Stack key={stage} gap="sm">
            <Title order={3} size="h5">{stage}</Title>
            {items.map((r, i) => (
              <details key={r.id}>
                <summary><StrongText text={r.choices.E ?? r.choices.G ?? r.text} /></summary>
                <RequirementSteps choices={r.choices} label={t('planning.pick.requirement', { n: i + 1 })} />
              </details>
            ))}
          </Stack>
        ))}
      </Section>
    </>
  );
}

function StaffActions({ planning }: { planning: Planning }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = usePlanningProblem();
  const { publish, remove } = usePlanningMutations(planning.id);
  const [copying, setCopying] = useState(false);
  const teacher = useCurrentSession().current.role === 'teacher'; // the principal reads, a teacher may copy
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const error = publish.error ?? remove.error;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {planning.mayEdit && <Button component={Link} to={editPlanningPath(planning.id)} data-testid="planning-edit">{t('planning.edit')}</Button>}
        {planning.mayEdit && planning.status === 'draft' && <Button color="green" onClick={() => setConfirm('publish')} data-testid="planning-publish">{t('planning.publish')}</Button>}
        {teacher && <Button variant="default" onClick={() => setCopying(true)} data-testid="planning-copy">{t('planning.copy')}</Button>}
        {planning.mayEdit && planning.status === 'draft' && <Button variant="subtle" color="red" onClick={() => setConfirm('delete')} data-testid="planning-delete">{t('planning.delete')}</Button>}
        <AppLink to={assessmentPath(planning.id)} testId="planning-assessment-link">{t('planning.assessmentLink')}</AppLink>
      </Group>
      {confirm && (
        <Alert color={confirm === 'delete' ? 'red' : 'green'} role="alertdialog" aria-label={t(confirm === 'delete' ? 'planning.delete' : 'planning.publish')}>
          <Stack gap="xs">
            <Text size="sm">{t(confirm === 'delete' ? 'planning.deleteConfirm' : 'planning.publishConfirm')}</Text>
            <Group gap="xs">
              <Button size="xs" color={confirm === 'delete' ? 'red' : 'green'} data-testid="planning-confirm" loading={publish.isPending || remove.isPending}
                onClick={() => (confirm === 'delete'
                  ? remove.mutate(undefined, { onSuccess: () => navigate('/planering') })
                  : publish.mutate(planning.version, { onSuccess: () => setConfirm(null) }))}>
                {t(confirm === 'delete' ? 'planning.delete' : 'planning.publish')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirm(null)}>{t('planning.cancel')}</Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {error && <Alert color="red" role="alert">{problem(error)}</Alert>}
      {teacher && <CopyPlanningModal planning={planning} opened={copying} onClose={() => setCopying(false)} />}
    </Stack>
  );
}

/** /planering/:planningId — the planning; staff get the owners' actions, pupils and guardians read it. */
export function PlanningPage() {
  const { t } = useTranslation();
  const { planningId = '' } = useParams();
  const query = usePlanning(planningId);
  const p = query.data;
  useDocumentTitle(p?.title ?? t('planning.nav'));
  if (query.error && isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('planning.notFound')} testId="planning-no-access" />;
  if (!p) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="lg" py="md" maw={860} data-testid="planning-page">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} data-testid="planning-heading">{p.title}</Title>
          {p.staff && <StatusBadge status={p.status} />}
        </Group>
        <Text c="dimmed">{`${p.subject.name} · ${p.groups.map((g) => g.name).join(', ')} · ${t('planning.period', { from: p.periodStart, to: p.periodEnd })}`}</Text>
        {p.staff && <AppLink to="/planering">{t('planning.back')}</AppLink>}
      </div>
      {p.staff && p.status === 'draft' && <Badge variant="outline" color="gray" size="lg" radius="sm" style={{ textTransform: 'none' }}>{t('planning.draftNote')}</Badge>}
      {p.staff && <StaffActions planning={p} />}
      <Section title={t('planning.fields.learning')} testId="planning-learning"><RichText html={p.learningHtml} /></Section>
      <Section title={t('planning.fields.teaching')} testId="planning-teaching"><RichText html={p.teachingHtml} /></Section>
      <Section title={t('planning.fields.assessment')} testId="planning-assessment"><RichText html={p.assessmentHtml} /></Section>
      <Picks planning={p} />
      <Section title={t('planning.facts')}>
        <FactTable label={t('planning.facts')} facts={[
          [t('planning.fields.subject'), p.subject.name],
          [t('planning.fields.groups'), p.groups.map((g) => g.name).join(', ')],
          [t('planning.col.period'), t('planning.period', { from: p.periodStart, to: p.periodEnd })],
          [t('planning.fields.curriculum'), p.curriculum.label],
          ...(p.publishedAt ? [[t('planning.col.status'), t('planning.published', { at: p.publishedAt })] as [string, string]] : []),
          ...(p.copiedFrom ? [[t('planning.copiedFrom'), <AppLink key="o" to={planningPath(p.copiedFrom)}>{t('planning.original')}</AppLink>] as [string, ReactNode]] : []),
        ]} />
      </Section>
      {p.staff && <OwnersSection planning={p} />}
    </Stack>
  );
}
