import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** A date typed as YYYY-MM-DD whatever the browser's locale (a native date field shows the locale's order). */
export function DateInput({ label, value, onChange, required, testId, w = 170 }:
  { label: string; value: string; onChange: (v: string) => void; required?: boolean; testId?: string; w?: number }) {
  const { t } = useTranslation();
  const wrong = value !== '' && !isIsoDate(value);
  return (
    <TextInput label={label} value={value} required={required} w={w} placeholder={t('absence.datePlaceholder')} inputMode="numeric" maxLength={10}
      autoComplete="off" data-testid={testId} error={wrong ? t('absence.invalidDate') : undefined} onChange={(e) => onChange(e.currentTarget.value.trim())} />
  );
}
