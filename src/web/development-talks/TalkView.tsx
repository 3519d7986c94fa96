import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import type { Talk, TalkFollowUp, TalkGoal } from './types';

/** A label and a text that keeps its line breaks (text as the server sent it; React escapes it). */
export function Labelled({ label, text }: { label: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}><Text span fw={600} size="sm">{`${label}: `}</Text>{text}</Text>
  );
}

function GoalCard({ goal, n, testId }: { goal: Pick<TalkGoal, 'goal' | 'pupilDoes' | 'schoolDoes' | 'homeDoes'>; n: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={4}>
        <Text fw={600} style={{ whiteSpace: 'pre-wrap' }}>{`${t('developmentTalks.talk.goalNumber', { n })}: ${goal.goal}`}</Text>
        <Labelled label={t('developmentTalks.talk.pupilDoes')} text={goal.pupilDoes} />
        <Labelled label={t('developmentTalks.talk.schoolDoes')} text={goal.schoolDoes} />
        <Labelled label={t('developmentTalks.talk.homeDoes')} text={goal.homeDoes} />
      </Stack>
    </Paper>
  );
}

function FollowUpCard({ f, n }: { f: TalkFollowUp; n: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="talk-follow-up">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">{t('developmentTalks.talk.fromTalk', { date: f.talkHeldOn })}</Text>
        <Text fw={600} style={{ whiteSpace: 'pre-wrap' }}>{`${t('developmentTalks.talk.goalNumber', { n })}: ${f.goal}`}</Text>
        <Text size="sm"><Text span fw={600} size="sm">{`${t('developmentTalks.talk.outcome')}: `}</Text>
          {f.outcome ? t(`developmentTalks.outcomes.${f.outcome}`) : t('developmentTalks.talk.notFollowedUp')}</Text>
        <Labelled label={t('developmentTalks.talk.note')} text={f.note ?? ''} />
      </Stack>
    </Paper>
  );
}

/** The talk as written: per-subject progress, summary, agreed goals and the follow-up of earlier goals.
 *  Read-only; `headingOrder` 2 on a page of its own, 3 inside a portal section. */
export function TalkView({ talk, headingOrder = 2, showEmptySubjects = true }: { talk: Talk; headingOrder?: 2 | 3; showEmptySubjects?: boolean }) {
  const { t } = useTranslation();
  const h = (text: string) => <Title order={headingOrder} size={headingOrder === 2 ? 'h3' : 'h4'}>{text}</Title>;
  const subjects = showEmptySubjects ? talk.subjects : talk.subjects.filter((s) => s.comments.length);
  const followUps = talk.mayEdit ? [] : talk.followUps.filter((f) => f.outcome);
  return (
    <Stack gap="lg">
      {subjects.length > 0 && (
        <Stack gap="xs" component="section" data-testid="talk-progress">
          {h(t('developmentTalks.talk.progress'))}
          <Text size="sm" c="dimmed">{t('developmentTalks.talk.progressHint')}</Text>
          {showEmptySubjects ? (
            // staff: every subject the pupil is taught, one row each, so a missing comment shows at once
            <DataTable label={t('developmentTalks.talk.progress')} empty="" testId="talk-progress-table"
              columns={[t('developmentTalks.talk.subject'), t('developmentTalks.talk.comments')]}
              rows={subjects.map((s) => ({ key: s.code, cells: [<span key="n" data-testid={`talk-subject-${s.code}`}>{s.name}</span>,
                s.comments.length === 0 ? <Text key="c" size="sm" c="dimmed">{t('developmentTalks.talk.noComment')}</Text>
                  : <Stack key="c" gap={2}>{s.comments.map((c) => <Labelled key={c.teacherId} label={c.teacher} text={c.comment} />)}</Stack>] }))} />
          ) : subjects.map((s) => (
            <Paper key={s.code} withBorder p="sm" data-testid={`talk-subject-${s.code}`}>
              <Text fw={600}>{s.name}</Text>
              {s.comments.map((c) => <Labelled key={c.teacherId} label={c.teacher} text={c.comment} />)}
            </Paper>
          ))}
        </Stack>
      )}
      {!talk.mayEdit && talk.status === 'held' && (
        <Stack gap="xs" component="section">
          {h(t('developmentTalks.talk.summary'))}
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="talk-summary">{talk.summary || t('developmentTalks.talk.noSummary')}</Text>
        </Stack>
      )}
      {!talk.mayEdit && talk.status === 'held' && (
        <Stack gap="xs" component="section" data-testid="talk-goals">
          {h(t('developmentTalks.talk.goals'))}
          {talk.goals.length === 0 ? <Text c="dimmed">{t('developmentTalks.talk.noGoals')}</Text>
            : talk.goals.map((g, i) => <GoalCard key={g.id} goal={g} n={i + 1} testId="talk-goal" />)}
        </Stack>
      )}
      {followUps.length > 0 && (
        <Stack gap="xs" component="section" data-testid="talk-follow-ups">
          {h(t('developmentTalks.talk.followUps'))}
          {followUps.map((f, i) => <FollowUpCard key={f.goalId} f={f} n={i + 1} />)}
        </Stack>
      )}
    </Stack>
  );
}

export function TalkStatusBadges({ talk }: { talk: { status: Talk['status']; sharedAt: string | null } }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={talk.status === 'held' ? 'green' : 'blue'}>{t(`developmentTalks.statuses.${talk.status}`)}</Badge>
      {' '}
      <Badge variant="outline" color={talk.sharedAt ? 'teal.9' : 'gray.7'}>{talk.sharedAt ? t('developmentTalks.shared') : t('developmentTalks.notShared')}</Badge>
    </>
  );
}
