import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import type { SessionBody } from '../../session/types';
import { isIsoDate, type StalePeriod, type TermPeriod } from './types';
import { useSetPeriod } from './usePeriods';

type Notice = { kind: 'saved' | 'stale' | 'endBeforeStart' | 'failed'; text: string };

/** From/to of one term's grading period, checked in the browser before it is sent; version-checked on the server. */
export function PeriodForm({ item, current }: { item: TermPeriod; current: SessionBody['current'] }) {
  const { t } = useTranslation();
  const save = useSetPeriod(current);
  const [from, setFrom] = useState(item.period?.from ?? item.suggested?.from ?? '');
  const [to, setTo] = useState(item.period?.to ?? item.suggested?.to ?? '');
  const [checked, setChecked] = useState(false);
  // after a 409 the version of the period as it is now, so that saving again overwrites it knowingly
  const [knownVersion, setKnownVersion] = useState<number | null | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  const formId = useId();
  const term = item.term.label;

  const dateError = (value: string) => {
    if (!checked) return undefined;
    if (value === '') return t('gradingOverview.periods.required');
    return isIsoDate(value) ? undefined : t('gradingOverview.periods.invalidDate');
  };
  const orderError = checked && isIsoDate(from) && isIsoDate(to) && to < from;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setNotice(null);
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) return;
    const version = knownVersion !== undefined ? knownVersion : (item.period?.version ?? null);
    save.mutate(
      { termId: item.term.id, from, to, version },
      {
        onSuccess: (saved) => {
          setKnownVersion(undefined);
          const p = saved?.period ?? { from, to };
          setNotice({ kind: 'saved', text: t('gradingOverview.periods.saved', { term, from: formatDate(p.from), to: formatDate(p.to) }) });
        },
        onError: (err) => {
          if (isApiError(err, 409) && err.code === 'stale_version') {
            const now = (err.body?.current ?? null) as StalePeriod | null;
            setKnownVersion(now ? now.version : null);
            const shown = now ? `${formatDate(now.from)} – ${formatDate(now.to)}` : t('gradingOverview.periods.staleNone');
            setNotice({ kind: 'stale', text: t('gradingOverview.periods.stale', { term, current: shown }) });
          } else if (isApiError(err, 400) && err.code === 'end_before_start') {
            setNotice({ kind: 'endBeforeStart', text: t('gradingOverview.periods.endBeforeStart') });
          } else {
            setNotice({ kind: 'failed', text: t('gradingOverview.periods.failed') });
          }
        },
      },
    );
  };

  const dateProps = {
    placeholder: t('gradingOverview.periods.datePlaceholder'),
    inputMode: 'numeric' as const,
    maxLength: 10,
    autoComplete: 'off',
    required: true,
  };
  const testId = `period-${item.term.label.replace(/\s+/g, '-')}`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('gradingOverview.periods.formLabel', { term })} id={formId} data-testid={testId}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          {...dateProps}
          label={t('gradingOverview.periods.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value.trim())}
          error={dateError(from)}
          data-testid={`${testId}-from`}
        />
        <TextInput
          {...dateProps}
          label={t('gradingOverview.periods.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value.trim())}
          error={dateError(to) ?? (orderError ? t('gradingOverview.periods.endBeforeStart') : undefined)}
          data-testid={`${testId}-to`}
        />
        <Group align="flex-start" pt={{ base: 0, sm: 25 }}>
          <Button type="submit" loading={save.isPending} aria-label={t('gradingOverview.periods.submitLabel', { term })}>
            {t('gradingOverview.periods.submit')}
          </Button>
        </Group>
      </SimpleGrid>
      {!item.period && item.suggested && (
        <Text size="sm" mt="xs" data-testid={`${testId}-suggested`}>
          {t('gradingOverview.periods.suggested')}
        </Text>
      )}
      <div aria-live="polite">
        {notice && (
          <Alert
            mt="sm"
            color={notice.kind === 'saved' ? 'green' : notice.kind === 'stale' ? 'orange' : 'red'}
            role={notice.kind === 'saved' ? undefined : 'alert'}
            data-testid={`${testId}-notice`}
            data-kind={notice.kind}
          >
            {notice.text}
          </Alert>
        )}
      </div>
    </form>
  );
}
