import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENTS, type Assessment } from './types';

/** Whether the deviation is justified and the cause found: to record a finding, or to change one. */
export function FindingForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: {
  initial?: { assessment: Assessment; cause: string }; submitLabel: string; pending: boolean; error: string | null;
  onSubmit: (v: { assessment: Assessment; cause: string }) => void; onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [assessment, setAssessment] = useState<Assessment>(initial?.assessment ?? 'unjustified');
  const [cause, setCause] = useState(initial?.cause ?? '');
  return (
    <Stack component="form" gap="sm" data-testid="finding-form" onSubmit={(e) => { e.preventDefault(); onSubmit({ assessment, cause }); }}>
      <Radio.Group label={t('followupFindings.assessment')} value={assessment} onChange={(v) => setAssessment(v as Assessment)} required>
        <Group gap="md" mt={4}>
          {ASSESSMENTS.map((a) => <Radio key={a} value={a} label={t(`followupFindings.assessments.${a}`)} data-testid={`assessment-${a}`} />)}
        </Group>
      </Radio.Group>
      <Textarea label={t('followupFindings.cause')} description={t('followupFindings.causeHint')} value={cause} maxLength={4000} autosize minRows={2}
        onChange={(e) => setCause(e.currentTarget.value)} data-testid="finding-cause" />
      {error && <Text c="red.8" role="alert">{error}</Text>}
      <Group>
        <Button type="submit" loading={pending} data-testid="finding-submit">{submitLabel}</Button>
        {onCancel && <Button variant="default" onClick={onCancel}>{t('followupFindings.cancel')}</Button>}
      </Group>
    </Stack>
  );
}
