import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../../domain/common/dates';
import { NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { DateFields, dateProblem, type DateDraft } from './DateFields';
import { DuplicateNotice } from './DuplicateNotice';
import { duplicateOf, errorText, isCivicNoError } from './errors';
import { emptyPerson, PersonFields, personReady, toPersonData, type PersonForm } from './PersonFields';
import { DutyFields, emptyDuty, emptyEnrolment, EnrolmentFields, enrolmentReady, toDuty, toEnrolment, type DutyForm, type EnrolmentForm } from './RelationFields';
import { personPath, type FirstRelation, type FirstRelationKind } from './types';
import { useAttachPerson, useCreatePerson, usePeopleSearch, usePerson } from './usePeople';

const KIND_BY_PARAM: Record<string, FirstRelationKind> = { elev: 'enrolment', vardnadshavare: 'guardianship', personal: 'duty' };

/** "Ny elev / Ny vårdnadshavare / Ny personal": a person and their first relation at the unit. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [params] = useSearchParams();
  const kind = KIND_BY_PARAM[params.get('som') ?? 'elev'] ?? 'enrolment';
  const childId = kind === 'guardianship' ? params.get('barn') : null;
  if (!session.allowedActions.includes('register.administer') || (kind === 'guardianship' && !childId)) {
    return <NotFoundOrNoAccessState title={t('people.newPupil')} testId="new-person-no-access" />;
  }
  return <NewPersonForm kind={kind} childId={childId} />;
}

function NewPersonForm({ kind, childId }: { kind: FirstRelationKind; childId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const today = swedishDate(new Date());
  const child = usePerson(session.current, childId ?? '', childId !== null);
  const forms = usePeopleSearch(session.current, { q: '', kind: 'staff', page: 1, pageSize: 10 }, kind === 'enrolment').data?.schoolForms ?? ['GR'];
  const childName = child.data ? `${child.data.givenName} ${child.data.familyName}` : '';
  const title = t(`people.newTitle.${kind}`, { child: childName });
  useDocumentTitle(title);
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const [enrolment, setEnrolment] = useState<EnrolmentForm | null>(null);
  const [duty, setDuty] = useState<DutyForm>(emptyDuty(today));
  const [dates, setDates] = useState<DateDraft>({ startDate: today, endDate: '' });
  const [checked, setChecked] = useState(false);
  const create = useCreatePerson(session.current);
  const attach = useAttachPerson(session.current, childId);
  const enrolmentForm = enrolment ?? emptyEnrolment(today, forms);

  const relation = (): FirstRelation | null => {
    if (kind === 'enrolment') return enrolmentReady(enrolmentForm) ? { kind, ...toEnrolment(enrolmentForm) } : null;
    if (kind === 'duty') return dateProblem(duty) ? null : { kind, ...toDuty(duty) };
    return dateProblem(dates) ? null : { kind, childId: childId!, startDate: dates.startDate, endDate: dates.endDate || null };
  };
  const done = (id: string) => navigate(personPath(kind === 'guardianship' ? childId! : id));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const r = relation();
    if (!personReady(person) || !r) return;
    create.mutate({ ...toPersonData(person, true), relation: r }, { onSuccess: (p) => done(p.id) });
  };
  const onAttach = () => {
    const r = relation();
    if (r) attach.mutate({ civicNo: person.civicNo, relation: r }, { onSuccess: (p) => done(p.id) });
  };
  const existing = duplicateOf(create.error);
  const failure = create.error && !existing && !isCivicNoError(create.error) ? create.error : attach.error;

  return (
    <Stack gap="lg" py="md" data-testid="new-person-page">
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{t('people.newIntro')}</Text>
      </div>
      <form onSubmit={onSubmit} noValidate aria-labelledby="new-person-personal">
        <Stack gap="lg">
          <Paper withBorder p="md" component="section" aria-labelledby="new-person-personal">
            <Title order={2} size="h3" id="new-person-personal" mb="sm">{t('people.personal')}</Title>
            <PersonFields value={person} onChange={setPerson} checked={checked} contactShown testId="new-person"
              civicError={isCivicNoError(create.error) ? errorText(t, create.error) : undefined} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="new-person-relation">
            <Title order={2} size="h3" id="new-person-relation" mb="sm">{t(`people.firstRelation.${kind}`)}</Title>
            {kind === 'enrolment' && <EnrolmentFields value={enrolmentForm} onChange={setEnrolment} forms={forms} checked={checked} testId="new-enrolment" />}
            {kind === 'duty' && <DutyFields value={duty} onChange={setDuty} checked={checked} testId="new-duty" />}
            {kind === 'guardianship' && <DateFields value={dates} onChange={setDates} checked={checked} testId="new-guardianship" />}
          </Paper>
          <div aria-live="polite">
            {existing && <DuplicateNotice existing={existing} relation={kind} onAttach={onAttach} attaching={attach.isPending} />}
            {failure && <Alert color="red" role="alert" data-testid="new-person-error">{errorText(t, failure)}</Alert>}
          </div>
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="new-person-submit">{t('people.create')}</Button>
            <Button variant="subtle" onClick={() => navigate(childId ? personPath(childId) : '/admin/personer')}>{t('people.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
