import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scaleProblem } from '../../domain/assessment/steps';
import { isApiError } from '../app/api';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { useSaveScale, useScale } from './useAssessment';

/** /bedomning/skala — the unit's steps for years 4–5 (administrator and principal). */
export function AssessmentScalePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('assessment.scale.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('assessments.scale.edit');
  const scale = useScale(session.current.unitId, allowed);
  const save = useSaveScale(session.current.unitId);
  const [draft, setDraft] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  if (!allowed) return <NotFoundOrNoAccessState title={t('assessment.scale.title')} testId="assessment-scale-no-access" />;
  if (!scale.data) return scale.isPending ? <LoadingState /> : <ErrorState error={scale.error} onRetry={() => void scale.refetch()} />;
  const steps = draft ?? scale.data.steps;
  const change = (next: string[]) => { setDraft(next); setSaved(false); };
  const invalid = draft !== null && scaleProblem(draft) !== null;
  const stale = isApiError(save.error, 409);
  return (
    <Stack gap="md" py="md" maw={560} data-testid="assessment-scale-page">
      <div>
        <Title order={1}>{t('assessment.scale.title')}</Title>
        <Text c="dimmed">{t('assessment.scale.intro', { unit: session.current.unitName ?? '' })}</Text>
        {scale.data.isDefault && <Text size="sm">{t('assessment.scale.defaults')}</Text>}
      </div>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (!draft || invalid) return;
        save.mutate({ steps: draft, previous: scale.data!.steps }, {
          onSuccess: () => { setDraft(null); setSaved(true); },
          onError: (err) => { if (isApiError(err, 409)) { setDraft(null); void scale.refetch(); } },
        });
      }}>
        <Stack gap="sm">
          {steps.map((s, i) => (
            <Group key={i} gap="xs" align="flex-end">
              <TextInput label={t('assessment.scale.step', { n: i + 1 })} value={s} maxLength={40} w={280} data-testid="scale-step"
                onChange={(e) => change(steps.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('assessment.scale.remove', { n: i + 1 })} disabled={steps.length <= 2}
                onClick={() => change(steps.filter((_, j) => j !== i))}>×</ActionIcon>
            </Group>
          ))}
          <Group gap="sm">
            <Button variant="default" size="xs" disabled={steps.length >= 6} onClick={() => change([...steps, ''])}>{t('assessment.scale.add')}</Button>
            <Button variant="default" size="xs" onClick={() => change([...scale.data!.defaultSteps])}>{t('assessment.scale.reset')}</Button>
          </Group>
          {invalid && <Text size="sm" c="red.8" role="alert">{t('assessment.scale.invalid')}</Text>}
          <Button type="submit" w="fit-content" loading={save.isPending} disabled={!draft || invalid} data-testid="scale-save">{t('assessment.scale.save')}</Button>
          {saved && <Alert color="green" role="status">{t('assessment.scale.saved')}</Alert>}
          {stale && <Alert color="orange" role="alert">{t('assessment.scale.stale')}</Alert>}
          {save.error && !stale && <Alert color="red" role="alert">{t('app.unexpectedError')}</Alert>}
        </Stack>
      </form>
    </Stack>
  );
}
