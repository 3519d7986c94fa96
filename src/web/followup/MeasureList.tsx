import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import type { ReportMeasure } from './types';

/** The findings and measures recorded on a row: "Insats: sambedömning, uppföljning 2026-03-01". */
export function MeasureList({ findings, testId }: { findings: readonly ReportMeasure[]; testId?: string }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {findings.map((f) => (
        <List.Item key={f.findingId}>
          <Text component="span" size="sm" fw={500}>{f.schoolYear}: {t(`followup.findings.assessment.${f.assessment}`)}</Text>
          {f.cause && <Text component="span" size="sm">. {t('followup.findings.cause', { cause: f.cause })}</Text>}
          {f.measures.map((m) => (
            <Text key={m.id} size="sm" data-testid="measure">
              {t('followup.findings.measure', { kind: t(`followup.findings.kinds.${m.kind}`, { defaultValue: m.kind }), date: formatDate(m.followUpDate) })}
              {m.followedUpOn ? ` (${t('followup.findings.followedUp', { date: formatDate(m.followedUpOn) })})` : ''}
            </Text>
          ))}
        </List.Item>
      ))}
    </List>
  );
}
