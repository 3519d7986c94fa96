import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../../absence/DateInput';
import { MEASURE_KINDS, type MeasureKind } from './types';

/** A new measure on a finding: its kind (as the general advice lists them), description, responsible, follow-up date. */
export function MeasureForm({ pending, error, onSubmit, onCancel }: {
  pending: boolean; error: string | null; onCancel: () => void;
  onSubmit: (v: { kind: MeasureKind; description: string; responsible: string; followUpDate: string }) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MeasureKind>('co_assessment');
  const [description, setDescription] = useState('');
  const [responsible, setResponsible] = useState('');
  const [followUpDate, setFollowUpDate] = useState('');
  const ready = description.trim() !== '' && isIsoDate(followUpDate);
  return (
    <Stack component="form" gap="sm" data-testid="measure-form" onSubmit={(e) => { e.preventDefault(); if (ready) onSubmit({ kind, description, responsible, followUpDate }); }}>
      <Select label={t('followupFindings.measureKind')} required allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as MeasureKind)}
        data={MEASURE_KINDS.map((k) => ({ value: k, label: t(`followupFindings.kinds.${k}`) }))} data-testid="measure-kind" />
      <Textarea label={t('followupFindings.description')} required value={description} maxLength={4000} autosize minRows={2}
        onChange={(e) => setDescription(e.currentTarget.value)} data-testid="measure-description" />
      <Group align="flex-start">
        <TextInput label={t('followupFindings.responsible')} value={responsible} maxLength={200} onChange={(e) => setResponsible(e.currentTarget.value)} data-testid="measure-responsible" />
        <DateInput label={t('followupFindings.followUpDate')} required value={followUpDate} onChange={setFollowUpDate} testId="measure-follow-up-date" />
      </Group>
      {error && <Text c="red.8" role="alert">{error}</Text>}
      <Group>
        <Button type="submit" loading={pending} disabled={!ready} data-testid="measure-submit">{t('followupFindings.addMeasure')}</Button>
        <Button variant="default" onClick={onCancel}>{t('followupFindings.cancel')}</Button>
      </Group>
    </Stack>
  );
}
