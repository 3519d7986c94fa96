import { useState } from 'react';
import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState, NotFoundOrNoAccessState, isNotFoundOrForbidden } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { AppliedStep, RolloverHistory } from './AppliedStep';
import { ConfirmModal } from './ConfirmModal';
import { rolloverError } from './errors';
import { PreviewStep } from './PreviewStep';
import type { RolloverChoices, RolloverPreview } from './types';
import { useApply, usePreview, useRolloverStatus, useUndo } from './useRollover';
import { YearStep } from './YearStep';

/** "Läsårsskifte" (administrator of a unit): the next school year in three guided steps — school year and
 *  terms, a preview of everything created and ended, then applied (and undoable while allowed). */
export function SchoolYearRolloverPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('rollover.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('register.administer');
  const status = useRolloverStatus(session.current, allowed);
  const previewing = usePreview();
  const apply = useApply(session.current);
  const undo = useUndo(session.current);
  const [choices, setChoices] = useState<RolloverChoices | null>(null);
  const [preview, setPreview] = useState<RolloverPreview | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (!allowed || (status.isError && isNotFoundOrForbidden(status.error))) {
    return <NotFoundOrNoAccessState title={t('rollover.title')} testId="rollover-no-access" />;
  }
  if (!status.data) return status.isPending ? <LoadingState /> : <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const active = s.rollovers.find((r) => !r.undoneAt && r.toSchoolYear === s.toSchoolYear) ?? null;
  const step = active ? 2 : preview ? 1 : 0;

  const runPreview = (c: RolloverChoices) => {
    setChoices(c);
    previewing.mutate(c, { onSuccess: (p) => setPreview(p) });
  };
  const runApply = () => {
    if (!choices || !preview) return;
    apply.mutate({ ...choices, previewDigest: preview.digest }, {
      onSuccess: () => { setConfirming(false); setPreview(null); undo.reset(); },
    });
  };

  return (
    <Stack gap="lg" py="md" data-testid="rollover-page">
      <div>
        <Title order={1}>{t('rollover.title')}</Title>
        <Text>{t('rollover.intro', { unit: s.unit.name })}</Text>
      </div>
      {undo.isSuccess && !active && <Alert color="green" role="status" data-testid="rollover-undone">{t('rollover.applied.undone')}</Alert>}
      {s.problem ? (
        <Alert color="orange" role="alert" data-testid="rollover-problem">{t(`rollover.errors.${s.problem}`)}</Alert>
      ) : (
        <Stepper active={step} allowNextStepsSelect={false} aria-label={t('rollover.stepsLabel')} size="sm">
          <Stepper.Step label={t('rollover.steps.year')}>
            <YearStep status={s} initial={choices} pending={previewing.isPending} error={rolloverError(t, previewing.error)} onPreview={runPreview} />
          </Stepper.Step>
          <Stepper.Step label={t('rollover.steps.preview')}>
            {preview && (
              <Stack gap="lg">
                <PreviewStep preview={preview} />
                <Group>
                  <Button variant="default" onClick={() => setPreview(null)} data-testid="rollover-back">{t('rollover.back')}</Button>
                  <Button onClick={() => { apply.reset(); setConfirming(true); }} data-testid="rollover-apply-open">{t('rollover.apply')}</Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label={t('rollover.steps.done')}>
            {active && <AppliedStep rollover={active} undo={undo} />}
          </Stepper.Step>
        </Stepper>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('rollover.confirmTitle')}
        body={t('rollover.confirmBody')}
        confirm={t('rollover.apply')}
        pending={apply.isPending}
        error={rolloverError(t, apply.error)}
        onClose={() => setConfirming(false)}
        onConfirm={runApply}
        testId="rollover-apply-confirm"
      />
      <RolloverHistory rollovers={s.rollovers.filter((r) => r !== active)} />
    </Stack>
  );
}
