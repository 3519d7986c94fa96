import { useState } from 'react';
import { Alert, Button, Checkbox, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import type { AbsenceSettings } from './types';
import { useAbsenceSettings, useSaveAbsenceSettings } from './useAbsence';

type NumberKey = 'reportDaysAhead' | 'reportDaysBack' | 'thresholdPercent' | 'shortAbsenceCount';
const NUMBERS: [NumberKey, number, number][] = [['reportDaysAhead', 0, 365], ['reportDaysBack', 0, 31], ['thresholdPercent', 1, 100], ['shortAbsenceCount', 1, 100]];
const SWITCHES = ['pupilMayReport', 'sameDayNotice'] as const;

/** The unit's absence settings: the administrator edits (version-checked), the principal reads. */
export function AbsenceSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('absence.settings.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('absence.settings.view');
  const editable = session.allowedActions.includes('absence.settings.edit');
  const settings = useAbsenceSettings(session.current.unitId, allowed);
  const save = useSaveAbsenceSettings(session.current.unitId);
  const [draft, setDraft] = useState<AbsenceSettings | null>(null);
  const [saved, setSaved] = useState(false);
  if (!allowed) return <NotFoundOrNoAccessState title={t('absence.settings.title')} testId="absence-settings-no-access" />;
  if (!settings.data) return settings.isPending ? <LoadingState /> : <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const value = draft ?? settings.data;
  const change = (patch: Partial<AbsenceSettings>) => { setDraft({ ...value, ...patch }); setSaved(false); };
  const stale = isApiError(save.error, 409);
  return (
    <Stack gap="md" py="md" maw={640} data-testid="absence-settings-page">
      <div>
        <Title order={1}>{t('absence.settings.title')}</Title>
        <Text c="dimmed">{t('absence.settings.intro', { unit: session.current.unitName ?? '' })}</Text>
        {settings.data.version === 0 && <Text size="sm">{t('absence.settings.defaults')}</Text>}
        {!editable && <Text size="sm">{t('absence.settings.readOnly')}</Text>}
      </div>
      <form onSubmit={(e) => {
        e.preventDefault();
        save.mutate(value, {
          onSuccess: () => { setDraft(null); setSaved(true); },
          onError: (err) => { if (isApiError(err, 409)) { setDraft(null); void settings.refetch(); } },
        });
      }}>
        <Stack gap="sm">
          {NUMBERS.map(([key, min, max]) => (
            <NumberInput key={key} label={t(`absence.settings.${key}`)} min={min} max={max} allowDecimal={false} clampBehavior="strict" w={320}
              value={value[key]} disabled={!editable} data-testid={`absence-setting-${key}`}
              onChange={(v) => change({ [key]: typeof v === 'number' ? v : min } as Partial<AbsenceSettings>)} />
          ))}
          {SWITCHES.map((key) => (
            <Checkbox key={key} label={t(`absence.settings.${key}`)} checked={value[key]} disabled={!editable}
              onChange={(e) => change({ [key]: e.currentTarget.checked } as Partial<AbsenceSettings>)} />
          ))}
          {editable && <Button type="submit" loading={save.isPending} disabled={!draft} w="fit-content" data-testid="absence-settings-save">{t('absence.settings.save')}</Button>}
          {saved && <Alert color="green" role="status">{t('absence.settings.saved')}</Alert>}
          {stale && <Alert color="orange" role="alert">{t('absence.settings.stale')}</Alert>}
          {save.error && !stale && <Alert color="red" role="alert">{t('app.unexpectedError')}</Alert>}
        </Stack>
      </form>
    </Stack>
  );
}
