import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { referenceValue, shortSchoolYear } from './format';

export interface ReferenceFigure { measure: string; schoolYear: string; value: number; source: string }

/** National reference figures ("Riket 2022/23: 25 % högre"), each with its source as a numbered footnote. */
export function ReferenceNote({ figures, testId }: { figures: readonly ReferenceFigure[]; testId: string }) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  return (
    <Stack gap={2} data-testid={testId}>
      <List size="sm" listStyleType="none">
        {figures.map((f, i) => (
          <List.Item key={`${f.measure}-${f.schoolYear}`} title={f.source}>
            {t('followup.reference.item', {
              schoolYear: shortSchoolYear(f.schoolYear),
              value: t(`followup.reference.measures.${f.measure}`, { value: referenceValue(f.measure, f.value), defaultValue: referenceValue(f.measure, f.value) }),
            })}
            <sup>{i + 1}</sup>
          </List.Item>
        ))}
      </List>
      {figures.map((f, i) => (
        <Text key={`src-${f.measure}-${f.schoolYear}`} size="xs" c="dimmed">
          {i + 1}. {t('followup.reference.source', { source: f.source })}
        </Text>
      ))}
    </Stack>
  );
}
