import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../../absence/DateInput';
import type { Measure } from './types';

/** The follow-up of a measure: the day it was followed up and what came of it. */
export function FollowUpForm({ measure, today, pending, error, onSubmit, onCancel }: {
  measure: Measure; today: string; pending: boolean; error: string | null; onCancel: () => void;
  onSubmit: (v: { followedUpOn: string; outcome: string }) => void;
}) {
  const { t } = useTranslation();
  const [followedUpOn, setFollowedUpOn] = useState(measure.followedUpOn ?? today);
  const [outcome, setOutcome] = useState(measure.outcome);
  const ready = isIsoDate(followedUpOn) && outcome.trim() !== '';
  return (
    <Stack component="form" gap="sm" data-testid="follow-up-form" onSubmit={(e) => { e.preventDefault(); if (ready) onSubmit({ followedUpOn, outcome }); }}>
      <DateInput label={t('followupFindings.followedUpOn')} required value={followedUpOn} onChange={setFollowedUpOn} testId="follow-up-date" />
      <Textarea label={t('followupFindings.outcome')} required value={outcome} maxLength={4000} autosize minRows={2}
        onChange={(e) => setOutcome(e.currentTarget.value)} data-testid="follow-up-outcome" />
      {error && <Text c="red.8" role="alert">{error}</Text>}
      <Group>
        <Button type="submit" loading={pending} disabled={!ready} data-testid="follow-up-submit">{t('followupFindings.saveFollowUp')}</Button>
        <Button variant="default" onClick={onCancel}>{t('followupFindings.cancel')}</Button>
      </Group>
    </Stack>
  );
}
