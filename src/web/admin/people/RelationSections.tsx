import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../../domain/common/dates';
import { AppLink } from '../../app/AppLink';
import { DataTable, Section } from '../../app/DataTable';
import { formatSchoolYear } from '../../app/format';
import { useCurrentSession } from '../../session/useSession';
import { EndRelationForm } from './EndRelationForm';
import { errorText } from './errors';
import { DutyFields, emptyDuty, emptyEnrolment, EnrolmentFields, enrolmentReady, toDuty, toEnrolment, type DutyForm, type EnrolmentForm } from './RelationFields';
import { dateProblem } from './DateFields';
import { personPath, type Person, type RelationState } from './types';
import { useAddDuty, useAddEnrolment, usePeopleSearch } from './usePeople';

function StateBadge({ state }: { state: RelationState }) {
  const { t } = useTranslation();
  return <Badge variant={state === 'current' ? 'light' : 'outline'} color={state === 'ended' ? 'gray.7' : 'larka'} tt="none">{t(`people.states.${state}`)}</Badge>;
}

const period = (r: { startDate: string; endDate: string | null }) => `${r.startDate} – ${r.endDate ?? ''}`;

/** A small form under a relation table: opened by its button, closed when saved. */
function AddForm({ label, testId, onSubmit, pending, error, children }: {
  label: string; testId: string; onSubmit: (close: () => void) => void; pending: boolean; error: unknown; children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) return <div><Button size="xs" variant="outline" onClick={() => setOpen(true)} data-testid={`${testId}-open`}>{label}</Button></div>;
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit(() => setOpen(false)); };
  return (
    <Paper withBorder p="sm" maw={760} component="form" onSubmit={submit} noValidate aria-label={label} data-testid={testId}>
      <Stack gap="sm">
        {children}
        {error ? <Alert color="red" role="alert" data-testid={`${testId}-error`}>{errorText(t, error)}</Alert> : null}
        <Group>
          <Button type="submit" size="xs" loading={pending} data-testid={`${testId}-submit`}>{t('people.add')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>{t('people.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Enrolments({ person, forms }: { person: Person; forms: string[] }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const add = useAddEnrolment(session.current, person.id);
  const [form, setForm] = useState<EnrolmentForm>(emptyEnrolment(swedishDate(new Date()), forms));
  const [checked, setChecked] = useState(false);
  return (
    <Section title={t('people.enrolments')} testId="person-enrolments">
      <DataTable label={t('people.enrolments')} testId="enrolments-table" empty={t('people.noEnrolments')}
        columns={[t('people.schoolYear'), t('people.schoolForm'), t('people.from') + ' – ' + t('people.to'), t('people.state'), '']}
        rows={person.enrolments.map((e) => ({ key: e.id, cells: [
          formatSchoolYear(e.schoolYear), t(`app.schoolForms.${e.schoolForm}`, { defaultValue: e.schoolForm }) + (e.gradesRequested ? ` (${t('people.gradesRequested').toLowerCase()})` : ''),
          period(e), <StateBadge key="s" state={e.state} />,
          e.state !== 'ended' ? <EndRelationForm key="end" personId={person.id} relationId={e.id} what={t('people.enrolments').toLowerCase()} startDate={e.startDate} /> : null,
        ] }))} />
      <AddForm label={t('people.addEnrolment')} testId="add-enrolment" pending={add.isPending} error={add.error}
        onSubmit={(close) => { setChecked(true); if (enrolmentReady(form)) add.mutate(toEnrolment(form), { onSuccess: close }); }}>
        <EnrolmentFields value={form} onChange={setForm} forms={forms} checked={checked} testId="add-enrolment" />
      </AddForm>
    </Section>
  );
}

function Guardianships({ person }: { person: Person }) {
  const { t } = useTranslation();
  const isPupil = person.enrolments.length > 0;
  const related = (rows: Person['guardians'], empty: string, label: string, testId: string) => (
    <DataTable label={label} testId={testId} empty={empty} columns={[t('people.name'), t('people.from') + ' – ' + t('people.to'), t('people.state'), '']}
      rows={rows.map((g) => ({ key: g.id, cells: [
        <AppLink key="n" to={personPath(g.person.id)}>{g.person.name}</AppLink>, period(g), <StateBadge key="s" state={g.state} />,
        g.state !== 'ended' ? <EndRelationForm key="end" personId={person.id} relationId={g.id} what={`${label.toLowerCase()} ${g.person.name}`} startDate={g.startDate} /> : null,
      ] }))} />
  );
  return (
    <>
      {isPupil && (
        <Section title={t('people.guardians')} testId="person-guardians">
          {related(person.guardians, t('people.noGuardians'), t('people.guardians'), 'guardians-table')}
          <div>
            <Button size="xs" variant="outline" component={Link} to={`/admin/personer/ny?som=vardnadshavare&barn=${encodeURIComponent(person.id)}`} data-testid="add-guardian">
              {t('people.addGuardian')}
            </Button>
          </div>
        </Section>
      )}
      {(person.children.length > 0 || person.childrenElsewhere > 0) && (
        <Section title={t('people.children')} testId="person-children">
          {related(person.children, t('people.noChildren'), t('people.children'), 'children-table')}
          {person.childrenElsewhere > 0 && <Text size="sm">{t('people.childrenElsewhere', { count: person.childrenElsewhere })}</Text>}
        </Section>
      )}
    </>
  );
}

function Duties({ person }: { person: Person }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const add = useAddDuty(session.current, person.id);
  const [form, setForm] = useState<DutyForm>(emptyDuty(swedishDate(new Date())));
  const [checked, setChecked] = useState(false);
  return (
    <Section title={t('people.duties')} testId="person-duties">
      <DataTable label={t('people.duties')} testId="duties-table" empty={t('people.noDuties')}
        columns={[t('people.role'), t('people.licensed'), t('people.qualifiedSubjects'), t('people.from') + ' – ' + t('people.to'), t('people.state'), '']}
        rows={person.duties.map((d) => ({ key: d.id, cells: [
          t(`people.roles.${d.role}`, { defaultValue: d.role }), d.licensed ? t('people.yes') : t('people.no'), d.qualifiedSubjects.join(', ') || '–',
          period(d), <StateBadge key="s" state={d.state} />,
          d.state !== 'ended' ? <EndRelationForm key="end" personId={person.id} relationId={d.id} what={t(`people.roles.${d.role}`, { defaultValue: d.role }).toLowerCase()} startDate={d.startDate} /> : null,
        ] }))} />
      <AddForm label={t('people.addDuty')} testId="add-duty" pending={add.isPending} error={add.error}
        onSubmit={(close) => { setChecked(true); if (!dateProblem(form)) add.mutate(toDuty(form), { onSuccess: close }); }}>
        <DutyFields value={form} onChange={setForm} checked={checked} testId="add-duty" />
      </AddForm>
    </Section>
  );
}

/** The person's relations at this unit, current and ended, each ended with a date, never removed. */
export function RelationSections({ person }: { person: Person }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const forms = usePeopleSearch(session.current, { q: '', kind: 'staff', page: 1, pageSize: 10 }, true).data?.schoolForms ?? ['GR'];
  return (
    <Stack gap="xl">
      {person.elsewhere && <Alert color="larka" variant="light" data-testid="person-elsewhere">{t('people.elsewhere')}</Alert>}
      <Enrolments person={person} forms={forms} />
      <Guardianships person={person} />
      {/* a pupil seldom works here: the section shows once there is a duty, or for anyone who is no pupil */}
      {(person.duties.length > 0 || person.enrolments.length === 0) && <Duties person={person} />}
    </Stack>
  );
}
