import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { formatSchoolYear } from '../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { ContactFacts } from './ContactFacts';
import { PupilHeading } from './PupilHeading';
import { StaffPupilPage } from './StaffPupilPage';
import type { PupilSummary } from './types';
import { usePupil } from './usePupil';

function PupilView({ pupil }: { pupil: PupilSummary }) {
  const { t } = useTranslation();
  const name = `${pupil.givenName} ${pupil.familyName}`;
  useDocumentTitle(name);
  const isProtected = pupil.contact === null || pupil.securityMarking === 'protected';
  const schoolForm = pupil.schoolForm ? t(`app.schoolForms.${pupil.schoolForm}`, { defaultValue: pupil.schoolForm }) : '–';
  return (
    <Stack gap="xl" py="md">
      <PupilHeading name={name} isProtected={isProtected} marking={pupil.securityMarking}
        subtitle={[t('pupils.pupil'), pupil.className, pupil.unit?.name].filter(Boolean).join(' · ')} />
      <FactTable
        label={t('pupils.facts')}
        testId="pupil-facts"
        facts={[
          [t('pupils.familyName'), pupil.familyName],
          [t('pupils.givenName'), pupil.givenName],
          [t('pupils.unit'), pupil.unit?.name ?? t('pupils.noUnit')],
          [t('pupils.schoolForm'), schoolForm],
          [t('pupils.schoolYear'), formatSchoolYear(pupil.schoolYear)],
          [t('pupils.className'), pupil.className ?? t('pupils.noClass')],
        ]}
      />
      <Section title={t('pupils.contact')} testId="pupil-contact-section">
        <ContactFacts contact={pupil.contact} />
      </Section>
    </Stack>
  );
}

/** The short record, for the pupil themself and their guardians. */
function PupilSummaryPage({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const pupil = usePupil(pupilId, session.current);
  if (pupil.data) return <PupilView pupil={pupil.data} />;
  if (pupil.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(pupil.error)) return <NotFoundOrNoAccessState title={t('pupils.notFound')} testId="pupil-not-found" />;
  return <ErrorState error={pupil.error} onRetry={() => void pupil.refetch()} />;
}

const STAFF_ROLES = ['teacher', 'administrator', 'principal'];

/** /elever/:pupilId — staff get the pupil page (personal data, guardians, subjects, grades); the pupil and
 *  their guardians the short record. Protected registration never shows address or contact. */
export function PupilPage() {
  const { pupilId = '' } = useParams();
  const session = useCurrentSession();
  return STAFF_ROLES.includes(session.current.role) ? <StaffPupilPage pupilId={pupilId} /> : <PupilSummaryPage pupilId={pupilId} />;
}
