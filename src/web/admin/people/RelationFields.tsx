import { Checkbox, MultiSelect, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUBJECTS } from '../../../domain/org/subjects';
import { svCollator } from '../../app/format';
import { DateFields, dateProblem, type DateDraft } from './DateFields';

export interface EnrolmentForm extends DateDraft { schoolYear: string; schoolForm: string; gradesRequested: boolean }
export interface DutyForm extends DateDraft { role: string; licensed: boolean; qualifiedSubjects: string[] }

export const emptyEnrolment = (today: string, forms: string[]): EnrolmentForm =>
  ({ schoolYear: '', schoolForm: forms[0] ?? 'GR', gradesRequested: false, startDate: today, endDate: '' });
export const emptyDuty = (today: string): DutyForm => ({ role: 'teacher', licensed: false, qualifiedSubjects: [], startDate: today, endDate: '' });

export const enrolmentReady = (f: EnrolmentForm) => f.schoolYear !== '' && dateProblem(f) === null;
export const toEnrolment = (f: EnrolmentForm) => ({ schoolYear: Number(f.schoolYear), schoolForm: f.schoolForm,
  gradesRequested: f.schoolForm === 'GRS' && f.gradesRequested, startDate: f.startDate, endDate: f.endDate || null });
export const toDuty = (f: DutyForm) => ({ role: f.role, licensed: f.licensed, qualifiedSubjects: f.qualifiedSubjects, startDate: f.startDate, endDate: f.endDate || null });

const years = Array.from({ length: 11 }, (_, y) => String(y));

export function EnrolmentFields({ value, onChange, forms, checked, testId }: { value: EnrolmentForm; onChange: (f: EnrolmentForm) => void; forms: string[]; checked: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select required label={t('people.schoolForm')} data={forms.map((f) => ({ value: f, label: t(`app.schoolForms.${f}`, { defaultValue: f }) }))}
          value={value.schoolForm} onChange={(v) => onChange({ ...value, schoolForm: v ?? value.schoolForm })} allowDeselect={false} data-testid={`${testId}-form`} />
        <Select required label={t('people.schoolYear')} data={years.map((y) => ({ value: y, label: y === '0' ? t('people.year0') : y }))}
          value={value.schoolYear || null} onChange={(v) => onChange({ ...value, schoolYear: v ?? '' })} data-testid={`${testId}-year`}
          error={checked && value.schoolYear === '' ? t('people.required') : undefined} />
      </SimpleGrid>
      {value.schoolForm === 'GRS' && (
        <Checkbox label={t('people.gradesRequested')} checked={value.gradesRequested} onChange={(e) => onChange({ ...value, gradesRequested: e.currentTarget.checked })} />
      )}
      <DateFields value={value} onChange={(d) => onChange({ ...value, ...d })} checked={checked} testId={testId} />
    </Stack>
  );
}

const subjectOptions = [...SUBJECTS].sort((a, b) => svCollator.compare(a.name, b.name)).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

export function DutyFields({ value, onChange, checked, testId }: { value: DutyForm; onChange: (f: DutyForm) => void; checked: boolean; testId: string }) {
  const { t } = useTranslation();
  const roles = ['teacher', 'administrator', 'principal', 'student_health'];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select required label={t('people.role')} data={roles.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))} allowDeselect={false}
          value={value.role} onChange={(v) => onChange({ ...value, role: v ?? value.role })} data-testid={`${testId}-role`} />
        <MultiSelect label={t('people.qualifiedSubjects')} data={subjectOptions} searchable value={value.qualifiedSubjects}
          onChange={(v) => onChange({ ...value, qualifiedSubjects: v })} data-testid={`${testId}-subjects`} />
      </SimpleGrid>
      <Checkbox label={t('people.licensed')} checked={value.licensed} onChange={(e) => onChange({ ...value, licensed: e.currentTarget.checked })} />
      <DateFields value={value} onChange={(d) => onChange({ ...value, ...d })} checked={checked} testId={testId} />
    </Stack>
  );
}
