import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import type { AdaptationFields, AdaptationList } from './types';

const GENERAL = 'general';

/** The fields of an adaptation: subject or general, description, dates, the responsible from the list. */
export function AdaptationForm({ list, initial, submitLabel, pending, error, onSubmit, onCancel, testId }: {
  list: AdaptationList; initial: AdaptationFields; submitLabel: string; pending: boolean; error: string | null;
  onSubmit: (f: AdaptationFields) => void; onCancel?: () => void; testId: string;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState(initial);
  const set = <K extends keyof AdaptationFields>(k: K, v: AdaptationFields[K]) => setF((x) => ({ ...x, [k]: v }));
  const dateOk = (v: string | null) => v === null || isIsoDate(v);
  const ready = f.description.trim() && isIsoDate(f.startDate) && dateOk(f.endDate) && dateOk(f.followUpOn) && f.responsibleId;
  return (
    <form data-testid={testId} onSubmit={(e) => { e.preventDefault(); onSubmit(f); }}>
      <Stack gap="sm" maw={720}>
        <Select label={t('extraAdaptations.subject')} allowDeselect={false} w={300} data-testid="adaptation-subject"
          data={[{ value: GENERAL, label: t('extraAdaptations.general') }, ...list.subjects.map((s) => ({ value: s.code, label: s.name }))]}
          value={f.subjectCode ?? GENERAL} onChange={(v) => set('subjectCode', !v || v === GENERAL ? null : v)} />
        <Textarea label={t('extraAdaptations.description')} required autosize minRows={2} maxLength={4000} value={f.description}
          onChange={(e) => set('description', e.currentTarget.value)} data-testid="adaptation-description" />
        <Group align="flex-end">
          <DateInput label={t('extraAdaptations.startDate')} required value={f.startDate} onChange={(v) => set('startDate', v)} testId="adaptation-start" />
          <DateInput label={t('extraAdaptations.endDate')} value={f.endDate ?? ''} onChange={(v) => set('endDate', v || null)} testId="adaptation-end" />
          <DateInput label={t('extraAdaptations.followUpOn')} value={f.followUpOn ?? ''} onChange={(v) => set('followUpOn', v || null)} testId="adaptation-follow-up" />
        </Group>
        <Select label={t('extraAdaptations.responsible')} required w={300} placeholder={t('extraAdaptations.chooseResponsible')} data-testid="adaptation-responsible"
          data={list.responsibleOptions.map((o) => ({ value: o.id, label: o.name }))} value={f.responsibleId || null} searchable
          onChange={(v) => set('responsibleId', v ?? '')} />
        <Group>
          <Button type="submit" loading={pending} disabled={!ready} data-testid={`${testId}-submit`}>{submitLabel}</Button>
          {onCancel && <Button variant="default" onClick={onCancel}>{t('extraAdaptations.cancel')}</Button>}
        </Group>
        {error && <Alert color="red" role="alert">{error}</Alert>}
      </Stack>
    </form>
  );
}
