import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../absence/DateInput';
import type { FollowUpOutcome, Talk } from './types';
import { useProblem } from './useProblem';
import type { useTalkMutations } from './useTalks';

interface GoalDraft { key: string; id: string | null; goal: string; pupilDoes: string; schoolDoes: string; homeDoes: string }
const OUTCOMES: FollowUpOutcome[] = ['met', 'partly', 'not_met'];
let nextKey = 0;
const emptyGoal = (): GoalDraft => ({ key: `new-${++nextKey}`, id: null, goal: '', pupilDoes: '', schoolDoes: '', homeDoes: '' });

/** The mentor's (or principal's) form: date, participants, summary, agreed goals, follow-up of earlier goals;
 *  then "held" and "share". Saved as a whole with the version read. */
export function TalkEditor({ talk, m }: { talk: Talk; m: ReturnType<typeof useTalkMutations> }) {
  const { t } = useTranslation();
  const problem = useProblem('developmentTalks.talk');
  const { save, hold, share } = m;
  const [heldOn, setHeldOn] = useState(talk.heldOn);
  const [participants, setParticipants] = useState(talk.participants);
  const [summary, setSummary] = useState(talk.summary);
  const [goals, setGoals] = useState<GoalDraft[]>(() => talk.goals.length ? talk.goals.map((g) => ({ key: g.id, ...g })) : [emptyGoal()]);
  const [followUps, setFollowUps] = useState(() => Object.fromEntries(talk.followUps.map((f) => [f.goalId, { outcome: f.outcome, note: f.note ?? '' }])));
  const [saved, setSaved] = useState(save.isSuccess);
  const setGoal = (key: string, field: keyof GoalDraft, value: string) => { setSaved(false); setGoals((gs) => gs.map((g) => (g.key === key ? { ...g, [field]: value } : g))); };
  const body = () => ({
    heldOn, participants, summary, version: talk.version,
    goals: goals.filter((g) => g.goal.trim() || g.pupilDoes.trim() || g.schoolDoes.trim() || g.homeDoes.trim())
      .map(({ key: _k, ...g }) => g),
    followUps: talk.followUps.map((f) => ({ goalId: f.goalId, outcome: followUps[f.goalId]?.outcome ?? null, note: followUps[f.goalId]?.note ?? '' })),
  });
  const error = save.error ?? hold.error ?? share.error;
  return (
    <Stack gap="lg">
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(body()); }}>
        <Stack gap="md" maw={800}>
          <Title order={2} size="h3">{t('developmentTalks.talk.write')}</Title>
          <Group align="flex-end">
            <DateInput label={t('developmentTalks.talk.date')} required value={heldOn} onChange={(v) => { setHeldOn(v); setSaved(false); }} testId="talk-date" />
            <TextInput label={t('developmentTalks.talk.participants')} value={participants} maxLength={500} style={{ flex: 1 }} miw={240}
              onChange={(e) => { setParticipants(e.currentTarget.value); setSaved(false); }} data-testid="talk-participants" />
          </Group>
          <Textarea label={t('developmentTalks.talk.summary')} autosize minRows={3} maxLength={8000} value={summary}
            onChange={(e) => { setSummary(e.currentTarget.value); setSaved(false); }} data-testid="talk-summary-input" />
          {talk.followUps.length > 0 && (
            <Stack gap="xs" data-testid="talk-follow-up-form">
              <Title order={3} size="h4">{t('developmentTalks.talk.followUps')}</Title>
              <Text size="sm" c="dimmed">{t('developmentTalks.talk.followUpHint')}</Text>
              {talk.followUps.map((f) => (
                <Paper key={f.goalId} withBorder p="sm">
                  <Text size="sm" c="dimmed">{t('developmentTalks.talk.fromTalk', { date: f.talkHeldOn })}</Text>
                  <Text fw={600} mb="xs" style={{ whiteSpace: 'pre-wrap' }}>{f.goal}</Text>
                  <Group align="flex-start">
                    <Select label={t('developmentTalks.talk.outcome')} aria-label={t('developmentTalks.talk.outcomeOf', { goal: f.goal })} w={260} clearable placeholder={t('developmentTalks.talk.notFollowedUp')}
                      data={OUTCOMES.map((o) => ({ value: o, label: t(`developmentTalks.outcomes.${o}`) }))} value={followUps[f.goalId]?.outcome ?? null}
                      data-testid="follow-up-outcome"
                      onChange={(v) => { setSaved(false); setFollowUps((x) => ({ ...x, [f.goalId]: { note: x[f.goalId]?.note ?? '', outcome: (v as FollowUpOutcome) ?? null } })); }} />
                    <Textarea label={t('developmentTalks.talk.note')} aria-label={t('developmentTalks.talk.noteOf', { goal: f.goal })} autosize minRows={1} maxLength={1000} style={{ flex: 1 }} miw={240}
                      value={followUps[f.goalId]?.note ?? ''} data-testid="follow-up-note"
                      onChange={(e) => { const note = e.currentTarget.value; setSaved(false); setFollowUps((x) => ({ ...x, [f.goalId]: { outcome: x[f.goalId]?.outcome ?? null, note } })); }} />
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          <Stack gap="xs">
            <Title order={3} size="h4">{t('developmentTalks.talk.goals')}</Title>
            {goals.map((g, i) => (
              <Paper key={g.key} withBorder p="sm" data-testid="goal-form">
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text fw={600}>{t('developmentTalks.talk.goalNumber', { n: i + 1 })}</Text>
                    <Button variant="subtle" color="red" size="xs" onClick={() => { setSaved(false); setGoals((gs) => gs.filter((x) => x.key !== g.key)); }}>
                      {t('developmentTalks.talk.removeGoal', { n: i + 1 })}</Button>
                  </Group>
                  <Textarea label={t('developmentTalks.talk.goal')} autosize minRows={1} maxLength={1000} value={g.goal}
                    onChange={(e) => setGoal(g.key, 'goal', e.currentTarget.value)} data-testid="goal-text" />
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <Textarea label={t('developmentTalks.talk.pupilDoes')} autosize minRows={1} maxLength={1000} value={g.pupilDoes}
                      onChange={(e) => setGoal(g.key, 'pupilDoes', e.currentTarget.value)} data-testid="goal-pupil" />
                    <Textarea label={t('developmentTalks.talk.schoolDoes')} autosize minRows={1} maxLength={1000} value={g.schoolDoes}
                      onChange={(e) => setGoal(g.key, 'schoolDoes', e.currentTarget.value)} data-testid="goal-school" />
                    <Textarea label={t('developmentTalks.talk.homeDoes')} autosize minRows={1} maxLength={1000} value={g.homeDoes}
                      onChange={(e) => setGoal(g.key, 'homeDoes', e.currentTarget.value)} data-testid="goal-home" />
                  </SimpleGrid>
                </Stack>
              </Paper>
            ))}
            <Button variant="default" w="fit-content" onClick={() => { setSaved(false); setGoals((gs) => [...gs, emptyGoal()]); }} data-testid="goal-add">
              {t('developmentTalks.talk.addGoal')}</Button>
          </Stack>
          <Button type="submit" w="fit-content" loading={save.isPending} data-testid="talk-save">{t('developmentTalks.talk.save')}</Button>
          {saved && <Alert color="green" role="status">{t('developmentTalks.talk.saved')}</Alert>}
        </Stack>
      </form>
      <Group align="flex-start" gap="xl">
        {talk.status === 'planned' && (
          <Stack gap={4} maw={360}>
            <Button onClick={() => hold.mutate(talk.version)} loading={hold.isPending} data-testid="talk-hold">{t('developmentTalks.talk.hold')}</Button>
            <Text size="sm" c="dimmed">{t('developmentTalks.talk.holdHint')}</Text>
          </Stack>
        )}
        {talk.status === 'held' && (
          <Stack gap={4} maw={360}>
            <Button color="teal" onClick={() => share.mutate(talk.version)} loading={share.isPending} data-testid="talk-share">{t('developmentTalks.talk.share')}</Button>
            <Text size="sm" c="dimmed">{t('developmentTalks.talk.shareHint')}</Text>
          </Stack>
        )}
      </Group>
      {error ? <Alert color="red" role="alert" maw={640}>{problem(error)}</Alert> : null}
    </Stack>
  );
}
