import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { DateInput, isIsoDate } from './DateInput';
import { useInvestigationMutations } from './useAbsence';

/** The principal opens an investigation for a highlighted pupil: the reason and the day (today by default). */
export function OpenInvestigationModal({ pupil, today, onClose }: { pupil: { id: string; name: string } | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { open } = useInvestigationMutations(null);
  const [reason, setReason] = useState('');
  const [openedOn, setOpenedOn] = useState(today);
  const error = open.error;
  return (
    <Modal opened={pupil !== null} onClose={onClose} title={t('absence.open.title')} centered closeButtonProps={{ 'aria-label': t('absence.open.cancel') }}>
      {pupil && (
        <form onSubmit={(e) => {
          e.preventDefault();
          open.mutate({ pupilId: pupil.id, reason, openedOn }, { onSuccess: (inv) => navigate(`/franvaro/utredningar/${inv.id}`) });
        }}>
          <Stack gap="sm">
            <Text><strong>{t('absence.open.pupil')}:</strong> {pupil.name}</Text>
            <Textarea label={t('absence.open.reason')} description={t('absence.open.reasonHint')} required autosize minRows={3} maxLength={2000}
              value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="open-investigation-reason" />
            <DateInput label={t('absence.open.openedOn')} required value={openedOn} onChange={setOpenedOn} />
            {error && <Alert color="red" role="alert">{isApiError(error, 409) ? t('absence.open.alreadyOpen') : t('app.unexpectedError')}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('absence.open.cancel')}</Button>
              <Button type="submit" loading={open.isPending} disabled={!reason.trim() || !isIsoDate(openedOn)} data-testid="open-investigation-submit">{t('absence.open.submit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
