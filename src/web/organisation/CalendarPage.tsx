import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../domain/common/dates';
import { nextSchoolYear, schoolYearOf } from '../../domain/register/terms';
import { ErrorState, LoadingState } from '../app/states';
import { useCurrentSession } from '../session/useSession';
import { OrganisationLayout } from './OrganisationLayout';
import { SchoolYearForm } from './SchoolYearForm';
import { TermCard } from './TermCard';
import { useSchoolYears, useUnits } from './useOrganisation';

function Calendar({ organiserAdministrator }: { organiserAdministrator: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const years = useSchoolYears(session.current.unitId);
  const units = useUnits(session.current.unitId);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!years.data || !units.data) {
    return years.isError || units.isError ? <ErrorState onRetry={() => { void years.refetch(); void units.refetch(); }} /> : <LoadingState />;
  }
  const today = swedishDate(new Date());
  const terms = years.data.flatMap((y) => y.terms);
  // whom the actor may add holidays for: the whole organiser and every unit, or their own unit
  const reach = organiserAdministrator ? [{ id: 'whole', name: t('organisation.calendar.wholeOrganiser'), whole: true }, ...units.data] : units.data;
  const suggested = years.data[0] ? nextSchoolYear(years.data[0].schoolYear) : schoolYearOf(Number(today.slice(0, 4)));
  return (
    <>
      <Text>{t(organiserAdministrator ? 'organisation.calendar.intro' : 'organisation.calendar.introUnit')}</Text>
      <div aria-live="polite">{notice && <Alert color="green" data-testid="calendar-notice">{notice}</Alert>}</div>
      {organiserAdministrator && (creating ? (
        <SchoolYearForm suggestedYear={suggested} years={years.data} onDone={(m) => { setCreating(false); setNotice(m); }} />
      ) : (
        <Group><Button onClick={() => { setNotice(null); setCreating(true); }} data-testid="school-year-add">{t('organisation.calendar.newYear')}</Button></Group>
      ))}
      {years.data.length === 0 && <Text c="dimmed">{t('organisation.calendar.empty')}</Text>}
      {years.data.map((y) => (
        <Stack key={y.schoolYear} gap="sm" component="section" aria-labelledby={`year-${y.schoolYear}`} data-testid={`school-year-${y.schoolYear}`}>
          <Title order={2} size="h3" id={`year-${y.schoolYear}`}>{t('organisation.calendar.schoolYear', { year: y.schoolYear })}</Title>
          {y.terms.map((term) => (
            <TermCard key={term.id} term={term} terms={terms} today={today} organiserAdministrator={organiserAdministrator} units={reach} onNotice={setNotice} />
          ))}
        </Stack>
      ))}
    </>
  );
}

/** "Läsår och terminer": school years with HT and VT and their holidays. */
export function CalendarPage() {
  return <OrganisationLayout page="calendar" testId="org-calendar-page">{(organiserAdministrator) => <Calendar organiserAdministrator={organiserAdministrator} />}</OrganisationLayout>;
}
