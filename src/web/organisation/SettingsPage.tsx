import { useState } from 'react';
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OrganisationLayout } from './OrganisationLayout';
import { SettingsForm } from './SettingsForm';
import { SubjectsTable } from './SubjectsTable';
import { isApiError } from '../app/api';
import type { SettingsInput } from './types';
import { useOrganisation, useSaveSettings } from './useOrganisation';

function Settings({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const save = useSaveSettings();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  if (!organisation.data) return null;
  const onSave = (settings: SettingsInput | null) => {
    setNotice(null);
    if (!settings) return;
    save.mutate(settings, {
      onSuccess: () => setNotice({ ok: true, text: t('organisation.saved') }),
      onError: (err) => {
        if (isApiError(err, 409)) void organisation.refetch();
        setNotice({ ok: false, text: t(isApiError(err, 409) ? 'organisation.stale' : 'organisation.failed') });
      },
    });
  };
  return (
    <>
      <Text>{t('organisation.settings.intro')}</Text>
      <div aria-live="polite">
        {notice && <Alert color={notice.ok ? 'green' : 'red'} role={notice.ok ? undefined : 'alert'} data-testid="settings-notice">{notice.text}</Alert>}
      </div>
      {/* keyed by version: after a save, or someone else's, the form starts again from what applies */}
      <SettingsForm key={organisation.data.settings.version ?? 'none'} organisation={organisation.data} editable={editable}
        saving={save.isPending} onSave={onSave} />
      <SubjectsTable editable={editable} />
    </>
  );
}

/** "Huvudmannens inställningar": changed by the organiser-level administrator, shown read-only to a unit's administrator. */
export function SettingsPage() {
  return <OrganisationLayout page="settings" testId="org-settings-page">{(organiserAdministrator) => <Settings editable={organiserAdministrator} />}</OrganisationLayout>;
}
