import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isValidClientId } from '../../domain/ss12000/client-id';
import { problemText } from './problem';
import { GRANTABLE, WRITABLE, type ApiClient, type Resource, type WithSecret } from './types';
import { useCreateApiClient, useUpdateApiClient } from './useApiClients';

interface Values { name: string; clientId: string; allUnits: boolean; unitIds: string[]; resources: Resource[]; writeAttendance: boolean }

const toValues = (c: ApiClient | null): Values => c
  ? { name: c.name, clientId: c.clientId, allUnits: c.units === null, unitIds: c.units?.map((u) => u.id) ?? [], resources: c.resources, writeAttendance: c.writeAttendance }
  : { name: '', clientId: '', allUnits: true, unitIds: [], resources: [], writeAttendance: false };

/** Checks in the browser what the server checks too; values are text keys. */
function problems(v: Values, creating: boolean): Partial<Record<keyof Values, string>> {
  const p: Partial<Record<keyof Values, string>> = {};
  if (!v.name.trim()) p.name = 'ss12000.form.required';
  if (creating && v.clientId.trim() && !isValidClientId(v.clientId.trim())) p.clientId = 'ss12000.form.invalidClientId';
  if (!v.allUnits && v.unitIds.length === 0) p.unitIds = 'ss12000.form.noUnits';
  if (v.resources.length === 0) p.resources = 'ss12000.form.noResources';
  if (v.writeAttendance && !v.resources.some((r) => WRITABLE.includes(r))) p.writeAttendance = 'ss12000.form.writeNeedsResource';
  return p;
}

/** "Ny SS 12000-klient" / "Ändra …": name, client id (new only), units, resources and write permission. */
export function ApiClientForm({ client, units, onCreated, onDone }: {
  client: ApiClient | null;
  units: { id: string; name: string }[];
  onCreated: (shown: WithSecret) => void;
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(() => toValues(client));
  const [checked, setChecked] = useState(false);
  const create = useCreateApiClient();
  const update = useUpdateApiClient();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const found = checked ? problems(v, !client) : {};
  const fieldError = (f: keyof Values) => (found[f] ? t(found[f]!) : undefined);
  const error = create.error ?? update.error;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(problems(v, !client)).length) return;
    const fields = { name: v.name.trim(), unitIds: v.allUnits ? null : v.unitIds, resources: v.resources, writeAttendance: v.writeAttendance };
    if (client) {
      update.mutate({ id: client.id, version: client.version, ...fields }, { onSuccess: (c) => onDone(t('ss12000.changed', { name: c.name })) });
    } else {
      create.mutate({ ...fields, clientId: v.clientId.trim() || null }, { onSuccess: onCreated });
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="ss12000-client-form">
        <Stack gap="md">
          <Title order={2} size="h3" id={titleId} ref={heading} tabIndex={-1}>
            {client ? t('ss12000.form.titleEdit', { name: client.name }) : t('ss12000.form.titleNew')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('ss12000.form.name')} description={t('ss12000.form.nameHint')} required value={v.name} autoComplete="off"
              onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={fieldError('name')} data-testid="ss12000-client-name" />
            {!client && (
              <TextInput label={t('ss12000.form.clientId')} description={t('ss12000.form.clientIdHint')} value={v.clientId} autoComplete="off" maxLength={64}
                onChange={(e) => setV({ ...v, clientId: e.currentTarget.value })} error={fieldError('clientId')} data-testid="ss12000-client-id" />
            )}
          </SimpleGrid>
          <Radio.Group label={t('ss12000.form.units')} value={v.allUnits ? 'all' : 'chosen'} onChange={(x) => setV({ ...v, allUnits: x === 'all' })}>
            <Group mt="xs">
              <Radio value="all" label={t('ss12000.form.allUnits')} data-testid="ss12000-units-all" />
              <Radio value="chosen" label={t('ss12000.form.chosenUnits')} data-testid="ss12000-units-chosen" />
            </Group>
          </Radio.Group>
          {!v.allUnits && (
            <Checkbox.Group label={t('ss12000.form.chosenUnits')} value={v.unitIds} onChange={(ids) => setV({ ...v, unitIds: ids })} error={fieldError('unitIds')}>
              <Group mt="xs">
                {units.map((u) => <Checkbox key={u.id} value={u.id} label={u.name} data-testid={`ss12000-unit-${u.name}`} />)}
              </Group>
            </Checkbox.Group>
          )}
          <Checkbox.Group label={t('ss12000.form.resources')} value={v.resources} error={fieldError('resources')}
            onChange={(r) => setV({ ...v, resources: GRANTABLE.filter((g) => r.includes(g)) })}>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} mt="xs">
              {GRANTABLE.map((r) => <Checkbox key={r} value={r} label={r} data-testid={`ss12000-resource-${r}`} />)}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox label={t('ss12000.form.write')} checked={v.writeAttendance} error={fieldError('writeAttendance')}
            onChange={(e) => setV({ ...v, writeAttendance: e.currentTarget.checked })} data-testid="ss12000-client-write" />
          {error && <Alert color="red" role="alert" data-testid="ss12000-client-error">{problemText(t, error)}</Alert>}
          <Group>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="ss12000-client-save">
              {t(client ? 'ss12000.form.save' : 'ss12000.form.create')}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>{t('ss12000.form.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
