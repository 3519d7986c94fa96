import { useState } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { FindingsToggle } from './FindingsToggle';
import { gradeYearParam, schoolYearParam, unitIdOf, type ReportQuery } from './format';
import { Legend } from './Legend';
import { PatternsBox } from './PatternsBox';
import { PupilsTable } from './PupilsTable';
import { ReflectionPanel } from './reflection/ReflectionPanel';
import { ReportHeader } from './ReportHeader';
import { SubjectReport } from './SubjectReport';
import type { Level, Report } from './types';
import { useReport } from './useFollowup';

/** Links to the organiser's other follow-up pages: expected value (year 9) and the measures of all units. */
function RelatedLinks({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.level === 'group') return null;
  return (
    <Group gap="md">
      {report.gradeYear === 9 && (
        <AppLink to={`/uppfoljning/forvantat?lasar=${encodeURIComponent(report.schoolYear)}`} testId="link-expected">{t('followup.expected.nav')}</AppLink>
      )}
      <AppLink to="/uppfoljning/insatser" testId="link-measures">{t('followup.findings.all')}</AppLink>
    </Group>
  );
}

/**
 * /uppfoljning/huvudman, /uppfoljning/enhet/:unitId, /uppfoljning/grupp/:groupId — one report page for the
 * three levels: per subject grade against test grade (or the distribution), breakdowns, trend and the
 * national reference; the recurring patterns; on the group level the pupils (when the reader may see them)
 * and the teachers' reflection; the principal's findings beside a unit's subject and beside a group.
 */
export function ReportPage({ level }: { level: Level }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { unitId, groupId } = useParams();
  const [search, setSearch] = useSearchParams();
  const [openFindings, setOpenFindings] = useState<string | null>(null);
  const query: ReportQuery = {
    level, id: level === 'unit' ? unitId ?? null : level === 'group' ? groupId ?? null : null,
    gradeYear: gradeYearParam(search.get('arskurs')), schoolYear: schoolYearParam(search.get('lasar')),
  };
  const report = useReport(query);
  useDocumentTitle(report.data ? `${t('followup.nav')}: ${report.data.title}` : t('followup.nav'));
  const choose = (key: 'arskurs' | 'lasar', value: string | null) => setSearch((s) => {
    const next = new URLSearchParams(s);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }, { replace: true });

  if (report.isPending) return <LoadingState />;
  if (report.isError) {
    return isNotFoundOrForbidden(report.error)
      ? <NotFoundOrNoAccessState title={t('followup.noAccess')} testId="followup-no-access" />
      : <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  const reportUnit = unitIdOf(r);
  const role = session.current.role;
  // findings are the principal's (recorded) and the analyst's (read); reflections the teachers' and the principal's
  const showFindings = reportUnit !== null && (role === 'principal' || role === 'analyst');
  const showReflection = r.level === 'group' && (role === 'teacher' || role === 'principal');
  const findingsFor = (code: string, name: string) => {
    if (!showFindings) return undefined;
    const key = `${r.level}:${code}`;
    const target = r.level === 'group' ? { kind: 'group' as const, ref: r.id, label: r.title } : { kind: 'unit' as const, ref: r.id, label: r.title };
    return (
      <FindingsToggle
        open={openFindings === key} onToggle={() => setOpenFindings((k) => (k === key ? null : key))}
        label={r.level === 'group' ? r.title : `${r.title}, ${name}`} testId={`findings-toggle-${code}`}
        unitId={reportUnit!} schoolYear={r.schoolYear} subjectCode={code} gradeYear={r.gradeYear} target={target}
      />
    );
  };
  return (
    <Stack gap="lg" py="md" data-testid={`followup-report-${level}`}>
      <ReportHeader report={r} query={query} onChoose={choose} />
      <RelatedLinks report={r} />
      <PatternsBox patterns={r.patterns} />
      {r.subjects.length === 0 && <Text data-testid="no-subjects">{t('followup.noSubjects')}</Text>}
      {r.subjects.map((s) => (
        <SubjectReport key={s.subject.code} section={s} gradeYear={r.gradeYear} aside={findingsFor(s.subject.code, s.subject.name)} />
      ))}
      {showReflection && <ReflectionPanel groupId={r.id} />}
      {r.pupils && <PupilsTable pupils={r.pupils} />}
      <Legend tests={r.tests} />
    </Stack>
  );
}
