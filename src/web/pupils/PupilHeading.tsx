import type { ReactNode } from 'react';
import { Alert, Badge, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SecurityMarking } from './types';

/** The pupil's name as the page heading, with the marker and notice of protected registration or a
 *  confidentiality marking; `actions` (e.g. "Skriv ut") beside the name. */
export function PupilHeading({ name, subtitle, isProtected, marking, actions }: {
  name: string; subtitle: string; isProtected: boolean; marking: SecurityMarking; actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <Group gap="sm" align="center" justify="space-between">
          <Group gap="sm" align="center">
            <Title order={1} data-testid="pupil-name">
              {name}
            </Title>
            {isProtected && (
              <Badge color="red.9" variant="filled" size="lg" data-testid="protected-marker">
                {t('pupils.protectedTitle')}
              </Badge>
            )}
          </Group>
          {actions}
        </Group>
        <Text c="dimmed">{subtitle}</Text>
      </div>
      {isProtected ? (
        <Alert color="red" title={t('pupils.protectedTitle')} data-testid="protected-alert">
          {t('pupils.protectedBody')}
        </Alert>
      ) : marking === 'confidential' ? (
        <Alert color="orange" title={t('pupils.confidentialTitle')} data-testid="confidential-alert">
          {t('pupils.confidentialBody')}
        </Alert>
      ) : null}
    </>
  );
}
