import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../session/useSession';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useOrganisation } from '../organisation/useOrganisation';
import { adminSections } from './sections';

/** "Administration": the administrator's entry to each part of running the register. */
export function AdminPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  useDocumentTitle(t('admin.title'));
  const administrator = session.allowedActions.includes('register.administer');
  const organisation = useOrganisation(administrator);
  const organiserAdministrator = organisation.data?.organiserAdministrator === true;
  const sections = adminSections.filter((s) => session.allowedActions.includes(s.action) && (!s.organiserOnly || organiserAdministrator));
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      <Text>{t('admin.intro')}</Text>
      {sections.length === 0 ? (
        <Text>{t('admin.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="ul" aria-label={t('admin.sectionsLabel')} style={{ listStyle: 'none', padding: 0 }}>
          {sections.map((s) => (
            <li key={s.to}>
              <Card withBorder component={Link} to={s.to} data-testid={s.testId} h="100%">
                <Text fw={700} c="larka.8">{t(s.title)}</Text>
                <Text size="sm" mt={4}>{t(s.description)}</Text>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
