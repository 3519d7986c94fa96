import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import { useCurrentSession } from '../../session/useSession';
import { GROUP_REPORTS_PATH } from './types';
import { useGroupReports } from './useGroupAdmin';

/** On the administrator's start page: how many teachers' group reports wait, linking to the to-do list. */
export function OpenReportsNotice() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const open = useGroupReports(session.current, 'open', allowed);
  const count = open.data?.length ?? 0;
  if (!allowed || count === 0) return null;
  return (
    <Alert color="orange" variant="light" data-testid="open-group-reports">
      <AppLink to={GROUP_REPORTS_PATH} testId="open-group-reports-link">{t('groupAdmin.reports.todo', { count })}</AppLink>
    </Alert>
  );
}
