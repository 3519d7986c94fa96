import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDate } from '../absence/DateInput';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { Prose } from './StatusBadge';
import type { ProgrammeCase } from './types';
import { useProblemText, useProgrammeMutations } from './useActionProgrammes';

/** The guardians informed (a date) and sharing with the pupil and guardians. */
export function HomeSection({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const { informed, share } = useProgrammeMutations(c.id);
  const [informedOn, setInformedOn] = useState(c.today);
  const error = informed.error ?? share.error;
  return (
    <Section title={t('actionProgrammes.home.title')} testId="home-section">
      <Stack gap="sm" maw={720}>
        <FactTable label={t('actionProgrammes.home.title')} testId="home-facts" facts={[
          [t('actionProgrammes.home.informedOn'), c.guardiansInformedOn ?? t('actionProgrammes.home.notInformed')],
          [t('actionProgrammes.home.shared'), c.sharedAt ?? t('actionProgrammes.home.notShared')],
        ]} />
        {c.may.manage && !c.guardiansInformedOn && (
          <Group align="flex-end">
            <DateInput label={t('actionProgrammes.home.informedOn')} required value={informedOn} onChange={setInformedOn} testId="informed-date" />
            <Button variant="default" loading={informed.isPending} disabled={!isIsoDate(informedOn)} data-testid="informed-submit"
              onClick={() => informed.mutate({ informedOn, version: c.version })}>{t('actionProgrammes.home.markInformed')}</Button>
          </Group>
        )}
        {c.may.manage && !c.sharedAt && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">{t('actionProgrammes.home.shareHint')}</Text>
            <Button w="fit-content" loading={share.isPending} onClick={() => share.mutate({ version: c.version })} data-testid="share-submit">
              {t('actionProgrammes.home.share')}</Button>
          </Stack>
        )}
        {error && <Alert color="red" role="alert">{problem(error)}</Alert>}
      </Stack>
    </Section>
  );
}

/** A follow-up of one of the measures the actor may follow up. */
export function FollowUpSection({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const { followUp } = useProgrammeMutations(c.id);
  const mine = c.measures.filter((m) => m.mayFollowUp);
  const [chosen, setMeasureId] = useState<string | null>(null);
  const measureId = chosen ?? mine[0]?.id ?? null;
  const [note, setNote] = useState('');
  const [date, setDate] = useState(c.today);
  const [next, setNext] = useState('');
  if (c.status !== 'programme' || mine.length === 0) return null;
  return (
    <Section title={t('actionProgrammes.followUp.title')} testId="follow-up-section">
      <form onSubmit={(e) => {
        e.preventDefault();
        if (measureId) followUp.mutate({ measureId, note, followedUpOn: date, nextFollowUpOn: next || null }, { onSuccess: () => { setNote(''); setNext(''); } });
      }}>
        <Stack gap="sm" maw={720}>
          <Select label={t('actionProgrammes.measure')} required data={mine.map((m) => ({ value: m.id, label: m.measure }))} value={measureId}
            allowDeselect={false} onChange={setMeasureId} data-testid="follow-up-measure" />
          <Textarea label={t('actionProgrammes.followUp.note')} required autosize minRows={2} maxLength={4000} value={note}
            onChange={(e) => setNote(e.currentTarget.value)} data-testid="follow-up-note" />
          <Group align="flex-end">
            <DateInput label={t('actionProgrammes.followUp.date')} required value={date} onChange={setDate} testId="follow-up-date" />
            <DateInput label={t('actionProgrammes.followUp.next')} value={next} onChange={setNext} testId="follow-up-next" />
          </Group>
          <Button type="submit" w="fit-content" loading={followUp.isPending} disabled={!note.trim() || !measureId || !isIsoDate(date) || (next !== '' && !isIsoDate(next))}
            data-testid="follow-up-submit">{t('actionProgrammes.followUp.submit')}</Button>
          {followUp.error && <Alert color="red" role="alert">{problem(followUp.error)}</Alert>}
        </Stack>
      </form>
    </Section>
  );
}

/** The evaluation: the form while the programme is in force, the text once evaluated. */
export function EvaluationSection({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const { evaluate } = useProgrammeMutations(c.id);
  const [text, setText] = useState('');
  const [date, setDate] = useState(c.today);
  if (c.status === 'evaluated') {
    return (
      <Section title={t('actionProgrammes.evaluation.title')} testId="evaluation-section">
        <FactTable label={t('actionProgrammes.evaluation.title')} facts={[
          [t('actionProgrammes.evaluation.date'), c.evaluatedOn ?? ''],
          [t('actionProgrammes.evaluation.text'), <Prose key="e" text={c.evaluation} />],
        ]} />
      </Section>
    );
  }
  if (!c.may.evaluate) return null;
  return (
    <Section title={t('actionProgrammes.evaluation.title')} testId="evaluation-section">
      <form onSubmit={(e) => { e.preventDefault(); evaluate.mutate({ evaluation: text, evaluatedOn: date, version: c.version }); }}>
        <Stack gap="sm" maw={720}>
          <Textarea label={t('actionProgrammes.evaluation.text')} description={t('actionProgrammes.evaluation.hint')} required autosize minRows={3} maxLength={8000}
            value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="evaluation-text" />
          <DateInput label={t('actionProgrammes.evaluation.date')} required value={date} onChange={setDate} testId="evaluation-date" />
          <Button type="submit" w="fit-content" color="gray" loading={evaluate.isPending} disabled={!text.trim() || !isIsoDate(date)} data-testid="evaluation-submit">
            {t('actionProgrammes.evaluation.submit')}</Button>
          {evaluate.error && <Alert color="red" role="alert">{problem(evaluate.error)}</Alert>}
        </Stack>
      </form>
    </Section>
  );
}
