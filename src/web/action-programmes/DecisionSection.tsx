import { useState } from 'react';
import { Alert, Anchor, Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { Prose } from './StatusBadge';
import type { ProgrammeCase, ProgrammeDecision } from './types';
import { decisionPdfUrl, useProblemText, useProgrammeMutations } from './useActionProgrammes';

function DecisionForm({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const { decide } = useProgrammeMutations(c.id);
  const [decision, setDecision] = useState<ProgrammeDecision>('programme');
  const [reason, setReason] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); decide.mutate({ decision, reason, version: c.version }); }}>
      <Stack gap="sm" maw={720}>
        <Text size="sm">{t('actionProgrammes.decision.intro')}</Text>
        <Radio.Group label={t('actionProgrammes.decision.choice')} value={decision} onChange={(v) => setDecision(v as ProgrammeDecision)} required>
          <Stack gap={6} mt={6}>
            <Radio value="programme" label={t('actionProgrammes.decision.programme')} data-testid="decision-programme" />
            <Radio value="no_programme" label={t('actionProgrammes.decision.no_programme')} data-testid="decision-no-programme" />
          </Stack>
        </Radio.Group>
        <Textarea label={t('actionProgrammes.decision.reason')} required autosize minRows={2} maxLength={4000}
          value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="decision-reason" />
        <Text size="sm" c="dimmed">{t('actionProgrammes.decision.confirm')}</Text>
        <Button type="submit" w="fit-content" loading={decide.isPending} disabled={!reason.trim()} data-testid="decision-submit">{t('actionProgrammes.decision.submit')}</Button>
        {decide.error && <Alert color="red" role="alert">{problem(decide.error)}</Alert>}
      </Stack>
    </form>
  );
}

/** The decision: the form for the principal or delegate, a note while waiting, the decision and its document after. */
export function DecisionSection({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  if (!c.decision) {
    return (
      <Section title={t('actionProgrammes.decision.title')} testId="decision-section">
        {c.may.decide ? <DecisionForm c={c} /> : <Text size="sm" data-testid="decision-waiting">{t('actionProgrammes.decision.waiting')}</Text>}
      </Section>
    );
  }
  const decider = c.decidedByDelegate ? t('actionProgrammes.decision.delegate', { name: c.decidedBy }) : c.decidedBy ?? '';
  return (
    <Section title={t('actionProgrammes.decision.title')} testId="decision-section">
      <FactTable label={t('actionProgrammes.decision.title')} testId="decision-facts" facts={[
        [t('actionProgrammes.decision.choice'), t(`actionProgrammes.decision.${c.decision}`)],
        [t('actionProgrammes.decision.reason'), <Prose key="r" text={c.decisionReason} />],
        [t('actionProgrammes.decision.decidedBy'), decider],
        [t('actionProgrammes.decision.decidedOn'), c.decidedOn ?? ''],
      ]} />
      <Stack gap={2} mt="sm">
        <Anchor href={decisionPdfUrl(c.id)} target="_blank" rel="noopener" data-testid="decision-pdf">{t('actionProgrammes.decision.pdf')}</Anchor>
        <Text size="sm" c="dimmed">{t('actionProgrammes.decision.pdfHint')}</Text>
      </Stack>
    </Section>
  );
}
