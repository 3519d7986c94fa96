import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, Section } from '../../app/DataTable';
import { ErrorState, LoadingState } from '../../app/states';
import { useCurrentSession } from '../../session/useSession';
import type { HistoryEntry } from './types';
import { usePersonHistory } from './usePeople';

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
/** The moment of a change in Swedish time, YYYY-MM-DD HH:MM. */
export const stockholmTime = (iso: string) => stockholm.format(new Date(iso));

function describe(t: TFunction, e: HistoryEntry): string {
  const facts: Record<string, unknown> = { ...e.facts, action: e.action };
  if (typeof e.facts.role === 'string') facts.role = t(`people.roles.${e.facts.role}`, { defaultValue: e.facts.role }).toLowerCase();
  if (typeof e.facts.schoolYear === 'number' && e.facts.schoolYear === 0) facts.schoolYear = 'F';
  const known = t(`people.actions.${e.action}`, { ...facts, defaultValue: '' });
  return known || t('people.actions.other', { action: e.action });
}

function changeText(t: TFunction, c: HistoryEntry['changes'][number]): string {
  const field = t(`people.fields.${c.field}`, { defaultValue: c.field });
  if (c.from === null && c.to === null) return t('people.changeHidden', { field });
  const shown = (v: unknown) => (c.field === 'securityMarking' && typeof v === 'string' ? t(`people.markings.${v}`) : v === null || v === '' ? '–' : String(v));
  return t('people.change', { field, from: shown(c.from), to: shown(c.to) });
}

/** Every change to the person and their relations, newest first, with who and when (Swedish time). */
export function HistorySection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const history = usePersonHistory(session.current, personId);
  return (
    <Section title={t('people.history')} testId="person-history">
      {history.data ? (
        <DataTable label={t('people.historyLabel')} testId="history-table" empty={t('people.noHistory')}
          columns={[t('people.when'), t('people.what'), t('people.who')]}
          rows={history.data.map((e) => ({ key: e.id, cells: [
            stockholmTime(e.at),
            <Stack key="w" gap={2}>
              <Text size="sm">{describe(t, e)}</Text>
              {e.changes.map((c) => <Text key={c.field} size="sm" c="dimmed">{changeText(t, c)}</Text>)}
            </Stack>,
            e.actor ? `${e.actor.name}${e.actor.role ? ` (${t(`app.roles.${e.actor.role}`, { defaultValue: e.actor.role })})` : ''}` : t('people.unknownActor'),
          ] }))} />
      ) : history.isPending ? <LoadingState /> : <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
    </Section>
  );
}
