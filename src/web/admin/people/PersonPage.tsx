import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { HistorySection } from './HistorySection';
import { PersonDetails } from './PersonDetails';
import { RelationSections } from './RelationSections';
import type { Person } from './types';
import { usePerson } from './usePeople';

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const name = `${person.givenName} ${person.familyName}`;
  useDocumentTitle(name);
  const kinds = [person.enrolments.length && 'pupil', (person.children.length || person.childrenElsewhere) && 'guardian', person.duties.length && 'staff'].filter(Boolean);
  return (
    <Stack gap="xl" py="md" data-testid="person-page">
      <div>
        <AppLink to="/admin/personer">{t('people.title')}</AppLink>
        <Group gap="sm" align="center" mt="xs">
          <Title order={1} data-testid="person-name">{name}</Title>
          {person.securityMarking !== 'none' && (
            <Badge color={person.securityMarking === 'protected' ? 'red.9' : 'orange.9'} variant="filled" size="lg" data-testid="person-marking">
              {t(`people.markings.${person.securityMarking}`)}
            </Badge>
          )}
        </Group>
        <Text c="dimmed">{[person.civicNo, ...kinds.map((k) => t(`people.kinds.${k}`))].filter(Boolean).join(' · ')}</Text>
      </div>
      <PersonDetails key={person.id} person={person} />
      <RelationSections person={person} />
      <HistorySection personId={person.id} />
    </Stack>
  );
}

/** The person page of the people register: personal data, relations at the unit and the history of changes. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const person = usePerson(session.current, personId, allowed);
  if (!allowed || (person.isError && isNotFoundOrForbidden(person.error))) {
    return <NotFoundOrNoAccessState title={t('people.notFoundTitle')} testId="person-not-found" />;
  }
  if (person.data) return <PersonView person={person.data} />;
  return person.isPending ? <LoadingState /> : <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
}
