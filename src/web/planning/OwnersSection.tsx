import { useState } from 'react';
import { Alert, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../app/DataTable';
import { useCurrentSession } from '../session/useSession';
import { usePlanningProblem } from './problem';
import type { Planning } from './types';
import { usePlanningMutations, usePlanningOptions } from './usePlanning';

/** The owners; an owner adds a co-owner among the unit's teachers or removes one (never the last). */
export function OwnersSection({ planning }: { planning: Planning }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const problem = usePlanningProblem();
  const options = usePlanningOptions(session.current.unitId, planning.mayEdit);
  const { addOwner, removeOwner } = usePlanningMutations(planning.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const owners = new Set(planning.owners.map((o) => o.id));
  const candidates = (options.data?.teachers ?? []).filter((tc) => !owners.has(tc.id)).map((tc) => ({ value: tc.id, label: tc.name }));
  const error = addOwner.error ?? removeOwner.error;
  return (
    <Section title={t('planning.owners.title')} testId="planning-owners">
      <List size="sm" spacing={4}>
        {planning.owners.map((o) => (
          <List.Item key={o.id}>
            <Group gap="xs">
              <Text size="sm">{o.name}</Text>
              {planning.mayEdit && planning.owners.length > 1 && (
                <Button size="compact-xs" variant="subtle" color="red" aria-label={t('planning.owners.remove', { name: o.name })}
                  onClick={() => removeOwner.mutate(o.id)}>{t('planning.owners.remove', { name: '' }).trim()}</Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {planning.mayEdit && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">{t('planning.owners.hint')}</Text>
          <Group align="flex-end">
            <Select label={t('planning.owners.choose')} w={260} searchable value={chosen} onChange={setChosen} data={candidates} data-testid="owner-choose" />
            <Button variant="default" disabled={!chosen} loading={addOwner.isPending} data-testid="owner-add"
              onClick={() => chosen && addOwner.mutate(chosen, { onSuccess: () => setChosen(null) })}>{t('planning.owners.add')}</Button>
          </Group>
        </Stack>
      )}
      {error && <Alert color="red" role="alert">{problem(error)}</Alert>}
    </Section>
  );
}
