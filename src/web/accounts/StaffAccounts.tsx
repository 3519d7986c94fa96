import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { useCurrentSession } from '../session/useSession';
import { PersonActions } from './PersonActions';
import { StateBadge } from './StateBadge';
import { useStaffAccounts } from './useAccounts';

/** Staff of the unit and their accounts. */
export function StaffAccounts() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const staff = useStaffAccounts(session.current);
  if (staff.isPending) return <LoadingState />;
  if (staff.isError) return <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />;
  return (
    <DataTable
      label={t('accounts.tabs.staff')}
      testId="staff-accounts"
      empty={t('accounts.classes.empty')}
      columns={[t('accounts.columns.name'), t('accounts.columns.roles'), t('accounts.columns.username'), t('accounts.columns.state'), t('accounts.columns.actions')]}
      rows={staff.data.map((s) => ({
        key: s.personId,
        cells: [
          `${s.familyName}, ${s.givenName}`,
          s.roles.map((r) => t(`accounts.roles.${r}`, { defaultValue: r })).join(', '),
          s.account.username ?? '–',
          <StateBadge key="state" state={s.account.state} />,
          <PersonActions key="actions" person={s} manageable={s.manageable} />,
        ],
      }))}
    />
  );
}
