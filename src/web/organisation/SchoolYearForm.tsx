import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { schoolYearProblem, type TermProblem } from '../../domain/register/terms';
import { DateRangeFields, isSpan } from './DateRangeFields';
import { problemText } from './problem';
import type { DateSpan, SchoolYear } from './types';
import { useCreateSchoolYear } from './useOrganisation';

/** "Nytt läsår": HT and VT of the next school year, checked with the server's own rule before it is sent. */
export function SchoolYearForm({ suggestedYear, years, onDone }: { suggestedYear: string; years: SchoolYear[]; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const create = useCreateSchoolYear();
  const [schoolYear, setSchoolYear] = useState(suggestedYear);
  const [ht, setHt] = useState<DateSpan>({ startDate: '', endDate: '' });
  const [vt, setVt] = useState<DateSpan>({ startDate: '', endDate: '' });
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<TermProblem | null>(null);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setProblem(null);
    if (!isSpan(ht) || !isSpan(vt)) return;
    const found = schoolYearProblem(schoolYear.trim(), ht, vt, years.flatMap((y) => y.terms));
    if (found) return setProblem(found);
    create.mutate({ schoolYear: schoolYear.trim(), ht, vt }, { onSuccess: () => onDone(t('organisation.calendar.yearCreated', { year: schoolYear.trim() })) });
  };
  const message = problem ? t(`organisation.errors.${problem}`) : create.error ? problemText(t, create.error) : null;
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="school-year-form">
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id={titleId} ref={heading} tabIndex={-1}>{t('organisation.calendar.newYearTitle', { year: schoolYear })}</Title>
            <Text size="sm" c="dimmed">{t('organisation.calendar.newYearIntro')}</Text>
          </div>
          <TextInput label={t('organisation.calendar.yearLabel')} value={schoolYear} maw={200} autoComplete="off"
            onChange={(e) => setSchoolYear(e.currentTarget.value)} data-testid="school-year-label" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateRangeFields legend={t('organisation.calendar.kinds.HT')} value={ht} onChange={setHt} checked={checked} testId="school-year-ht" />
            <DateRangeFields legend={t('organisation.calendar.kinds.VT')} value={vt} onChange={setVt} checked={checked} testId="school-year-vt" />
          </SimpleGrid>
          <div aria-live="polite">{message && <Alert color="red" role="alert" data-testid="school-year-error">{message}</Alert>}</div>
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="school-year-save">{t('organisation.calendar.create')}</Button>
            <Button variant="default" onClick={() => onDone(null)}>{t('organisation.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
