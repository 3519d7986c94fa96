import { useState } from 'react';
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { HEAT_STEPS, formatShare, heatStep } from './format';
import type { OverviewPupil, WeekRef } from './types';
import classes from './absence.module.css';

const name = (p: OverviewPupil) => `${p.familyName}, ${p.givenName}`;

/** Absence per pupil and ISO week: a table whose cells carry a colour step AND the percentage; the same
 *  numbers as a plain table (absent and lesson minutes) one click away. */
export function HeatMap({ weeks, pupils }: { weeks: WeekRef[]; pupils: OverviewPupil[] }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const label = t('absence.overview.heatmap');
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">{t('absence.overview.heatmapIntro')}</Text>
        <Button variant="subtle" size="xs" onClick={() => setAsTable(!asTable)} aria-pressed={asTable} data-testid="heatmap-toggle">
          {asTable ? t('absence.overview.showMap') : t('absence.overview.showTable')}
        </Button>
      </Group>
      {asTable ? (
        <DataTable label={label} testId="heatmap-table" empty={t('absence.overview.none')}
          columns={[t('absence.overview.name'), ...weeks.map((w) => t('absence.overview.week', { week: w.week }))]}
          rows={pupils.map((p) => ({ key: p.id, cells: [name(p), ...p.weeks.map((w) => (w.lessonMinutes ? `${w.absentMinutes} / ${w.lessonMinutes} min` : '–'))] }))} />
      ) : (
        <>
          <ul className={classes.legend} aria-label={t('absence.overview.legend')}>
            {HEAT_STEPS.map((s) => (
              <li key={s}><span className={`${classes.swatch} ${classes[s]}`} aria-hidden="true" />{t(`absence.overview.legendSteps.${s}`)}</li>
            ))}
          </ul>
          <Box className={classes.scroll} tabIndex={0} role="region" aria-label={label}>
            <table className={classes.heat} aria-label={label} data-testid="heatmap">
              <thead>
                <tr>
                  <th scope="col">{t('absence.overview.name')}</th>
                  {weeks.map((w) => (
                    <th key={w.monday} scope="col" title={t('absence.overview.weekTitle', { week: w.week, monday: w.monday })}>
                      {t('absence.overview.week', { week: w.week })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {pupils.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{name(p)}</th>
                    {p.weeks.map((w, i) => {
                      const step = heatStep(w.share);
                      return (
                        <td key={weeks[i].monday} className={`${classes.cell} ${step ? classes[step] : classes.empty}`} data-step={step ?? 'empty'}>
                          {w.share === null ? '' : formatShare(w.share).replace(' %', '')}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
        </>
      )}
    </Stack>
  );
}
