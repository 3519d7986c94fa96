import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { byName } from '../app/format';
import type { Role, SessionBody } from './types';
import { useSwitchContext } from './useSession';

/** Unit switcher (when the current role has several units) and role switcher (several roles). */
export function ContextSwitcher({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const switchContext = useSwitchContext();
  const { current, roles } = session;
  const units = byName(roles.find((r) => r.role === current.role)?.units ?? []);

  const onUnit = (unitId: string | null) => {
    if (!unitId || unitId === current.unitId) return;
    switchContext.mutate({ role: current.role, unitId });
  };
  const onRole = (value: string | null) => {
    const target = roles.find((r) => r.role === value);
    if (!target || target.role === current.role) return;
    switchContext.mutate({ role: target.role, unitId: target.units[0]?.id ?? null });
  };

  return (
    <Group gap="sm" wrap="nowrap">
      {units.length > 1 ? (
        <Select
          aria-label={t('session.topbar.unit')}
          data-testid="unit-switcher"
          data={units.map((u) => ({ value: u.id, label: u.name }))}
          value={current.unitId}
          onChange={onUnit}
          allowDeselect={false}
          disabled={switchContext.isPending}
          w={{ base: 150, sm: 200 }}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        current.unitName && (
          <Text size="sm" fw={500} data-testid="current-unit">
            {current.unitName}
          </Text>
        )
      )}
      {roles.length > 1 && (
        <Select
          aria-label={t('session.topbar.role')}
          data-testid="role-switcher"
          data={roles.map((r) => ({ value: r.role, label: t(`app.roles.${r.role as Role}`) }))}
          value={current.role}
          onChange={onRole}
          allowDeselect={false}
          disabled={switchContext.isPending}
          w={{ base: 120, sm: 190 }}
        />
      )}
      {switchContext.isError && (
        <Text size="sm" c="red.9" role="alert">
          {t('session.topbar.switchFailed')}
        </Text>
      )}
    </Group>
  );
}
