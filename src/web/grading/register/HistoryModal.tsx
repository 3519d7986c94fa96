import { Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/states';
import { showStep } from './types';
import { useHistory } from './useRegister';

/** The full history of one grade: who did what, when, and why (for removed confirmations). */
export function HistoryModal({ gradeId, title, onClose }: { gradeId: string | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useHistory(gradeId);
  const change = (from: string | null, to: string | null) =>
    from === to ? showStep(to) : `${from === null ? '' : `${showStep(from)} → `}${to === null ? '–' : showStep(to)}`;
  return (
    <Modal closeButtonProps={{ 'aria-label': t('gradeRegister.close') }} opened={gradeId !== null} onClose={onClose} title={t('gradeRegister.history.title', { cell: title })} size="xl">
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Text c="dimmed">{t('gradeRegister.history.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('gradeRegister.history.at')}</Table.Th>
              <Table.Th scope="col">{t('gradeRegister.history.action')}</Table.Th>
              <Table.Th scope="col">{t('gradeRegister.history.change')}</Table.Th>
              <Table.Th scope="col">{t('gradeRegister.history.by')}</Table.Th>
              <Table.Th scope="col">{t('gradeRegister.history.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.at}</Table.Td>
                <Table.Td>{t(`gradeRegister.history.actions.${h.action}`, { defaultValue: h.action })}</Table.Td>
                <Table.Td>{change(h.fromValue, h.toValue)}</Table.Td>
                <Table.Td>{h.by}</Table.Td>
                <Table.Td>{h.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
