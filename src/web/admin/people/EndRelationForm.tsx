import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Popover, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../../domain/common/dates';
import { useCurrentSession } from '../../session/useSession';
import { errorText } from './errors';
import { isIsoDate } from './types';
import { useEndRelation } from './usePeople';

/** "Avsluta": ends one relation with a last day (checked here and by the server); the relation stays on record. */
export function EndRelationForm({ personId, relationId, what, startDate }: { personId: string; relationId: string; what: string; startDate: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const end = useEndRelation(session.current, personId);
  const [opened, setOpened] = useState(false);
  const [day, setDay] = useState(swedishDate(new Date()));
  const [checked, setChecked] = useState(false);
  const local = !isIsoDate(day) ? t('people.invalidDate') : day < startDate ? t('people.errors.end_before_start') : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (local) return;
    end.mutate({ relationId, endDate: day }, { onSuccess: () => setOpened(false) });
  };
  const label = t('people.endLabel', { what });
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="xs" variant="outline" color="red.9" onClick={() => { setOpened((o) => !o); setChecked(false); end.reset(); }} aria-label={label}
          data-testid={`end-${relationId}`}>
          {t('people.end')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={onSubmit} noValidate aria-label={label}>
          <Stack gap="xs" w={260}>
            <TextInput label={t('people.endDate')} placeholder={t('people.datePlaceholder')} value={day} maxLength={10} data-testid="end-date"
              onChange={(e) => setDay(e.currentTarget.value.trim())} error={checked ? local : undefined} />
            {end.error && <Alert color="red" role="alert" data-testid="end-error">{errorText(t, end.error)}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" size="xs" color="red.9" loading={end.isPending} data-testid="end-submit">{t('people.endConfirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
