import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { pupilAbsencePath } from './AbsenceOverviewPage';
import { DateInput } from './DateInput';
import type { EntryKind, Investigation } from './types';
import { useInvestigation, useInvestigationMutations } from './useAbsence';

const KINDS: EntryKind[] = ['contact', 'measure', 'follow_up', 'note'];

/** The message of a refused change, in the page's words. */
function useProblem() {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    if (isApiError(error, 409)) return t('absence.investigation.stale');
    const key = `absence.investigation.problems.${isApiError(error) ? error.code : ''}`;
    return i18n.exists(key) ? t(key) : t('app.unexpectedError');
  };
}

function AddEntryForm({ inv }: { inv: Investigation }) {
  const { t } = useTranslation();
  const problem = useProblem();
  const { addEntry } = useInvestigationMutations(inv.id);
  const [kind, setKind] = useState<EntryKind>('contact');
  const [occurredOn, setOccurredOn] = useState(inv.entries.length ? inv.entries[inv.entries.length - 1].occurredOn : inv.openedOn);
  const [followUpOn, setFollowUpOn] = useState('');
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  return (
    <form onSubmit={(e) => {
      e.preventDefault();
      addEntry.mutate({ kind, occurredOn, followUpOn: kind === 'measure' ? followUpOn || null : null, text }, {
        onSuccess: () => { setText(''); setFollowUpOn(''); setAdded(true); },
      });
    }}>
      <Stack gap="sm" maw={640}>
        <Group align="flex-end">
          <Select label={t('absence.investigation.kind')} data={KINDS.map((k) => ({ value: k, label: t(`absence.investigation.kinds.${k}`) }))}
            value={kind} allowDeselect={false} w={220} data-testid="entry-kind" onChange={(v) => { setKind((v ?? 'contact') as EntryKind); setAdded(false); }} />
          <DateInput label={t('absence.investigation.occurredOn')} required value={occurredOn} onChange={setOccurredOn} testId="entry-date" />
          {kind === 'measure' && <DateInput label={t('absence.investigation.followUpOnLabel')} required value={followUpOn} onChange={setFollowUpOn} testId="entry-follow-up" />}
        </Group>
        <Textarea label={t('absence.investigation.entryText')} description={t('absence.investigation.entryHint')} required autosize minRows={2} maxLength={4000}
          value={text} onChange={(e) => { setText(e.currentTarget.value); setAdded(false); }} data-testid="entry-text" />
        <Button type="submit" w="fit-content" loading={addEntry.isPending} disabled={!text.trim()} data-testid="entry-submit">{t('absence.investigation.addSubmit')}</Button>
        {added && <Alert color="green" role="status">{t('absence.investigation.added')}</Alert>}
        {addEntry.error && <Alert color="red" role="alert">{problem(addEntry.error)}</Alert>}
      </Stack>
    </form>
  );
}

function CloseForm({ inv }: { inv: Investigation }) {
  const { t } = useTranslation();
  const problem = useProblem();
  const { close } = useInvestigationMutations(inv.id);
  const [conclusion, setConclusion] = useState('');
  const [closedOn, setClosedOn] = useState(inv.entries.length ? inv.entries[inv.entries.length - 1].occurredOn : inv.openedOn);
  return (
    <form onSubmit={(e) => { e.preventDefault(); close.mutate({ conclusion, closedOn, version: inv.version }); }}>
      <Stack gap="sm" maw={640}>
        <Textarea label={t('absence.investigation.closeConclusion')} required autosize minRows={2} maxLength={4000}
          value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} data-testid="close-conclusion" />
        <DateInput label={t('absence.investigation.closedOn')} required value={closedOn} onChange={setClosedOn} />
        <Button type="submit" color="gray" w="fit-content" loading={close.isPending} disabled={!conclusion.trim()} data-testid="close-submit">
          {t('absence.investigation.closeSubmit')}</Button>
        {close.error && <Alert color="red" role="alert">{problem(close.error)}</Alert>}
      </Stack>
    </form>
  );
}

/** One investigation: the facts, the entries in order, a form for a new entry; the principal closes it. */
export function InvestigationPage() {
  const { t } = useTranslation();
  const { investigationId = '' } = useParams();
  const query = useInvestigation(investigationId);
  const inv = query.data;
  const name = inv ? `${inv.givenName} ${inv.familyName}` : '';
  useDocumentTitle(inv ? t('absence.investigation.heading', { name }) : t('absence.investigation.title'));
  if (query.error && isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('absence.investigation.title')} testId="investigation-no-access" />;
  if (!inv) return query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="lg" py="md" data-testid="investigation-page">
      <div>
        <Title order={1}>{t('absence.investigation.heading', { name })}</Title>
        <Group gap="md">
          <AppLink to="/franvaro/utredningar">{t('absence.investigation.back')}</AppLink>
          <AppLink to={pupilAbsencePath(inv.pupilId)} testId="investigation-absence-link">{t('absence.investigation.absence')}</AppLink>
        </Group>
      </div>
      <Section title={t('absence.investigation.facts')}>
        <FactTable label={t('absence.investigation.facts')} testId="investigation-facts" facts={[
          [t('absence.investigation.pupil'), name],
          [t('absence.investigation.className'), inv.className ?? ''],
          [t('absence.investigation.status'), <Badge key="s" color={inv.status === 'open' ? 'blue' : 'gray'} variant="light">{t(`absence.investigations.statuses.${inv.status}`)}</Badge>],
          [t('absence.investigation.openedOn'), inv.openedOn],
          [t('absence.investigation.openedBy'), inv.openedBy],
          [t('absence.investigation.reason'), inv.reason],
          ...(inv.status === 'open'
            ? [[t('absence.investigation.nextFollowUp'), inv.nextFollowUp ?? '–'] as [string, string]]
            : [[t('absence.investigation.closedOn'), inv.closedOn ?? ''], [t('absence.investigation.conclusion'), inv.conclusion ?? '']] as [string, string][]),
        ]} />
      </Section>
      <Section title={t('absence.investigation.entries')} testId="investigation-entries">
        <DataTable label={t('absence.investigation.entries')} testId="investigation-entries-table" empty={t('absence.investigation.noEntries')}
          columns={[t('absence.investigation.date'), t('absence.investigation.kind'), t('absence.investigation.text'), t('absence.investigation.followUpOn'), t('absence.investigation.author')]}
          rows={inv.entries.map((e) => ({ key: e.id, cells: [e.occurredOn, t(`absence.investigation.kinds.${e.kind}`),
            <Text key="x" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.text}</Text>, e.followUpOn ?? '', e.author] }))} />
      </Section>
      {inv.status === 'open' && <Section title={t('absence.investigation.add')}><AddEntryForm inv={inv} /></Section>}
      {inv.status === 'open' && inv.mayManage && <Section title={t('absence.investigation.close')}><CloseForm inv={inv} /></Section>}
    </Stack>
  );
}
