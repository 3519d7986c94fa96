import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { svCollator } from '../app/format';
import { ErrorState, LoadingState } from '../app/states';
import { FileImportSection, type ImportLine } from '../file-import/FileImportSection';
import { formatDecimal, formatShare } from './format';
import { BACKGROUND_KEY, useUnitBackground } from './useFollowupData';

interface LabelledLine extends ImportLine { label: string }

/** The unit background per school year (table) and its import (the analyst). */
export function UnitBackgroundSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const background = useUnitBackground(true);
  const years = [...new Set((background.data?.rows ?? []).map((r) => r.schoolYear))].sort().reverse();
  const [chosen, setChosen] = useState<string | null>(null);
  const year = chosen && years.includes(chosen) ? chosen : years[0] ?? null;
  const rows = (background.data?.rows ?? []).filter((r) => r.schoolYear === year).sort((a, b) => svCollator.compare(a.unitName, b.unitName));
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="unit-background-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="unit-background-title">{t('followupData.units.title')}</Title>
          <Text size="sm">{t('followupData.units.intro')}</Text>
          {background.isPending && <LoadingState />}
          {background.isError && <ErrorState error={background.error} onRetry={() => void background.refetch()} />}
          {background.data && years.length > 0 && (
            <Select label={t('followupData.units.schoolYear')} data={years} value={year} onChange={setChosen} allowDeselect={false} w={180} data-testid="unit-background-year" />
          )}
          {background.data && (
            <DataTable label={t('followupData.units.tableLabel', { year: year ?? '' })} testId="unit-background-table" empty={t('followupData.units.empty')}
              columns={[t('followupData.units.col.unit'), t('followupData.units.col.parentsEducation'), t('followupData.units.col.foreignBackground'),
                t('followupData.units.col.boys'), t('followupData.units.col.newlyArrived'), t('followupData.units.col.source')]}
              rows={rows.map((r) => ({ key: r.unitId, cells: [`${r.unitName} (${r.unitCode})`, formatDecimal(r.parentsEducation), formatShare(r.foreignBackgroundShare),
                r.boysShare === null ? t('followupData.units.computed') : formatShare(r.boysShare),
                r.newlyArrivedShare === null ? t('followupData.units.computed') : formatShare(r.newlyArrivedShare), `${r.source} (${r.importedOn})`] }))} />
          )}
        </Stack>
      </Paper>
      <FileImportSection<LabelledLine> id="unit-background-import" title={t('followupData.units.importTitle')} intro={t('followupData.units.importIntro')}
        previewUrl="/api/followup/background/units/preview" importUrl="/api/followup/background/units/import"
        onImported={() => void qc.invalidateQueries({ queryKey: BACKGROUND_KEY })}
        columns={[{ header: t('followupData.units.col.unitYear'), cell: (l) => l.label || '–' }]} />
    </Stack>
  );
}

/** The per-pupil background import (only the organiser-level administrator). */
export function PupilBackgroundSection() {
  const { t } = useTranslation();
  return (
    <FileImportSection<LabelledLine> id="pupil-background-import" title={t('followupData.pupils.title')} intro={t('followupData.pupils.intro')}
      previewUrl="/api/followup/background/pupils/preview" importUrl="/api/followup/background/pupils/import"
      columns={[{ header: t('followupData.pupils.civicNo'), cell: (l) => l.label || '–' }]} />
  );
}
