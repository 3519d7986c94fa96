import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { svCollator as collator } from '../app/format';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { ProgrammeList } from './ProgrammeList';
import type { ProgrammeSummary } from './types';
import { useUnitProgrammes } from './useActionProgrammes';

const byPupil = (a: ProgrammeSummary, b: ProgrammeSummary) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
/** Soonest due first; the cases without a date last, by name. */
const byDue = (due: (p: ProgrammeSummary) => string | null) => (a: ProgrammeSummary, b: ProgrammeSummary) =>
  (due(a) ?? '9999').localeCompare(due(b) ?? '9999') || byPupil(a, b);

/** /atgardsprogram — the unit's cases: awaiting the decision, in force (evaluation due first), closed. */
export function UnitProgrammesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('actionProgrammes.unitTitle'));
  const query = useUnitProgrammes();
  if (!query.data) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const all = query.data.programmes;
  const groups = [
    { key: 'awaiting', list: all.filter((p) => p.status === 'investigation').sort(byDue((p) => p.investigationStartedOn)) },
    { key: 'inForce', list: all.filter((p) => p.status === 'programme').sort(byDue((p) => [p.evaluateBy, p.nextFollowUp].filter(Boolean).sort()[0] ?? null)) },
    { key: 'closed', list: all.filter((p) => p.status === 'evaluated' || p.status === 'no_programme').sort(byPupil) },
  ];
  return (
    <Stack gap="lg" py="md" data-testid="unit-programmes-page">
      <div>
        <Title order={1}>{t('actionProgrammes.unitTitle')}</Title>
        <Text c="dimmed">{t('actionProgrammes.unitIntro')}</Text>
      </div>
      {groups.map((g) => (
        <Section key={g.key} title={`${t(`actionProgrammes.groups.${g.key}`)} (${g.list.length})`} testId={`programmes-${g.key}`}>
          <ProgrammeList programmes={g.list} label={t(`actionProgrammes.groups.${g.key}`)} empty={t('actionProgrammes.none')} testId={`programmes-${g.key}-table`} withPupil />
        </Section>
      ))}
    </Stack>
  );
}
