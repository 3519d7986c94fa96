import type { ReactNode } from 'react';
import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Module } from '../../domain/register/organiser-settings';
import { useDocumentTitle } from '../app/useDocumentTitle';
import type { SessionBody } from '../session/types';
import { useOrganiser } from '../session/useOrganiser';
import { useCurrentSession } from '../session/useSession';

/** Whether the organiser has the module switched on (the session says which are). */
export const isModuleOn = (session: Pick<SessionBody, 'modules'>, module: Module): boolean => (session.modules ?? []).includes(module);

function ModuleOff({ module }: { module: Module }) {
  const { t } = useTranslation();
  useDocumentTitle(t('organisation.moduleOff.title'));
  const contact = useOrganiser().data?.contact;
  const name = t(`organisation.settings.moduleNames.${module}`).toLocaleLowerCase('sv');
  return (
    <Stack gap="md" py="lg" data-testid="module-off">
      <Title order={1}>{t('organisation.moduleOff.title')}</Title>
      <Alert color="larka" variant="light">
        {contact ? t('organisation.moduleOff.body', { module: name, contact }) : t('organisation.moduleOff.bodyNoContact', { module: name })}
      </Alert>
    </Stack>
  );
}

/** A page of a module: the page itself when the module is switched on, else a note that it is switched off. */
export function RequireModule({ module, children }: { module: Module; children: ReactNode }) {
  const session = useCurrentSession();
  return isModuleOn(session, module) ? children : <ModuleOff module={module} />;
}
