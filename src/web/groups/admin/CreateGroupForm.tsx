import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../../domain/common/dates';
import type { SessionBody } from '../../session/types';
import { DateField, dateOk, Notice, useErrorText } from './parts';
import type { AdminGroup, GroupType } from './types';
import { groupCalls, useGroupMutation, useGroupOptions } from './useGroupAdmin';

const YEARS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** "Ny grupp": name, type, subject (teaching groups) or school year (classes), dates. */
export function CreateGroupForm({ current, onCreated, onCancel }: { current: SessionBody['current']; onCreated: (g: AdminGroup) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const options = useGroupOptions(current);
  const create = useGroupMutation(current, groupCalls.create);
  const [name, setName] = useState('');
  const [groupType, setType] = useState<GroupType>('teaching');
  const [subjectCode, setSubject] = useState('');
  const [schoolYear, setYear] = useState('7');
  const [startDate, setStart] = useState(swedishDate(new Date()));
  const [endDate, setEnd] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setError(null);
    if (name.trim() === '' || (groupType === 'teaching' && !subjectCode) || !dateOk(startDate) || !dateOk(endDate, true)) return;
    create.mutate({
      name: name.trim(), groupType, subjectCode: groupType === 'teaching' ? subjectCode : null,
      schoolYear: groupType === 'mentor' ? null : Number(schoolYear), startDate, endDate: endDate || null,
    }, { onSuccess: onCreated, onError: (err) => setError(errorText(err)) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-group-title">
      <form onSubmit={onSubmit} noValidate data-testid="create-group-form">
        <Stack>
          <Title order={2} size="h3" id="new-group-title">{t('groupAdmin.create.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('groupAdmin.create.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80}
              error={checked && name.trim() === '' ? t('groupAdmin.errors.name_required') : undefined} data-testid="group-name-input" />
            <NativeSelect label={t('groupAdmin.create.type')} value={groupType} onChange={(e) => setType(e.currentTarget.value as GroupType)} data-testid="group-type-input"
              data={(['teaching', 'class', 'mentor'] as const).map((v) => ({ value: v, label: t(`groupAdmin.types.${v}`) }))} />
            {groupType === 'teaching' && (
              <NativeSelect label={t('groupAdmin.create.subject')} value={subjectCode} onChange={(e) => setSubject(e.currentTarget.value)} required data-testid="group-subject-input"
                error={checked && !subjectCode ? t('groupAdmin.errors.subject_required') : undefined}
                data={[{ value: '', label: t('groupAdmin.create.subjectPick') }, ...(options.data?.subjects ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))]} />
            )}
            {groupType !== 'mentor' && (
              <NativeSelect label={t('groupAdmin.create.schoolYear')} value={schoolYear} onChange={(e) => setYear(e.currentTarget.value)}
                data={YEARS.map((y) => ({ value: y, label: y === '0' ? 'F' : y }))} data-testid="group-year-input" />
            )}
            <DateField label={t('groupAdmin.from')} value={startDate} onChange={setStart} checked={checked} />
            <DateField label={t('groupAdmin.to')} value={endDate} onChange={setEnd} checked={checked} optional />
          </SimpleGrid>
          {error && <Notice kind="error" testId="create-group-error">{error}</Notice>}
          <Group>
            <Button type="submit" loading={create.isPending}>{t('groupAdmin.create.submit')}</Button>
            <Button variant="default" onClick={onCancel}>{t('groupAdmin.create.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
