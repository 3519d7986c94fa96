import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { correctionProblem, type CorrectionKind } from '../../../domain/grading/correction';
import { isGradeStep, type GradeStep } from '../../../domain/grading/scale';
import { isApiError } from '../../app/api';
import { byDisplayName } from '../../app/format';
import { useUnitStaff } from '../../delegations/useDelegations';
import { useCurrentSession } from '../../session/useSession';
import { correctionProblems, type Catalogue } from './types';
import { useCorrectGrade } from './useCatalogue';
import { showStep } from '../register/types';

export interface CorrectionTarget {
  gradeId: string;
  name: string;
  value: GradeStep;
  state: string;
  steps: string[];
}

const KINDS: readonly CorrectionKind[] = ['rattelse', 'andring'];

/** Rättelse/ändring of a decided or locked grade: checked with the domain rule before it is sent. */
export function CorrectionForm({
  catalogue,
  target,
  onDone,
  onClose,
}: {
  catalogue: Catalogue;
  target: CorrectionTarget;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const staff = useUnitStaff(session.current.unitId, true);
  const correct = useCorrectGrade(catalogue.group.id);
  const [kind, setKind] = useState<CorrectionKind | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const deciders = [
    ...byDisplayName(catalogue.teachers).map((p) => ({ value: p.id, label: `${p.name} (${t('gradeCatalogue.correction.teacher')})` })),
    ...byDisplayName((staff.data ?? []).filter((m) => m.roles.includes('principal') && !catalogue.teachers.some((x) => x.id === m.id))).map(
      (p) => ({ value: p.id, label: `${p.name} (${t('gradeCatalogue.correction.principal')})` }),
    ),
  ];
  const steps = (target.steps.length ? target.steps : ['A', 'B', 'C', 'D', 'E', 'F', '-']).filter(isGradeStep);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!kind || !value || !isGradeStep(value) || !decidedBy || reason.trim() === '') {
      setProblem('required');
      return;
    }
    const found = correctionProblem(kind, target.state, target.value, value, reason);
    if (found) {
      setProblem(found);
      return;
    }
    correct.mutate(
      { gradeId: target.gradeId, body: { kind, value, reason: reason.trim(), decidedBy } },
      {
        onSuccess: (r) => onDone(t('gradeCatalogue.correction.done', { name: target.name, value: showStep(r.value) })),
        onError: (err) => setProblem(isApiError(err) && (correctionProblems as readonly string[]).includes(err.code) ? err.code : 'other'),
      },
    );
  };

  const message = problem === 'required' ? t('gradeCatalogue.correction.required') : problem ? t(`gradeCatalogue.problems.${problem}`) : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('gradeCatalogue.correction.title', { name: target.name })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('gradeCatalogue.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="correction-form">
        <Stack gap="md">
          <Text>{t('gradeCatalogue.correction.current', { value: showStep(target.value) })}</Text>
          <Radio.Group label={t('gradeCatalogue.correction.kind')} value={kind ?? ''} onChange={(v) => setKind(v as CorrectionKind)} required>
            <Stack gap="xs" mt="xs">
              {KINDS.map((k) => (
                <Radio key={k} value={k} label={t(`gradeCatalogue.correction.kinds.${k}`)} data-testid={`correction-kind-${k}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Select
            label={t('gradeCatalogue.correction.value')}
            placeholder={t('gradeCatalogue.correction.pick')}
            data={steps.map((s) => ({ value: s, label: showStep(s) }))}
            value={value}
            onChange={setValue}
            required
            data-testid="correction-value"
          />
          <Textarea
            label={t('gradeCatalogue.correction.reason')}
            description={t('gradeCatalogue.correction.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            required
            data-testid="correction-reason"
          />
          <Select
            label={t('gradeCatalogue.correction.decidedBy')}
            description={t('gradeCatalogue.correction.decidedByHelp')}
            placeholder={t('gradeCatalogue.correction.pick')}
            data={deciders}
            value={decidedBy}
            onChange={setDecidedBy}
            required
            data-testid="correction-decider"
          />
          <div aria-live="polite">
            {message && (
              <Alert color="red" role="alert" data-testid="correction-error">
                {message}
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('gradeCatalogue.cancel')}
            </Button>
            <Button type="submit" loading={correct.isPending}>
              {t('gradeCatalogue.correction.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
