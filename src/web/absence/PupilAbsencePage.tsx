import { Badge, Stack, Text, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink, pupilPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { PeriodPicker } from './PeriodPicker';
import { formatMinutes, formatShare } from './format';
import { usePupilAbsence } from './useAbsence';

/** One pupil's absence: the sums, per subject and term, and every absence with why it is valid or invalid.
 *  For the pupil, their guardians, their teachers and mentor, the unit's staff and student health. */
export function PupilAbsencePage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const session = useCurrentSession();
  const [search, setSearch] = useSearchParams();
  const absence = usePupilAbsence(pupilId, { from: search.get('fran'), to: search.get('till') });
  const data = absence.data;
  const name = data ? `${data.pupil.givenName} ${data.pupil.familyName}` : '';
  useDocumentTitle(data ? t('absence.pupil.heading', { name }) : t('absence.pupil.title'));
  if (absence.error && isNotFoundOrForbidden(absence.error)) return <NotFoundOrNoAccessState title={t('absence.pupil.title')} testId="pupil-absence-no-access" />;
  if (!data) return absence.isPending ? <LoadingState /> : <ErrorState error={absence.error} onRetry={() => void absence.refetch()} />;
  const staffPage = ['teacher', 'administrator', 'principal'].includes(session.current.role);
  const { totals } = data;
  return (
    <Stack gap="lg" py="md" data-testid="pupil-absence-page">
      <div>
        <Title order={1}>{t('absence.pupil.heading', { name })}</Title>
        <Text c="dimmed">{t('absence.pupil.intro', { from: data.from, to: data.to })}</Text>
        {staffPage && <AppLink to={pupilPath(pupilId)}>{t('absence.pupil.back')}</AppLink>}
      </div>
      <PeriodPicker from={data.from} to={data.to} onChange={(p) => setSearch({ fran: p.from, till: p.to }, { replace: true })} />
      <Section title={t('absence.pupil.totals')} testId="pupil-absence-totals">
        <FactTable label={t('absence.pupil.totals')} testId="pupil-absence-facts" facts={[
          [t('absence.pupil.lessonMinutes'), formatMinutes(totals.lessonMinutes)],
          [t('absence.pupil.validMinutes'), formatMinutes(totals.validMinutes)],
          [t('absence.pupil.invalidMinutes'), formatMinutes(totals.invalidMinutes)],
          [t('absence.pupil.share'), formatShare(totals.share)],
          [t('absence.pupil.shortCount'), totals.shortCount],
        ]} />
      </Section>
      <Section title={t('absence.pupil.bySubject')} testId="pupil-absence-subjects">
        <DataTable label={t('absence.pupil.bySubject')} empty={t('absence.pupil.none')}
          columns={[t('absence.pupil.subject'), t('absence.pupil.lessonMinutes'), t('absence.pupil.validMinutes'), t('absence.pupil.invalidMinutes'), t('absence.pupil.share')]}
          rows={data.subjects.map((s) => ({ key: s.subjectCode ?? '-', cells: [s.subjectName ?? s.subjectCode ?? t('absence.pupil.noSubject'),
            formatMinutes(s.lessonMinutes), formatMinutes(s.validMinutes), formatMinutes(s.invalidMinutes), formatShare(s.share)] }))} />
      </Section>
      <Section title={t('absence.pupil.byTerm')} testId="pupil-absence-terms">
        <DataTable label={t('absence.pupil.byTerm')} empty={t('absence.pupil.none')}
          columns={[t('absence.pupil.term'), t('absence.pupil.validMinutes'), t('absence.pupil.invalidMinutes'), t('absence.pupil.shortCount')]}
          rows={data.terms.map((term) => ({ key: term.id, cells: [`${term.kind} ${term.kind === 'HT' ? term.schoolYear.slice(0, 4) : term.schoolYear.slice(5, 9)}`,
            formatMinutes(term.validMinutes), formatMinutes(term.invalidMinutes), term.shortCount] }))} />
      </Section>
      <Section title={t('absence.pupil.list')} testId="pupil-absence-list">
        <DataTable label={t('absence.pupil.list')} testId="pupil-absence-deviations" empty={t('absence.pupil.none')}
          columns={[t('absence.pupil.date'), t('absence.pupil.lesson'), t('absence.pupil.kind'), t('absence.pupil.length'), t('absence.pupil.validity'), t('absence.pupil.reason')]}
          rows={data.deviations.map((d) => ({ key: d.id, cells: [
            d.date,
            [d.subjectName ?? d.groupName ?? '', d.startTime && d.endTime ? `${d.startTime}–${d.endTime}` : ''].filter(Boolean).join(' '),
            t(`absence.kinds.${d.kind}`), formatMinutes(d.minutes),
            <Badge key="v" color={d.valid ? 'green' : 'red'} variant="light">{d.valid ? t('absence.valid') : t('absence.invalid')}</Badge>,
            t(`absence.reasons.${d.reason}`),
          ] }))} />
      </Section>
    </Stack>
  );
}
