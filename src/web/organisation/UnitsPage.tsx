import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { useCurrentSession } from '../session/useSession';
import { OrganisationLayout } from './OrganisationLayout';
import type { Unit } from './types';
import { UnitForm } from './UnitForm';
import { useUnits } from './useOrganisation';

const line = (...parts: (string | null)[]) => parts.filter(Boolean).join(', ');

function Units({ organiserAdministrator }: { organiserAdministrator: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const units = useUnits(session.current.unitId);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!units.data) return units.isPending ? <LoadingState /> : <ErrorState onRetry={() => void units.refetch()} />;

  const open = (u: Unit | 'new') => { setNotice(null); setEditing(u); };
  return (
    <>
      <Text>{t(organiserAdministrator ? 'organisation.units.intro' : 'organisation.units.introUnit')}</Text>
      <div aria-live="polite">{notice && <Alert color="green" data-testid="unit-notice">{notice}</Alert>}</div>
      {editing ? (
        <UnitForm unit={editing === 'new' ? null : editing} contactOnly={!organiserAdministrator}
          onDone={(message) => { setEditing(null); setNotice(message); }} />
      ) : (
        organiserAdministrator && (
          <Group><Button onClick={() => open('new')} data-testid="unit-add">{t('organisation.units.add')}</Button></Group>
        )
      )}
      <DataTable
        label={t('organisation.units.label')}
        testId="units-table"
        empty={t('organisation.units.empty')}
        columns={['name', 'code', 'forms', 'address', 'contact', 'action'].map((c) => t(`organisation.units.col.${c}`))}
        rows={units.data.map((u) => ({
          key: u.id,
          cells: [
            u.name,
            u.schoolUnitCode,
            u.schoolForms.map((f) => t(`organisation.schoolForms.${f}`, { defaultValue: f })).join(', '),
            line(u.streetAddress, [u.postalCode, u.city].filter(Boolean).join(' ')) || '–',
            u.email || u.phone ? (
              <span key="c">{u.email}{u.email && u.phone && <br />}{u.phone && <span style={{ whiteSpace: 'nowrap' }}>{u.phone}</span>}</span>
            ) : '–',
            <Button key="e" size="xs" variant="outline" onClick={() => open(u)} aria-label={t('organisation.units.editLabel', { name: u.name })}>
              {t(organiserAdministrator ? 'organisation.units.edit' : 'organisation.units.editContact')}
            </Button>,
          ],
        }))}
      />
    </>
  );
}

/** "Skolenheter": every unit for the organiser-level administrator; their own unit's address and contact for a unit's administrator. */
export function UnitsPage() {
  return <OrganisationLayout page="units" testId="org-units-page">{(organiserAdministrator) => <Units organiserAdministrator={organiserAdministrator} />}</OrganisationLayout>;
}
