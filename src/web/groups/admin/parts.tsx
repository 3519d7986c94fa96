// Small parts shared by the group pages: a date field, the Swedish message of an API refusal, a dialog
// that ends a relation with a date, and the dates of a relation as text.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { isIsoDate } from './types';

export function DateField({ label, value, onChange, checked, optional = false, testId }: {
  label: string; value: string; onChange: (v: string) => void; checked: boolean; optional?: boolean; testId?: string;
}) {
  const { t } = useTranslation();
  const error = !checked ? undefined : value === '' ? (optional ? undefined : t('groupAdmin.required')) : isIsoDate(value) ? undefined : t('groupAdmin.invalidDate');
  return (
    <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value.trim())} error={error} required={!optional}
      placeholder={t('groupAdmin.datePlaceholder')} inputMode="numeric" maxLength={10} autoComplete="off" data-testid={testId} />
  );
}

/** A valid date, or (for an optional field) empty. */
export const dateOk = (value: string, optional = false) => (optional && value === '') || isIsoDate(value);

/** The Swedish text for an API refusal: the error code's message, or a general one. */
export function useErrorText() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (!isApiError(err)) return t('groupAdmin.errors.failed');
    const current = (err.body?.current as { name?: string } | undefined)?.name ?? '';
    return t(`groupAdmin.errors.${err.code}`, { defaultValue: t('groupAdmin.errors.failed'), current });
  };
}

export function useDatesText() {
  const { t } = useTranslation();
  return (r: { startDate: string; endDate: string | null }) =>
    t('groupAdmin.dates', { from: formatDate(r.startDate), to: r.endDate ? formatDate(r.endDate) : t('groupAdmin.untilFurther') });
}

/** A dialog of the group pages, its close button named. */
export function GroupModal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('groupAdmin.close') }}>{children}</Modal>;
}

export function Notice({ kind, children, testId }: { kind: 'ok' | 'error' | 'warn'; children: ReactNode; testId?: string }) {
  return (
    <Alert color={kind === 'ok' ? 'green' : kind === 'warn' ? 'orange' : 'red'} role={kind === 'ok' ? 'status' : 'alert'} data-testid={testId} data-kind={kind}>
      {children}
    </Alert>
  );
}

/** "Avsluta …": the last day of a membership or assignment (today unless changed), never a deletion. */
export function EndDialog({ title, submit, today, onEnd, onClose }: {
  title: string; submit: string; today: string; onEnd: (endDate: string) => Promise<unknown>; onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [endDate, setEndDate] = useState(today);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!dateOk(endDate)) return;
    setBusy(true);
    try { await onEnd(endDate); onClose(); } catch (err) { setError(errorText(err)); } finally { setBusy(false); }
  };
  return (
    <GroupModal onClose={onClose} title={title}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <DateField label={t('groupAdmin.endDate')} value={endDate} onChange={setEndDate} checked={checked} testId="end-date" />
          {error && <Notice kind="error" testId="end-error">{error}</Notice>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('groupAdmin.create.cancel')}</Button>
            <Button type="submit" loading={busy}>{submit}</Button>
          </Group>
        </Stack>
      </form>
    </GroupModal>
  );
}
