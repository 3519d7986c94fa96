import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GRADE_STEPS, isGradeStep, type GradeStep } from '../../../domain/grading/scale';
import { isApiError } from '../../app/api';
import { disagreementProblems, type Catalogue } from './types';
import { useDecideDisagreement } from './useCatalogue';
import { showStep } from '../register/types';

export interface DisagreementTarget {
  gradeId: string;
  name: string;
  value: GradeStep | null;
  /** The steps for the pupil's school form; all of A–F and – when the catalogue does not say. */
  steps: GradeStep[];
}

const MIN_REASON = 3;

/**
 * Decides a grade the teacher without a licence and the licensed teacher disagree on (the licensed teacher
 * qualified in the subject, otherwise the principal): a grade step and the reason, kept in the grade's history.
 */
export function DisagreementForm({
  catalogue,
  target,
  onDone,
  onClose,
}: {
  catalogue: Catalogue;
  target: DisagreementTarget;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideDisagreement(catalogue.group.id);
  const [value, setValue] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const steps = target.steps.length ? target.steps : [...GRADE_STEPS];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!value || !isGradeStep(value) || reason.trim().length < MIN_REASON) {
      setProblem('required');
      return;
    }
    decide.mutate(
      { gradeId: target.gradeId, body: { value, reason: reason.trim() } },
      {
        onSuccess: (r) => onDone(t('gradeCatalogue.disagreement.done', { name: target.name, value: showStep(r.value) })),
        onError: (err) => setProblem(isApiError(err) && (disagreementProblems as readonly string[]).includes(err.code) ? err.code : 'other'),
      },
    );
  };

  const message =
    problem === 'required' ? t('gradeCatalogue.disagreement.required') : problem ? t(`gradeCatalogue.problems.${problem}`) : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('gradeCatalogue.disagreement.title', { name: target.name })}
      centered
      closeButtonProps={{ 'aria-label': t('gradeCatalogue.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="disagreement-form">
        <Stack gap="md">
          <Text size="sm">{t('gradeCatalogue.disagreement.rule')}</Text>
          <Text fw={500} data-testid="disagreement-current">
            {t('gradeCatalogue.disagreement.current', {
              value: target.value === null ? t('gradeCatalogue.disagreement.noValue') : showStep(target.value),
            })}
          </Text>
          <Select
            label={t('gradeCatalogue.disagreement.value')}
            placeholder={t('gradeCatalogue.disagreement.pick')}
            data={steps.map((s) => ({ value: s, label: showStep(s) }))}
            value={value}
            onChange={(v) => {
              setValue(v);
              setProblem(null);
            }}
            allowDeselect={false}
            required
            data-testid="disagreement-value"
          />
          <Textarea
            label={t('gradeCatalogue.disagreement.reason')}
            description={t('gradeCatalogue.disagreement.reasonHelp')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setProblem(null);
            }}
            autosize
            minRows={2}
            maxLength={2000}
            required
            data-testid="disagreement-reason"
          />
          <Text size="sm" c="dimmed">
            {t('gradeCatalogue.disagreement.history')}
          </Text>
          <div aria-live="polite">
            {message && (
              <Alert color="red" role="alert" data-testid="disagreement-error">
                {message}
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('gradeCatalogue.cancel')}
            </Button>
            <Button type="submit" loading={decide.isPending} data-testid="disagreement-submit">
              {t('gradeCatalogue.disagreement.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
