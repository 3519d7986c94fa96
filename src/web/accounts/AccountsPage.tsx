import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { ClassAccounts } from './ClassAccounts';
import { StaffAccounts } from './StaffAccounts';

/** "Konton" (administrator): pupils' accounts per class with credential letters, and staff accounts. */
export function AccountsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.title'));
  const session = useCurrentSession();
  if (!session.allowedActions.includes('register.administer')) {
    return <NotFoundOrNoAccessState title={t('accounts.title')} testId="accounts-no-access" />;
  }
  return (
    <Stack gap="lg" py="md" data-testid="accounts-page">
      <div>
        <Title order={1}>{t('accounts.title')}</Title>
        <Text>{t('accounts.intro')}</Text>
      </div>
      <Tabs defaultValue="pupils" keepMounted={false}>
        <Tabs.List aria-label={t('accounts.tabs.label')}>
          <Tabs.Tab value="pupils" data-testid="tab-pupils">{t('accounts.tabs.pupils')}</Tabs.Tab>
          <Tabs.Tab value="staff" data-testid="tab-staff">{t('accounts.tabs.staff')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pupils" pt="md"><ClassAccounts /></Tabs.Panel>
        <Tabs.Panel value="staff" pt="md"><StaffAccounts /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
