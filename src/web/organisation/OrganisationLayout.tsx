import type { ReactNode } from 'react';
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { mainNavClasses } from '../grading/overview/GradingNav';
import { useCurrentSession } from '../session/useSession';
import { organisationPaths } from './types';
import { useOrganisation } from './useOrganisation';

const PAGES = [
  { to: organisationPaths.units, key: 'units', testId: 'org-nav-units' },
  { to: organisationPaths.calendar, key: 'calendar', testId: 'org-nav-calendar' },
  { to: organisationPaths.settings, key: 'settings', testId: 'org-nav-settings' },
] as const;

/**
 * The frame of the organisation pages: heading, links between them and, for a unit's administrator, the
 * note that organiser-level things are shown read-only. `children` gets whether the caller may change them.
 */
export function OrganisationLayout({ page, testId, children }: {
  page: (typeof PAGES)[number]['key'];
  testId: string;
  children: (organiserAdministrator: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const title = t(`organisation.sections.${page}.title`);
  useDocumentTitle(title);
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const organisation = useOrganisation();
  if (!allowed) return <NotFoundOrNoAccessState title={title} testId={`${testId}-no-access`} />;
  return (
    <Stack gap="lg" py="md" data-testid={testId}>
      <div>
        <Text size="sm" c="dimmed">{t('organisation.title')}</Text>
        <Title order={1}>{title}</Title>
      </div>
      <nav aria-label={t('organisation.navLabel')}>
        <Group component="ul" gap="xs" className={mainNavClasses.navList}>
          {PAGES.map((p) => (
            <li key={p.key}>
              <NavLink to={p.to} end className={mainNavClasses.navLink} data-testid={p.testId}>
                {t(`organisation.sections.${p.key}.title`)}
              </NavLink>
            </li>
          ))}
        </Group>
      </nav>
      {organisation.data ? (
        <>
          {!organisation.data.organiserAdministrator && page !== 'units' && (
            <Alert color="larka" variant="light" data-testid="org-read-only">{t('organisation.readOnly')}</Alert>
          )}
          {children(organisation.data.organiserAdministrator)}
        </>
      ) : (
        <LoadingState />
      )}
    </Stack>
  );
}
