import { Group, List, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { RequirementSteps } from './RequirementSteps';
import type { Stage, Syllabus } from './types';
import { useCurriculumVersions, useSyllabus, useSyllabuses } from './useCurriculum';

const sv = new Intl.Collator('sv');

function StagePanel({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" pt="md">
      <Section title={t('curriculum.content')} testId={`stage-content-${stage.code}`}>
        {stage.content.length === 0 && <Text c="dimmed">{t('curriculum.noContent')}</Text>}
        {stage.content.map((h, i) => (
          <Stack key={`${h.heading}-${i}`} gap={4}>
            {h.heading && <Title order={3} size="h5">{h.heading}</Title>}
            <List spacing={4} size="sm">{h.items.map((item) => <List.Item key={item.id}>{item.text}</List.Item>)}</List>
          </Stack>
        ))}
      </Section>
      <Section title={t('curriculum.requirements')} testId={`stage-requirements-${stage.code}`}>
        {stage.requirements.length === 0 ? <Text c="dimmed">{t('curriculum.noRequirements')}</Text> : (
          <>
            <Text size="sm" c="dimmed">{t('curriculum.strongNote')}</Text>
            {stage.requirements.map((r, i) => (
              <Stack key={r.id} gap={4}>
                <Title order={3} size="h5">{t('curriculum.requirement', { n: i + 1 })}</Title>
                <RequirementSteps choices={r.choices} label={t('curriculum.requirement', { n: i + 1 })} />
              </Stack>
            ))}
          </>
        )}
      </Section>
    </Stack>
  );
}

function SyllabusView({ syllabus, stageCode, onStage }: { syllabus: Syllabus; stageCode: string | null; onStage: (code: string) => void }) {
  const { t } = useTranslation();
  const active = syllabus.stages.find((s) => s.code === stageCode)?.code ?? syllabus.stages[syllabus.stages.length - 1]?.code ?? null;
  return (
    <Stack gap="lg" data-testid="syllabus">
      <Title order={2}>{syllabus.name}</Title>
      <Section title={t('curriculum.purpose')} testId="syllabus-purpose">
        {syllabus.purposes.map((p, i) => (
          <Stack key={i} gap={4}>
            {p.heading && <Title order={3} size="h5">{p.heading}</Title>}
            {p.lines.length > 1 ? <List size="sm" spacing={4}>{p.lines.map((l, j) => <List.Item key={j}>{l}</List.Item>)}</List>
              : p.lines.map((l, j) => <Text key={j} size="sm">{l}</Text>)}
          </Stack>
        ))}
      </Section>
      <Tabs value={active} onChange={(v) => v && onStage(v)} keepMounted={false}>
        <Tabs.List aria-label={t('curriculum.stages')}>
          {syllabus.stages.map((s) => <Tabs.Tab key={s.code} value={s.code} data-testid={`stage-tab-${s.code}`}>{s.name}</Tabs.Tab>)}
        </Tabs.List>
        {syllabus.stages.map((s) => <Tabs.Panel key={s.code} value={s.code}><StagePanel stage={s} /></Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}

/** /kursplaner — the curriculum: choose the version and the subject, read purpose, content and requirements per stage. */
export function CurriculumPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('curriculum.title'));
  const [params, setParams] = useSearchParams();
  const versions = useCurriculumVersions();
  const versionId = params.get('version') ?? versions.data?.find((v) => v.current)?.id ?? versions.data?.[0]?.id ?? null;
  const syllabuses = useSyllabuses(versionId);
  const syllabusId = params.get('kursplan');
  const syllabus = useSyllabus(syllabusId);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next, { replace: true });
  };
  if (versions.isPending) return <LoadingState />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const options = [...(syllabuses.data?.syllabuses ?? [])].sort((a, b) => sv.compare(a.name, b.name)).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Stack gap="lg" py="md" data-testid="curriculum-page">
      <div>
        <Title order={1}>{t('curriculum.title')}</Title>
        <Text c="dimmed">{t('curriculum.intro')}</Text>
      </div>
      <Group align="flex-end">
        <Select label={t('curriculum.version')} w={380} allowDeselect={false} value={versionId} data-testid="curriculum-version"
          data={(versions.data ?? []).map((v) => ({ value: v.id, label: v.current ? `${v.label} (${t('curriculum.current')})` : v.label }))}
          onChange={(v) => set({ version: v, kursplan: null, stadium: null })} />
        <Select label={t('curriculum.subject')} placeholder={t('curriculum.chooseSubject')} w={320} searchable value={syllabusId} data={options}
          data-testid="curriculum-subject" onChange={(v) => set({ kursplan: v, stadium: null })} />
      </Group>
      {syllabus.isPending && syllabusId && <LoadingState />}
      {syllabus.isError && <ErrorState error={syllabus.error} onRetry={() => void syllabus.refetch()} />}
      {syllabus.data && <SyllabusView syllabus={syllabus.data} stageCode={params.get('stadium')} onStage={(code) => set({ stadium: code })} />}
    </Stack>
  );
}
