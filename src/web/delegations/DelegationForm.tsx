import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { delegationProblem } from '../../domain/access/delegation';
import { isApiError } from '../app/api';
import { byDisplayName } from '../app/format';
import { DELEGABLE_KINDS, KNOWN_PROBLEMS, isIsoDate, type DelegableKind, type KnownProblem, type StaffMember } from './types';
import { useCreateDelegation, useUnitStaff } from './useDelegations';

type Problem = KnownProblem | 'other';
const isKnown = (code: string): code is KnownProblem => (KNOWN_PROBLEMS as readonly string[]).includes(code);
const DATE_PROBLEMS: readonly Problem[] = ['end_before_start', 'ends_in_past'];

/** "Ny delegering": checked in the browser with the server's own rule before anything is sent. */
export function DelegationForm({
  principalId,
  unitId,
  today,
  onSaved,
  onCancel,
}: {
  principalId: string;
  unitId: string | null;
  today: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const staff = useUnitStaff(unitId, true);
  const create = useCreateDelegation();
  const [delegateId, setDelegateId] = useState<string | null>(null);
  const [kind, setKind] = useState<DelegableKind | null>(null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState('');
  const [showRequired, setShowRequired] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  const roleNames = (m: StaffMember) =>
    m.roles.map((r) => t(`delegations.staffRoles.${r}`, { defaultValue: r })).join(', ');
  const delegates = byDisplayName((staff.data ?? []).filter((m) => m.id !== principalId)).map((m) => ({
    value: m.id,
    label: m.roles.length ? `${m.name} (${roleNames(m)})` : m.name,
  }));
  const decisionName = (k: DelegableKind) => t(`app.decisionKinds.${k}`);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setShowRequired(true);
    if (!delegateId || !kind || !isIsoDate(from) || (to !== '' && !isIsoDate(to))) return;
    const body = { delegateId, decisionKind: kind, startDate: from, endDate: to || null };
    const found = delegationProblem({ principalId, ...body }, today);
    if (found) {
      setProblem(found);
      return;
    }
    create.mutate(body, {
      onSuccess: (saved) => {
        onSaved(
          t('delegations.form.saved', {
            delegate: saved.delegate.name,
            decision: decisionName(kind).toLocaleLowerCase('sv'),
          }),
        );
      },
      onError: (err) => setProblem(isApiError(err, 400) && isKnown(err.code) ? err.code : 'other'),
    });
  };

  const dateProblem = problem !== null && DATE_PROBLEMS.includes(problem);
  const dateError = (value: string, optional: boolean) => {
    if (!showRequired || (optional && value === '') || isIsoDate(value)) return undefined;
    return value === '' ? t('delegations.form.required.from') : t('delegations.form.invalidDate');
  };
  const dateProps = { placeholder: t('delegations.form.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10, autoComplete: 'off' };
  return (
    <Paper withBorder p="md" radius="md" maw={720} mt="sm">
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="delegation-form">
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" id={titleId} ref={headingRef} tabIndex={-1}>
              {t('delegations.form.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('delegations.form.intro')}
            </Text>
          </div>
          {staff.isError && (
            <Alert color="red" role="alert">
              {t('delegations.form.staffFailed')}
            </Alert>
          )}
          <Select
            label={t('delegations.form.delegate')}
            placeholder={t('delegations.form.delegatePlaceholder')}
            data={delegates}
            value={delegateId}
            onChange={setDelegateId}
            searchable
            nothingFoundMessage="–"
            disabled={staff.isPending}
            error={showRequired && !delegateId ? t('delegations.form.required.delegate') : undefined}
            data-testid="delegation-delegate"
            required
          />
          <Select
            label={t('delegations.form.decisionKind')}
            placeholder={t('delegations.form.decisionKindPlaceholder')}
            description={t('delegations.form.finalGradesHelp')}
            data={DELEGABLE_KINDS.map((k) => ({ value: k, label: decisionName(k) }))}
            value={kind}
            onChange={(v) => setKind(v as DelegableKind | null)}
            error={showRequired && !kind ? t('delegations.form.required.decisionKind') : undefined}
            data-testid="delegation-kind"
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...dateProps}
              label={t('delegations.form.from')}
              description={t('delegations.form.fromHelp')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value.trim())}
              error={dateError(from, false)}
              data-testid="delegation-from"
              required
            />
            <TextInput
              {...dateProps}
              label={t('delegations.form.to')}
              description={t('delegations.form.toHelp')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value.trim())}
              error={dateError(to, true) ?? dateProblem}
              data-testid="delegation-to"
            />
          </SimpleGrid>
          <div aria-live="polite">
            {problem && (
              <Alert color="red" role="alert" data-testid="delegation-error">
                {t(`delegations.problems.${problem}`)}
              </Alert>
            )}
          </div>
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('delegations.form.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('delegations.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
