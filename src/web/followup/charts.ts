// The options of the follow-up charts (pure: the Chart component draws them). Hidden ('..') and missing ('.')
// figures are gaps, never zeros; a row whose difference is not clear is drawn paler, never in a warning colour.
import type { EChartsCoreOption } from 'echarts/core';
import { decimal } from './format';
import type { ExpectedUnitRow, Figure, ReportDistribution, ReportRow, ReportTrendPoint } from './types';

/** Colours that pass 3:1 against white and against each other's neighbours (lower, same, higher). */
export const PALETTE = { lower: '#9c3a00', same: '#6c737a', higher: '#0b5cb5', line: '#00428a' } as const;
const PALE = 0.45;

/** A share 0–1 as a percent to draw, or null (a gap) for '..' and '.'. */
export const percent = (value: Figure | undefined): number | null => (typeof value === 'number' ? Math.round(value * 1000) / 10 : null);
const numberOrGap = (value: Figure): number | null => (typeof value === 'number' ? value : null);
const percentLabel = (v: number) => `${decimal(v, 0)} %`;

const axisPercent = { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v} %` } };

/** Stacked lower / same / higher per row (the level's total first), horizontal bars. */
export function deviationOption(rows: readonly ReportRow[], names: { lower: string; same: string; higher: string }): EChartsCoreOption {
  const shown = rows.filter((r) => r.deviation);
  const part = (key: 'lower' | 'same' | 'higher') => ({
    name: names[key], type: 'bar', stack: 'all', barMaxWidth: 28,
    itemStyle: { color: PALETTE[key] },
    data: shown.map((r) => ({ value: percent(r.deviation![key]), itemStyle: { opacity: r.deviation!.signTest?.clear ? 1 : PALE } })),
  });
  return stackedBars(shown.map((r) => r.label), [part('lower'), part('same'), part('higher')]);
}

/** Horizontal stacked bars of shares, one bar per label (the frame both bar charts share). */
function stackedBars(labels: string[], series: unknown[]): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '..' : percentLabel(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: axisPercent,
    yAxis: { type: 'category', inverse: true, data: labels },
    series,
  };
}

export const GRADE_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'dash'] as const;

/** The grade distribution per row, stacked A … F, – (horizontal bars, shades of one colour). */
export function distributionOption(rows: readonly { label: string; distribution: ReportDistribution }[], dashLabel: string): EChartsCoreOption {
  const shades = ['#00428a', '#0b5cb5', '#2776cf', '#6ca3df', '#9fc3ea', '#9c3a00', '#6c737a'];
  return stackedBars(rows.map((r) => r.label), GRADE_KEYS.map((g, i) => ({
    name: g === 'dash' ? dashLabel : g, type: 'bar', stack: 'all', barMaxWidth: 28, itemStyle: { color: shades[i] },
    data: rows.map((r) => percent(r.distribution.shares[g])),
  })));
}

/** The level's total over the school years: shares higher and lower than the test (or the passing share
 *  for a subject without a test). */
export function trendOption(points: readonly ReportTrendPoint[], names: { lower: string; higher: string; passing: string }, hasTest: boolean): EChartsCoreOption {
  const line = (name: string, color: string, values: (number | null)[]) => ({ name, type: 'line', connectNulls: false, symbolSize: 8, itemStyle: { color }, lineStyle: { color }, data: values });
  const series = hasTest
    ? [line(names.higher, PALETTE.higher, points.map((p) => percent(p.deviation?.higher))),
      line(names.lower, PALETTE.lower, points.map((p) => percent(p.deviation?.lower)))]
    : [line(names.passing, PALETTE.line, points.map((p) => percent(p.distribution.passing)))];
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '..' : percentLabel(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.schoolYear) },
    yAxis: axisPercent,
    series,
  };
}

/** Actual against expected merit value per unit, with the line y = x (actual as expected). */
export function expectedOption(units: readonly ExpectedUnitRow[], names: { actual: string; expected: string }): EChartsCoreOption {
  const points = units
    .filter((u) => numberOrGap(u.expectedMerit) !== null && numberOrGap(u.meritValue) !== null)
    .map((u) => ({ name: u.name, value: [u.expectedMerit as number, u.meritValue as number], itemStyle: { color: u.clear ? PALETTE.higher : PALETTE.same } }));
  const all = points.flatMap((p) => p.value);
  const lo = all.length ? Math.floor((Math.min(...all) - 10) / 10) * 10 : 150;
  const hi = all.length ? Math.ceil((Math.max(...all) + 10) / 10) * 10 : 300;
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: [number, number] }) => (p.name ? `${p.name}: ${decimal(p.value[1], 1)} / ${decimal(p.value[0], 1)}` : '') },
    grid: { left: 40, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: names.expected, nameLocation: 'middle', nameGap: 28, min: lo, max: hi },
    yAxis: { type: 'value', name: names.actual, nameLocation: 'middle', nameGap: 44, min: lo, max: hi },
    series: [
      { type: 'line', data: [[lo, lo], [hi, hi]], showSymbol: false, silent: true, lineStyle: { color: PALETTE.same, type: 'dashed' }, tooltip: { show: false } },
      { type: 'scatter', symbolSize: 12, data: points },
    ],
  };
}
