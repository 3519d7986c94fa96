import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import type { RollCallRow, RollCallStatus } from './types';
import type { SaveInput } from './useAttendance';

const STATUSES: RollCallStatus[] = ['present', 'absent', 'late', 'left_early'];
// dark shades: white text on them keeps a contrast ratio of at least 4.5:1
const COLORS: Record<RollCallStatus, string> = { present: 'green.9', absent: 'red.9', late: 'orange.9', left_early: 'orange.9' };
const DEFAULT_MINUTES = 10;

export type RowState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown; input: SaveInput };

/** One pupil of the roll call: one click per status, saved at once; minutes for late and left early; the
 *  absence reported in advance as a badge with one click to confirm it; a visible saved or error state. */
export function PupilRollCallRow({ pupil, editable, state, onSave }: {
  pupil: RollCallRow; editable: boolean; state: RowState; onSave: (input: SaveInput) => void;
}) {
  const { t } = useTranslation();
  const name = `${pupil.givenName} ${pupil.familyName}`;
  const [minutes, setMinutes] = useState<number>(pupil.minutes && pupil.status !== 'absent' ? pupil.minutes : DEFAULT_MINUTES);
  const timed = pupil.status === 'late' || pupil.status === 'left_early';
  const save = (status: RollCallStatus, m = minutes) => onSave({ pupilId: pupil.id, status, minutes: m });
  return (
    <Table.Tr data-testid={`rollcall-row-${pupil.id}`} data-status={pupil.status}>
      <Table.Th scope="row" fw={500}>{`${pupil.familyName}, ${pupil.givenName}`}</Table.Th>
      <Table.Td>
        <Group gap={4} wrap="nowrap" role="group" aria-label={t('attendance.statusGroup', { name })}>
          {STATUSES.map((s) => (
            <Button key={s} size="compact-sm" variant={pupil.status === s ? 'filled' : 'default'} color={COLORS[s]}
              aria-pressed={pupil.status === s} disabled={!editable || state.kind === 'saving'}
              data-testid={`rollcall-${s}-${pupil.id}`} onClick={() => save(s)}>
              {t(`attendance.status.${s}`)}
            </Button>
          ))}
          {timed && (
            <NumberInput size="xs" w={90} min={1} max={600} allowDecimal={false} value={minutes} disabled={!editable}
              aria-label={t('attendance.minutesFor', { name })} data-testid={`rollcall-minutes-${pupil.id}`}
              onChange={(v) => setMinutes(typeof v === 'number' ? v : Number(v) || 0)}
              onBlur={() => { if (minutes !== pupil.minutes) save(pupil.status, minutes); }}
              onKeyDown={(e) => { if (e.key === 'Enter') save(pupil.status, minutes); }} />
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {pupil.advance && (
          <Group gap="xs" wrap="nowrap">
            <Badge color={pupil.advance.kind === 'leave' ? 'blue' : 'grape'} variant="light" data-testid={`rollcall-advance-${pupil.id}`}>
              {t(`attendance.advance.${pupil.advance.kind}`)}
              {pupil.advance.fromTime ? ` ${t('attendance.advanceTimes', { from: pupil.advance.fromTime, to: pupil.advance.toTime })}` : ''}
            </Badge>
            {pupil.status !== 'absent' && editable && (
              <Button size="compact-xs" variant="outline" aria-label={t('attendance.confirmFor', { name })}
                data-testid={`rollcall-confirm-${pupil.id}`} onClick={() => save('absent')} disabled={state.kind === 'saving'}>
                {t('attendance.confirm')}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td aria-live="polite" data-testid={`rollcall-state-${pupil.id}`}>
        {state.kind === 'saving' && <Text size="sm" c="dimmed">{t('attendance.saving')}</Text>}
        {state.kind === 'saved' && <Text size="sm" c="teal.9">✓ {t('attendance.savedRow')}</Text>}
        {state.kind === 'failed' && (
          <Group gap={4} wrap="nowrap">
            <Text size="sm" c="red.9" role="alert">
              {isApiError(state.error) && state.error.code === 'invalid_minutes' ? t('attendance.errors.invalid_minutes') : t('attendance.saveFailed')}
            </Text>
            <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => onSave(state.input)}>{t('attendance.retry')}</Button>
          </Group>
        )}
        {state.kind === 'idle' && pupil.status !== 'present' && (
          <Text size="sm" c={pupil.valid ? 'teal.9' : 'red.9'}>
            {pupil.status !== 'absent' && pupil.minutes ? `${t('attendance.minutesShort', { count: pupil.minutes })}, ` : ''}
            {pupil.valid ? t('attendance.valid') : t('attendance.invalid')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
