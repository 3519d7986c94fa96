import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/AppLink';
import { personPath, type FirstRelationKind } from './types';

/** A civic number already in the register: a link to the person when they are in this unit's register,
 *  otherwise only that they exist; either way an offer to give the existing person this relation here. */
export function DuplicateNotice({ existing, relation, onAttach, attaching = false }: {
  existing: { id: string; inUnit: boolean }; relation?: FirstRelationKind; onAttach?: () => void; attaching?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('people.duplicate')} data-testid="duplicate-notice">
      <Stack gap="xs" align="flex-start">
        {existing.inUnit ? (
          <AppLink to={personPath(existing.id)} testId="duplicate-link">{t('people.duplicateOpenExisting')}</AppLink>
        ) : (
          <Text size="sm">{t('people.duplicateElsewhere')}</Text>
        )}
        {onAttach && relation && (
          <Button size="xs" variant="outline" onClick={onAttach} loading={attaching} data-testid="duplicate-attach">{t(`people.attach.${relation}`)}</Button>
        )}
      </Stack>
    </Alert>
  );
}
