import { useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../session/useSession';
import { usePlanningProblem } from './problem';
import { editPlanningPath, type Planning } from './types';
import { usePlanningMutations, usePlanningOptions } from './usePlanning';

/** "Kopiera": to the teacher's own groups (of the subject, or classes), this year or a year or two later. */
export function CopyPlanningModal({ planning, opened, onClose }: { planning: Planning; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const problem = usePlanningProblem();
  const options = usePlanningOptions(session.current.unitId, opened);
  const { copy } = usePlanningMutations(planning.id);
  const [groupIds, setGroups] = useState<string[]>([]);
  const [years, setYears] = useState('1');
  const [title, setTitle] = useState('');
  const groups = (options.data?.groups ?? []).filter((g) => g.type === 'class' || g.subjectCode === planning.subject.code);
  return (
    <Modal opened={opened} onClose={onClose} title={t('planning.copyDialog.title')} centered closeButtonProps={{ 'aria-label': t('planning.cancel') }}>
      <form onSubmit={(e) => {
        e.preventDefault();
        copy.mutate({ groupIds, years: Number(years), title: title.trim() || null }, { onSuccess: (p) => navigate(editPlanningPath(p.id)) });
      }}>
        <Stack gap="md">
          <MultiSelect label={t('planning.copyDialog.groups')} required value={groupIds} onChange={setGroups} data-testid="copy-groups"
            data={groups.map((g) => ({ value: g.id, label: g.name }))} comboboxProps={{ withinPortal: false }} />
          <Select label={t('planning.copyDialog.years')} allowDeselect={false} value={years} onChange={(v) => setYears(v ?? '1')} comboboxProps={{ withinPortal: false }}
            data={[{ value: '0', label: t('planning.copyDialog.sameYear') }, { value: '1', label: t('planning.copyDialog.nextYear') }, { value: '2', label: t('planning.copyDialog.twoYears') }]} />
          <TextInput label={t('planning.copyDialog.newTitle')} maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} placeholder={planning.title} />
          <Group>
            <Button type="submit" disabled={groupIds.length === 0} loading={copy.isPending} data-testid="copy-submit">{t('planning.copyDialog.submit')}</Button>
            <Button variant="default" onClick={onClose}>{t('planning.cancel')}</Button>
          </Group>
          {copy.error && <Alert color="red" role="alert">{problem(copy.error)}</Alert>}
        </Stack>
      </form>
    </Modal>
  );
}
