import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isMonthDay, MODULES, type Module } from '../../domain/register/organiser-settings';
import type { MonthDayRange, Organisation, SettingsInput } from './types';

/** Modules in the UI today; the others can be switched already and show when they arrive. */
const BUILT: readonly Module[] = ['grading'];
type Kind = 'HT' | 'VT';
const KINDS: readonly Kind[] = ['HT', 'VT'];
type PeriodValues = Record<Kind, MonthDayRange>;

const periodError = (p: MonthDayRange): string | null => {
  if (!p.from && !p.to) return null;
  if (!p.from || !p.to) return 'organisation.settings.bothOrNone';
  return isMonthDay(p.from) && isMonthDay(p.to) ? null : 'organisation.settings.invalidMonthDay';
};

/** Modules, the contact on the login page and default grading periods: one form, saved together (version-checked). */
export function SettingsForm({ organisation, editable, saving, onSave }: {
  organisation: Organisation;
  editable: boolean;
  saving: boolean;
  /** Called with valid settings (the page saves them: this form starts again from what applies afterwards). */
  onSave: (settings: SettingsInput | null) => void;
}) {
  const { t } = useTranslation();
  const s = organisation.settings;
  const [modules, setModules] = useState<string[]>(s.modules);
  const [contact, setContact] = useState(organisation.contact ?? '');
  const [periods, setPeriods] = useState<PeriodValues>({
    HT: s.defaultGradingPeriods.HT ?? { from: '', to: '' }, VT: s.defaultGradingPeriods.VT ?? { from: '', to: '' },
  });
  const [checked, setChecked] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    onSave(null);
    if (KINDS.some((k) => periodError(periods[k]))) return;
    const body = {
      modules: MODULES.filter((m) => modules.includes(m)), contact: contact.trim() || null, version: s.version,
      defaultGradingPeriods: { HT: periods.HT.from ? periods.HT : null, VT: periods.VT.from ? periods.VT : null },
    };
    onSave(body);
  };
  const setPeriod = (k: Kind, side: 'from' | 'to', value: string) => setPeriods({ ...periods, [k]: { ...periods[k], [side]: value.trim() } });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('organisation.sections.settings.title')} data-testid="settings-form">
      <Stack gap="lg">
        <Stack gap="xs" component="section" aria-labelledby="settings-modules">
          <Title order={2} size="h3" id="settings-modules">{t('organisation.settings.modules')}</Title>
          <Text size="sm">{t('organisation.settings.modulesIntro')}</Text>
          <Checkbox.Group value={modules} onChange={setModules} aria-labelledby="settings-modules">
            <Stack gap="xs" mt="xs">
              {MODULES.map((m) => (
                <Checkbox key={m} value={m} disabled={!editable} data-testid={`module-${m}`}
                  label={BUILT.includes(m) ? t(`organisation.settings.moduleNames.${m}`) : `${t(`organisation.settings.moduleNames.${m}`)} (${t('organisation.settings.notYet')})`} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="settings-contact">
          <Title order={2} size="h3" id="settings-contact">{t('organisation.settings.contact')}</Title>
          <Text size="sm">{t('organisation.settings.contactIntro')}</Text>
          <Textarea label={t('organisation.settings.contactLabel')} placeholder={t('organisation.settings.contactPlaceholder')} value={contact}
            maxLength={500} autosize minRows={2} readOnly={!editable} onChange={(e) => setContact(e.currentTarget.value)} data-testid="settings-contact" />
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="settings-periods">
          <Title order={2} size="h3" id="settings-periods">{t('organisation.settings.periods')}</Title>
          <Text size="sm">{t('organisation.settings.periodsIntro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {KINDS.map((k) => {
              const err = checked ? periodError(periods[k]) : null;
              return (
                <Fieldset key={k} legend={t(`organisation.settings.periodFor.${k}`)}>
                  <SimpleGrid cols={2} spacing="sm">
                    {(['from', 'to'] as const).map((side) => (
                      <TextInput key={side} label={t(`organisation.calendar.${side}`)} placeholder={t('organisation.settings.monthDayPlaceholder')}
                        value={periods[k][side]} maxLength={5} inputMode="numeric" autoComplete="off" readOnly={!editable}
                        error={err && (side === 'to' || err !== 'organisation.settings.bothOrNone') ? t(err) : undefined}
                        onChange={(e) => setPeriod(k, side, e.currentTarget.value)} data-testid={`period-${k}-${side}`} />
                    ))}
                  </SimpleGrid>
                </Fieldset>
              );
            })}
          </SimpleGrid>
        </Stack>
        {editable && <Group><Button type="submit" loading={saving} data-testid="settings-save">{t('organisation.settings.saveSettings')}</Button></Group>}
      </Stack>
    </form>
  );
}
