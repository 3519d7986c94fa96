import { useRef, useState } from 'react';
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { ContactForm } from './ContactForm';
import type { Contact } from './types';
import { CONTACT_KEY, useContact, useSaveContact } from './useContact';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed' } | { kind: 'invalid' } | { kind: 'conflict'; current: Contact };

function ConflictAlert({ current, onRetry, onUseCurrent }: { current: Contact; onRetry: () => void; onUseCurrent: () => void }) {
  const { t } = useTranslation();
  const show = (v: string | null) => v || t('contact.empty');
  return (
    <Alert color="orange" title={t('contact.conflictTitle')} role="alert" data-testid="contact-conflict">
      <Stack gap="xs">
        <Text size="sm">{t('contact.conflictBody')}</Text>
        <List size="sm">
          <List.Item>{`${t('contact.personal')}: ${show(current.personal.email)}, ${show(current.personal.phone)}`}</List.Item>
          {current.work && (
            <List.Item>{`${t('contact.work')}: ${show(current.work.email)}, ${show(current.work.phone)}`}</List.Item>
          )}
        </List>
        <Group gap="sm">
          <Button size="xs" onClick={onRetry}>
            {t('contact.retry')}
          </Button>
          <Button size="xs" variant="outline" onClick={onUseCurrent}>
            {t('contact.useCurrent')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** "Mina kontaktuppgifter": the signed-in person edits their own contact details. */
export function ContactPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('contact.title'));
  const qc = useQueryClient();
  const contact = useContact();
  const save = useSaveContact();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [formKey, setFormKey] = useState(0);
  const lastAttempt = useRef<Contact | null>(null);

  const submit = (body: Contact) => {
    lastAttempt.current = body;
    setStatus({ kind: 'idle' });
    save.mutate(body, {
      onSuccess: () => setStatus({ kind: 'saved' }),
      onError: (e) => {
        const current = isApiError(e, 409) ? (e.body?.current as Contact | undefined) : undefined;
        if (current) setStatus({ kind: 'conflict', current });
        else setStatus({ kind: isApiError(e, 400) ? 'invalid' : 'failed' });
      },
    });
  };

  const data = contact.data;
  const version = status.kind === 'conflict' ? status.current.version : (data?.version ?? 0);

  return (
    <Stack gap="lg" py="md">
      <div>
        <Title order={1}>{t('contact.title')}</Title>
        <Text c="dimmed">{t('contact.intro')}</Text>
      </div>
      <div aria-live="polite">
        {status.kind === 'saved' && (
          <Alert color="green" data-testid="contact-saved">
            {t('contact.saved')}
          </Alert>
        )}
        {(status.kind === 'failed' || status.kind === 'invalid') && (
          <Alert color="red" role="alert" data-testid="contact-failed">
            {t(status.kind === 'failed' ? 'contact.failed' : 'contact.invalid')}
          </Alert>
        )}
      </div>
      {status.kind === 'conflict' && (
        <ConflictAlert
          current={status.current}
          onRetry={() => lastAttempt.current && submit({ ...lastAttempt.current, version: status.current.version })}
          onUseCurrent={() => {
            qc.setQueryData(CONTACT_KEY, status.current);
            setFormKey((k) => k + 1);
            setStatus({ kind: 'idle' });
          }}
        />
      )}
      {data ? (
        <ContactForm key={formKey} initial={data} version={version} saving={save.isPending} onSave={submit}
          onAttempt={() => status.kind !== 'conflict' && setStatus({ kind: 'idle' })} />
      ) : contact.isPending ? (
        <LoadingState />
      ) : (
        <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
      )}
    </Stack>
  );
}
