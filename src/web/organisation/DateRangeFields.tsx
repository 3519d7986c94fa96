import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../grading/periods/types';
import type { DateSpan } from './types';

/** Both dates written as real days of the calendar. */
export const isSpan = (s: DateSpan) => isIsoDate(s.startDate) && isIsoDate(s.endDate);

/** From/to of a term or holiday, YYYY-MM-DD, checked once the form has been submitted. */
export function DateRangeFields({ value, onChange, checked, testId, legend }: {
  value: DateSpan;
  onChange: (v: DateSpan) => void;
  checked: boolean;
  testId: string;
  legend?: string;
}) {
  const { t } = useTranslation();
  const error = (s: string) => (!checked ? undefined : s === '' ? t('organisation.required') : isIsoDate(s) ? undefined : t('organisation.invalidDate'));
  const props = { placeholder: t('organisation.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10, autoComplete: 'off', required: true };
  const fields = (
    <SimpleGrid cols={2} spacing="sm">
      <TextInput {...props} label={t('organisation.calendar.from')} value={value.startDate} error={error(value.startDate)}
        onChange={(e) => onChange({ ...value, startDate: e.currentTarget.value.trim() })} data-testid={`${testId}-from`} />
      <TextInput {...props} label={t('organisation.calendar.to')} value={value.endDate} error={error(value.endDate)}
        onChange={(e) => onChange({ ...value, endDate: e.currentTarget.value.trim() })} data-testid={`${testId}-to`} />
    </SimpleGrid>
  );
  return legend ? <Fieldset legend={legend}>{fields}</Fieldset> : fields;
}
