import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportablePupil } from './types';

/** Choose which child the page is about; with one child, just their name. */
export function ChildPicker({ pupils, value, onChange }: { pupils: ReportablePupil[]; value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const label = (p: ReportablePupil) => [p.name, p.className, p.unitName].filter(Boolean).join(', ');
  if (pupils.length === 1) return <Text fw={600} data-testid="child-name">{label(pupils[0])}</Text>;
  return (
    <Select
      label={t('absenceReports.child')}
      placeholder={t('absenceReports.childPlaceholder')}
      data={pupils.map((p) => ({ value: p.id, label: label(p) }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      maw={420}
      data-testid="child-picker"
    />
  );
}
