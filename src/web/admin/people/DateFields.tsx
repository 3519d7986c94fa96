import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from './types';

export interface DateDraft { startDate: string; endDate: string }

/** The first and last day of a relation; an empty last day means until further notice. */
export function dateProblem(d: DateDraft): 'start' | 'end' | 'order' | null {
  if (!isIsoDate(d.startDate)) return 'start';
  if (d.endDate !== '' && !isIsoDate(d.endDate)) return 'end';
  if (d.endDate !== '' && d.endDate < d.startDate) return 'order';
  return null;
}

export function DateFields({ value, onChange, checked, testId }: { value: DateDraft; onChange: (d: DateDraft) => void; checked: boolean; testId: string }) {
  const { t } = useTranslation();
  const problem = checked ? dateProblem(value) : null;
  const props = { placeholder: t('people.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10, autoComplete: 'off' };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput {...props} required label={t('people.from')} value={value.startDate} data-testid={`${testId}-from`}
        onChange={(e) => onChange({ ...value, startDate: e.currentTarget.value.trim() })}
        error={problem === 'start' ? t('people.invalidDate') : undefined} />
      <TextInput {...props} label={t('people.to')} description={t('people.toHint')} value={value.endDate} data-testid={`${testId}-to`}
        onChange={(e) => onChange({ ...value, endDate: e.currentTarget.value.trim() })}
        error={problem === 'end' ? t('people.invalidDate') : problem === 'order' ? t('people.errors.end_before_start') : undefined} />
    </SimpleGrid>
  );
}
