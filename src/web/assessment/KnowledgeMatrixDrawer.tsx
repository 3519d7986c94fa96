import { useEffect, useState } from 'react';
import { Anchor, Drawer, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { KnowledgeMatrixView } from './KnowledgeMatrixTable';
import { knowledgeMatrixPath } from './paths';

/** The pupil's knowledge matrix in a drawer beside the grade register (the basis for the grade). */
export function KnowledgeMatrixDrawer({ pupil, subject, onClose }: {
  pupil: { id: string; givenName: string; familyName: string } | null; subject: string | null; onClose: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(subject);
  useEffect(() => setChosen(subject), [subject, pupil?.id]);
  const name = pupil ? `${pupil.givenName} ${pupil.familyName}` : '';
  return (
    <Drawer opened={!!pupil} onClose={onClose} position="right" size="xl" title={t('assessment.knowledge.drawerTitle', { name })}
      closeButtonProps={{ 'aria-label': t('assessment.cell.close') }} data-testid="knowledge-matrix-drawer">
      {pupil && (
        <Stack gap="sm">
          <KnowledgeMatrixView pupilId={pupil.id} subject={chosen} onSubject={setChosen} />
          <Anchor component={Link} to={knowledgeMatrixPath(pupil.id, chosen)} size="sm">{t('assessment.knowledge.title')}</Anchor>
        </Stack>
      )}
    </Drawer>
  );
}
