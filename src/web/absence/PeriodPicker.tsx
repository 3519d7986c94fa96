import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from './DateInput';

/** The period of an absence page: two labelled dates (YYYY-MM-DD), applied together. */
export function PeriodPicker({ from, to, onChange }: { from: string; to: string; onChange: (p: { from: string; to: string }) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ from, to });
  const [shown, setShown] = useState({ from, to });
  if (shown.from !== from || shown.to !== to) { setShown({ from, to }); setDraft({ from, to }); }
  return (
    <Group gap="sm" align="flex-end" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} aria-label={t('absence.period.legend')}>
      <DateInput label={t('absence.period.from')} value={draft.from} testId="absence-from" onChange={(v) => setDraft({ ...draft, from: v })} />
      <DateInput label={t('absence.period.to')} value={draft.to} testId="absence-to" onChange={(v) => setDraft({ ...draft, to: v })} />
      <Button variant="outline" disabled={!isIsoDate(draft.from) || !isIsoDate(draft.to) || draft.from > draft.to} data-testid="absence-period-apply"
        onClick={() => onChange(draft)}>{t('absence.period.show')}</Button>
    </Group>
  );
}
