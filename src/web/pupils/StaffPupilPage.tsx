import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { formatDate, formatSchoolYear, sortStrings } from '../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { AbsenceSummarySection } from '../absence/AbsenceSummarySection';
import { ContactFacts } from './ContactFacts';
import { GradesSection } from './GradesSection';
import { GuardiansSection } from './GuardiansSection';
import { LearningLinks } from './LearningLinks';
import { PupilHeading } from './PupilHeading';
import { SubjectsSection } from './SubjectsSection';
import type { PupilRecord } from './types';
import { usePupilRecord } from './usePupil';
import classes from './pupil-page.module.css';

function RecordView({ record }: { record: PupilRecord }) {
  const { t } = useTranslation();
  const name = `${record.givenName} ${record.familyName}`;
  useDocumentTitle(name);
  const isProtected = record.contact === null || record.securityMarking === 'protected';
  const schoolForm = record.schoolForm ? t(`app.schoolForms.${record.schoolForm}`, { defaultValue: record.schoolForm }) : '–';
  const subtitle = [t('pupils.pupil'), record.class?.name, record.unit?.name].filter(Boolean).join(' · ');
  return (
    <Stack gap="xl" py="md" className={classes.page} data-testid="pupil-record">
      <Text className={classes.printOnly} size="sm" data-testid="print-header">
        {`${record.unit?.name ?? ''} · ${t('pupils.printedAt', { date: formatDate(new Date().toISOString()) })}`}
      </Text>
      <PupilHeading name={name} subtitle={subtitle} isProtected={isProtected} marking={record.securityMarking}
        actions={<Button variant="default" className={classes.noPrint} onClick={() => window.print()} data-testid="print-button">{t('pupils.print')}</Button>} />
      <FactTable
        label={t('pupils.facts')}
        testId="pupil-facts"
        facts={[
          [t('pupils.civicNo'), record.civicNo ?? t('pupils.missing')],
          [t('pupils.familyName'), record.familyName],
          [t('pupils.givenName'), record.givenName],
          [t('pupils.unit'), record.unit?.name ?? t('pupils.noUnit')],
          [t('pupils.schoolForm'), schoolForm],
          [t('pupils.schoolYear'), formatSchoolYear(record.schoolYear)],
          [t('pupils.className'), record.class?.name ?? t('pupils.noClass')],
          [t('pupils.mentor'), record.class?.mentors.length ? sortStrings(record.class.mentors).join(', ') : t('pupils.noMentor')],
        ]}
      />
      <Section title={t('pupils.contact')} testId="pupil-contact-section">
        <ContactFacts contact={record.contact} />
      </Section>
      <GuardiansSection guardians={record.guardians} />
      <SubjectsSection record={record} />
      <GradesSection years={record.grades} />
      <AbsenceSummarySection pupilId={record.id} />
      <LearningLinks pupilId={record.id} />
    </Stack>
  );
}

/** The staff's pupil page: teacher, mentor, administrator and principal. What it holds is decided by the
 *  server — a teacher who is not the pupil's mentor gets only their own subjects. */
export function StaffPupilPage({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const record = usePupilRecord(pupilId, session.current);
  if (record.data) return <RecordView record={record.data} />;
  if (record.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(record.error)) return <NotFoundOrNoAccessState title={t('pupils.notFound')} testId="pupil-not-found" />;
  return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
}
