import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { formatSchoolYear } from '../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import type { PupilContact, PupilSummary } from './types';
import { usePupil } from './usePupil';

function ContactFacts({ contact }: { contact: PupilContact | null }) {
  const { t } = useTranslation();
  // protected registration: every field says "Skyddad", never blank
  const value = (v: string | null | undefined) => (contact === null ? t('pupils.protectedValue') : v || t('pupils.missing'));
  const postal = contact ? [contact.postalCode, contact.city].filter(Boolean).join(' ') : null;
  return (
    <FactTable
      label={t('pupils.contact')}
      testId="pupil-contact"
      facts={[
        [t('pupils.streetAddress'), value(contact?.streetAddress)],
        [t('pupils.postalAddress'), value(postal)],
        [t('pupils.email'), value(contact?.email)],
        [t('pupils.phone'), value(contact?.phone)],
      ]}
    />
  );
}

function PupilView({ pupil }: { pupil: PupilSummary }) {
  const { t } = useTranslation();
  const name = `${pupil.givenName} ${pupil.familyName}`;
  useDocumentTitle(name);
  const isProtected = pupil.contact === null || pupil.securityMarking === 'protected';
  const schoolForm = pupil.schoolForm ? t(`app.schoolForms.${pupil.schoolForm}`, { defaultValue: pupil.schoolForm }) : '–';
  return (
    <Stack gap="xl" py="md">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} data-testid="pupil-name">
            {name}
          </Title>
          {isProtected && (
            <Badge color="red.9" variant="filled" size="lg" data-testid="protected-marker">
              {t('pupils.protectedTitle')}
            </Badge>
          )}
        </Group>
        <Text c="dimmed">{[t('pupils.pupil'), pupil.className, pupil.unit?.name].filter(Boolean).join(' · ')}</Text>
      </div>
      {isProtected ? (
        <Alert color="red" title={t('pupils.protectedTitle')} data-testid="protected-alert">
          {t('pupils.protectedBody')}
        </Alert>
      ) : pupil.securityMarking === 'confidential' ? (
        <Alert color="orange" title={t('pupils.confidentialTitle')} data-testid="confidential-alert">
          {t('pupils.confidentialBody')}
        </Alert>
      ) : null}
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

/** /elever/:pupilId — the short record of one pupil; protected registration never shows address or contact. */
export function PupilPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const session = useCurrentSession();
  const pupil = usePupil(pupilId, session.current);
  if (pupil.data) return <PupilView pupil={pupil.data} />;
  if (pupil.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(pupil.error)) return <NotFoundOrNoAccessState title={t('pupils.notFound')} testId="pupil-not-found" />;
  return <ErrorState error={pupil.error} onRetry={() => void pupil.refetch()} />;
}
