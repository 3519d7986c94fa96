import { useState, type FormEvent } from 'react';
import { Alert, Button, Drawer, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ErrorState, LoadingState } from '../../app/states';
import { pupilName } from './GradeCell';
import { showStep, type RegisterPupil, type WrittenAssessment } from './types';
import { useErrorText } from './useCellSaves';
import { useSaveWrittenAssessment, useWrittenAssessment } from './useRegister';

function AssessmentForm({
  groupId, pupil, subject, assessment, onSaved,
}: {
  groupId: string;
  pupil: RegisterPupil;
  subject: string;
  assessment: WrittenAssessment;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const save = useSaveWrittenAssessment(groupId);
  const [knowledge, setKnowledge] = useState(assessment.knowledgeDevelopment);
  const [support, setSupport] = useState(assessment.supportMeasures);
  const [showErrors, setShowErrors] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const missingKnowledge = assessment.required && knowledge.trim() === '';
  const readOnly = !assessment.editable;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    setProblem(null);
    if (missingKnowledge || readOnly) return;
    save.mutate(
      { pupilId: pupil.id, knowledgeDevelopment: knowledge, supportMeasures: support, version: assessment.version },
      {
        onSuccess: onSaved,
        onError: (err) => {
          if (isApiError(err, 409)) {
            setProblem(err.code === 'not_editable' ? t('gradeRegister.assessment.readOnly') : t('gradeRegister.assessment.stale'));
            const current = err.body?.current as WrittenAssessment | undefined;
            if (current) {
              qc.setQueryData(['grading', 'assessment', groupId, pupil.id], current);
              setKnowledge(current.knowledgeDevelopment);
              setSupport(current.supportMeasures);
            } else void qc.invalidateQueries({ queryKey: ['grading', 'assessment', groupId, pupil.id] });
          } else setProblem(errorText(err));
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="assessment-form">
      <Stack gap="md">
        <Text size="sm">{t('gradeRegister.assessment.intro', { value: showStep(assessment.value), subject })}</Text>
        <Text size="sm" c="dimmed">
          {assessment.required ? t('gradeRegister.assessment.requiredNote') : t('gradeRegister.assessment.optionalNote')}
        </Text>
        {readOnly && (
          <Alert color="gray" data-testid="assessment-readonly">
            {t('gradeRegister.assessment.readOnly')}
          </Alert>
        )}
        <Textarea
          label={t('gradeRegister.assessment.knowledge')}
          required={assessment.required}
          autosize
          minRows={6}
          readOnly={readOnly}
          value={knowledge}
          error={showErrors && missingKnowledge ? t('gradeRegister.assessment.knowledgeRequired') : undefined}
          onChange={(e) => setKnowledge(e.currentTarget.value)}
        />
        <Textarea
          label={t('gradeRegister.assessment.support')}
          autosize
          minRows={4}
          readOnly={readOnly}
          value={support}
          onChange={(e) => setSupport(e.currentTarget.value)}
        />
        {assessment.writtenBy && assessment.writtenAt && (
          <Text size="xs" c="dimmed">
            {t('gradeRegister.assessment.writtenBy', { name: assessment.writtenBy, at: assessment.writtenAt })}
          </Text>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('gradeRegister.assessment.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Skriftlig bedömning of an F or – final grade, in a drawer; read-only once the grade is confirmed. */
export function WrittenAssessmentDrawer({
  groupId, subject, pupil, onClose,
}: {
  groupId: string;
  subject: string;
  pupil: RegisterPupil | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const assessment = useWrittenAssessment(groupId, pupil?.id ?? null);
  return (
    <Drawer
      opened={pupil !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={pupil ? t('gradeRegister.assessment.title', { name: pupilName(pupil) }) : ''}
      closeButtonProps={{ 'aria-label': t('gradeRegister.assessment.close') }}
    >
      {pupil &&
        (assessment.data ? (
          <AssessmentForm
            key={pupil.id}
            groupId={groupId}
            pupil={pupil}
            subject={subject}
            assessment={assessment.data}
            onSaved={onClose}
          />
        ) : assessment.isError ? (
          <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />
        ) : (
          <LoadingState />
        ))}
    </Drawer>
  );
}
