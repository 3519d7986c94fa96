import { useState } from 'react';
import { Alert, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { problemText } from './problem';
import { useSetFirstGradedYear, useSubjects } from './useOrganisation';

const YEARS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The first school year with term grades, per subject; each choice is saved at once. */
export function SubjectsTable({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const subjects = useSubjects();
  const save = useSetFirstGradedYear();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-subjects">
      <Title order={2} size="h3" id="settings-subjects">{t('organisation.settings.subjects')}</Title>
      <Text size="sm">{t('organisation.settings.subjectsIntro')}</Text>
      <div aria-live="polite">
        {notice && <Alert color={notice.ok ? 'green' : 'red'} role={notice.ok ? undefined : 'alert'} data-testid="subject-notice">{notice.text}</Alert>}
      </div>
      {subjects.data ? (
        <DataTable
          label={t('organisation.settings.subjectsLabel')}
          testId="subjects-table"
          empty="–"
          columns={['subject', 'code', 'year'].map((c) => t(`organisation.settings.subjectCol.${c}`))}
          rows={subjects.data.map((s) => ({
            key: s.code,
            cells: [
              s.name,
              s.code,
              editable ? (
                <NativeSelect key="y" size="xs" w={80} data={YEARS} value={String(s.firstGradedYear)} aria-label={t('organisation.settings.yearOf', { subject: s.name })}
                  data-testid={`subject-year-${s.code}`}
                  onChange={(e) => {
                    const year = Number(e.currentTarget.value);
                    setNotice(null);
                    save.mutate({ code: s.code, firstGradedYear: year }, {
                      onSuccess: () => setNotice({ ok: true, text: t('organisation.settings.subjectSaved', { subject: s.name, year }) }),
                      onError: (err) => setNotice({ ok: false, text: problemText(t, err) }),
                    });
                  }} />
              ) : String(s.firstGradedYear),
            ],
          }))}
        />
      ) : subjects.isPending ? <LoadingState /> : <ErrorState onRetry={() => void subjects.refetch()} />}
    </Stack>
  );
}
