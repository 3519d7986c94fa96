import { sumAggregates, type Aggregate } from '../../domain/followup/report-aggregate.js';
import type { BreakdownInput, PartInput } from '../../domain/followup/report-sections.js';
import { AggregateIndex, holdsPerPupil } from './report-assemble.js';
import type { UnitBackgroundRow } from './report-queries.js';

/**
 * Breakdowns by the register background that the organiser holds only as unit-level aggregates (parents'
 * education, foreign background): never per pupil. At the organiser level the units are grouped by their
 * published figure (bands); at a unit or group the unit's figure is shown beside its total.
 */
type Dim = 'parents_education' | 'foreign_background';
const BANDS: Record<Dim, { key: string; label: string; test: (v: number) => boolean }[]> = {
  parents_education: [
    { key: 'low', label: 'Enheter med föräldrarnas utbildningsnivå under 2,0', test: (v) => v < 2 },
    { key: 'middle', label: 'Enheter med föräldrarnas utbildningsnivå 2,0–2,5', test: (v) => v >= 2 && v <= 2.5 },
    { key: 'high', label: 'Enheter med föräldrarnas utbildningsnivå över 2,5', test: (v) => v > 2.5 },
  ],
  foreign_background: [
    { key: 'low', label: 'Enheter med under 25 % elever med utländsk bakgrund', test: (v) => v < 0.25 },
    { key: 'middle', label: 'Enheter med 25–50 % elever med utländsk bakgrund', test: (v) => v >= 0.25 && v <= 0.5 },
    { key: 'high', label: 'Enheter med över 50 % elever med utländsk bakgrund', test: (v) => v > 0.5 },
  ],
};
const valueOf = (b: UnitBackgroundRow | undefined, dim: Dim) => (dim === 'parents_education' ? b?.parents_education : b?.foreign_background_share) ?? null;
const shown = (dim: Dim, v: number) => (dim === 'parents_education' ? v.toFixed(2).replace('.', ',') : `${Math.round(v * 100)} %`);

export function unitBackgroundBreakdowns(index: AggregateIndex, schoolYear: string, code: string, backgrounds: UnitBackgroundRow[],
  level: 'organiser' | 'unit'): BreakdownInput[] {
  const ofYear = new Map(backgrounds.filter((b) => b.school_year === schoolYear).map((b) => [b.unit_id, b]));
  if (ofYear.size === 0) return [];
  return (['parents_education', 'foreign_background'] as const).filter((d) => !holdsPerPupil(index, d)).flatMap((dimension): BreakdownInput[] => {
    if (level === 'unit') {
      const [b] = [...ofYear.values()];
      const v = valueOf(b, dimension);
      const total = index.total(schoolYear, code);
      if (v === null || !total) return [];
      const label = `${dimension === 'parents_education' ? 'Enhetens föräldrars utbildningsnivå (medel 1–3)' : 'Enhetens andel med utländsk bakgrund'}: ${shown(dimension, v)} (${b.source})`;
      return [{ dimension, source: 'unit', partition: false, parts: [{ key: `${dimension}:unit`, label, kind: 'unit', drill: null, agg: total, shown: true }] }];
    }
    const units = [...index.dim(schoolYear, code, 'row')];
    const byBand = new Map<string, Aggregate[]>();
    for (const [unitId, agg] of units) {
      const v = valueOf(ofYear.get(unitId), dimension);
      const band = v === null ? 'U' : BANDS[dimension].find((x) => x.test(v))!.key;
      byBand.set(band, [...(byBand.get(band) ?? []), agg]);
    }
    const parts: PartInput[] = [...byBand].map(([band, aggs]) => {
      const def = BANDS[dimension].find((x) => x.key === band);
      return { key: `${dimension}:${band}`, label: def?.label ?? 'Uppgift saknas', kind: 'unit', drill: null, agg: sumAggregates(aggs), shown: !!def };
    });
    return parts.some((p) => p.shown) ? [{ dimension, source: 'unit', partition: true, parts }] : [];
  });
}
