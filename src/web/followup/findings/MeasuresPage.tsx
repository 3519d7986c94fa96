import { Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../app/DataTable';
import { svCollator } from '../../app/format';
import { ErrorState, LoadingState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { FindingCard } from './FindingCard';
import { NewFinding } from './FindingsPanel';
import type { Finding } from './types';
import { useFindings } from './useFindings';

/** The school year of a day (from 1 July), and the four before it: '2025/2026', … */
export function schoolYearsUpTo(today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  const start = m >= 7 ? y : y - 1;
  return Array.from({ length: 5 }, (_, i) => `${start - i}/${start - i + 1}`);
}

/** The principal's new finding for the unit, in a school year of its own choice: by default the latest whose
 *  grades are set (the one that ended last summer). */
function NewUnitFinding({ years, unitName }: { years: string[]; unitName: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(years[1]);
  return (
    <Stack gap="xs">
      <Select label={t('followupFindings.findingSchoolYear')} w={220} value={year} allowDeselect={false} onChange={(v) => v && setYear(v)}
        data={years} data-testid="finding-school-year" />
      <NewFinding schoolYear={year} target={{ kind: 'unit', ref: null, label: unitName }} />
    </Stack>
  );
}

/**
 * /uppfoljning/insatser — findings and measures. The principal: the unit's, what needs following up first, and
 * a new finding for the unit; the analyst: every unit's, by unit; a teacher: those concerning them.
 */
export function MeasuresPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('followupFindings.pageTitle'));
  const session = useCurrentSession();
  const role = session.current.role;
  const [schoolYear, setSchoolYear] = useState<string | null>(null);
  const query = useFindings({ schoolYear });
  const years = schoolYearsUpTo(query.data?.today ?? new Date().toISOString().slice(0, 10));
  const intro = role === 'analyst' ? 'analystIntro' : role === 'teacher' ? 'teacherIntro' : 'pageIntro';
  const cards = (list: Finding[], level: 3 | 4) => list.map((f) => (
    <FindingCard key={f.id} finding={f} today={query.data!.today} mayRecord={query.data!.mayRecord} headingLevel={level} withReportLink />
  ));
  const units = query.data ? [...new Set(query.data.findings.map((f) => f.unitName))].sort(svCollator.compare) : [];
  return (
    <Stack gap="lg" py="md" data-testid="followup-measures-page">
      <div>
        <Title order={1}>{t('followupFindings.pageTitle')}</Title>
        <Text c="dimmed">{t(`followupFindings.${intro}`)}</Text>
      </div>
      <Select label={t('followupFindings.schoolYear')} w={220} value={schoolYear ?? ''} onChange={(v) => setSchoolYear(v || null)} allowDeselect={false}
        data={[{ value: '', label: t('followupFindings.allYears') }, ...years.map((y) => ({ value: y, label: y }))]} data-testid="school-year" />
      {role === 'principal' && session.current.unitId && (
        <Section title={t('followupFindings.newForUnit')} testId="new-unit-finding">
          <NewUnitFinding years={years} unitName={session.current.unitName ?? ''} />
        </Section>
      )}
      {!query.data ? (query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />)
        : query.data.findings.length === 0 ? <Text c="dimmed" data-testid="findings-empty">{t('followupFindings.none')}</Text>
        : role === 'analyst' ? units.map((u) => (
          <Section key={u} title={u} testId="findings-unit">{cards(query.data!.findings.filter((f) => f.unitName === u), 3)}</Section>
        )) : (
          <Section title={t('followupFindings.panelTitle')} testId="findings-list">{cards(query.data.findings, 3)}</Section>
        )}
    </Stack>
  );
}
