import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Underlag" beside a pupil on the grade register: opens the pupil's knowledge matrix in a drawer. */
export function BasisButton<P extends { givenName: string; familyName: string }>({ pupil, onOpen }: { pupil: P; onOpen: (p: P) => void }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-xs" variant="subtle" onClick={() => onOpen(pupil)} data-testid="basis-button"
      aria-label={t('assessment.knowledge.basisLabel', { name: `${pupil.givenName} ${pupil.familyName}` })}>
      {t('assessment.knowledge.basis')}
    </Button>
  );
}
