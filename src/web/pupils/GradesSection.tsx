import { Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../app/DataTable';
import type { GradeMark, GradeYear } from './types';
import classes from './pupil-page.module.css';

const showValue = (v: string) => (v === '-' ? '–' : v);

/** One grade: its value and, beside it, its state in words (and "överfört" for a carried-over term grade). */
function Mark({ mark }: { mark: GradeMark | null }) {
  const { t } = useTranslation();
  if (!mark) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <VisuallyHidden>{t('pupils.noGrade')}</VisuallyHidden>
      </>
    );
  }
  const state = [t(`pupils.states.${mark.state}`), mark.carriedOver ? t('pupils.carriedOver') : null].filter(Boolean).join(', ');
  return (
    <span data-testid="grade-mark">
      <span className={classes.mark}>{showValue(mark.value)}</span> <span className={classes.state}>{state}</span>
    </span>
  );
}

/** HT, VT and final grades per school year, newest first, one row per subject. */
export function GradesSection({ years }: { years: GradeYear[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('pupils.grades')} testId="grades-section">
      {years.length === 0 && <Text c="dimmed" data-testid="no-grades">{t('pupils.noGrades')}</Text>}
      {years.map((y) => {
        const [from, to] = y.schoolYear.split('/');
        return (
          <Stack gap="xs" key={y.schoolYear} data-testid="grade-year">
            <Title order={3} size="h4">
              {t('pupils.schoolYearTitle', { year: y.schoolYear })}
            </Title>
            <DataTable
              label={t('pupils.gradesOfYear', { year: y.schoolYear })}
              testId={`grades-${y.schoolYear.replace('/', '-')}`}
              empty={t('pupils.noGrades')}
              columns={[t('pupils.subject'), `HT ${from}`, `VT ${to}`, t('pupils.final')]}
              rows={y.subjects.map((s) => ({
                key: s.subject.code,
                cells: [s.subject.name, <Mark key="ht" mark={s.HT} />, <Mark key="vt" mark={s.VT} />, <Mark key="f" mark={s.final} />],
              }))}
            />
          </Stack>
        );
      })}
    </Section>
  );
}
