import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { TalkEditor } from './TalkEditor';
import { TalkStatusBadges, TalkView } from './TalkView';
import type { Talk } from './types';
import { useProblem } from './useProblem';
import { talksPath, useTalk, useTalkMutations } from './useTalks';

/** A teacher's comment in one subject they teach the pupil. */
function CommentForm({ talk, code, m }: { talk: Talk; code: string; m: ReturnType<typeof useTalkMutations> }) {
  const { t } = useTranslation();
  const problem = useProblem('developmentTalks.talk');
  const subject = talk.subjects.find((s) => s.code === code);
  const me = useCurrentSession().person.id;
  const mine = subject?.comments.find((c) => c.teacherId === me);
  const [text, setText] = useState(mine?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const label = t('developmentTalks.talk.myComment', { subject: subject?.name ?? code });
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.comment.mutate({ subjectCode: code, comment: text }, { onSuccess: () => setSaved(true) }); }}>
      <Stack gap="xs" maw={640}>
        <Textarea label={label} description={t('developmentTalks.talk.commentHint')} autosize minRows={2} maxLength={2000} value={text}
          onChange={(e) => { setText(e.currentTarget.value); setSaved(false); }} data-testid={`comment-${code}`} />
        <Button type="submit" w="fit-content" loading={m.comment.isPending} data-testid={`comment-save-${code}`}>{t('developmentTalks.talk.commentSave')}</Button>
        {saved && <Alert color="green" role="status">{t('developmentTalks.talk.commentSaved')}</Alert>}
        {m.comment.error && <Alert color="red" role="alert">{problem(m.comment.error)}</Alert>}
      </Stack>
    </form>
  );
}

function TalkContent({ talk }: { talk: Talk }) {
  const { t } = useTranslation();
  const m = useTalkMutations(talk.id);
  const name = `${talk.pupil.givenName} ${talk.pupil.familyName}`;
  useDocumentTitle(t('developmentTalks.talk.heading', { date: talk.heldOn, name }));
  return (
    <Stack gap="xl" py="md" data-testid="talk-page">
      <div>
        <Title order={1}>{t('developmentTalks.talk.heading', { date: talk.heldOn, name })}</Title>
        <Group gap="md"><AppLink to={talksPath(talk.pupilId)} testId="talk-back">{t('developmentTalks.talk.back')}</AppLink></Group>
      </div>
      <FactTable label={t('developmentTalks.talk.facts')} testId="talk-facts" facts={[
        [t('developmentTalks.talk.pupil'), name],
        [t('developmentTalks.talk.className'), talk.pupil.className ?? '–'],
        [t('developmentTalks.talk.date'), talk.heldOn],
        [t('developmentTalks.talk.status'), <TalkStatusBadges key="s" talk={talk} />],
        [t('developmentTalks.talk.participants'), talk.participants || '–'],
        [t('developmentTalks.talk.createdBy'), talk.createdBy],
        ...(talk.sharedAt ? [[t('developmentTalks.talk.sharing'), t('developmentTalks.talk.sharedOn', { date: talk.sharedAt })] as [string, string]] : []),
      ]} />
      {talk.sharedAt && <Alert color="teal" variant="light" data-testid="talk-read-only">{t('developmentTalks.talk.readOnly')}</Alert>}
      {talk.mayComment.length > 0 && (
        <Section title={t('developmentTalks.talk.myComments')} testId="talk-my-comments">
          {talk.mayComment.map((code) => <CommentForm key={code} talk={talk} code={code} m={m} />)}
        </Section>
      )}
      <TalkView talk={talk} />
      {talk.mayEdit && <TalkEditor key={talk.version} talk={talk} m={m} />}
    </Stack>
  );
}

/** /utvecklingssamtal/:talkId — the talk: staff who may read it; the pupil and guardians once shared. */
export function TalkPage() {
  const { t } = useTranslation();
  const { talkId = '' } = useParams();
  const query = useTalk(talkId);
  if (query.error && isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('developmentTalks.talk.title')} testId="talk-no-access" />;
  if (!query.data) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <TalkContent talk={query.data} />;
}
