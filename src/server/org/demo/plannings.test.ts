import { describe, expect, it } from 'vitest';
import { levelProblem } from '../../../domain/assessment/steps.js';
import { buildDemoData } from './seed.js';
import { buildPlannings } from './plannings.js';
import { Rng } from './random.js';
import { namedPersonId } from './staff.js';

const today = '2026-11-22';
const rng = new Rng(7);
const ids = (n: number) => Array.from({ length: n }, () => rng.uuid());
const stages = ['GRGRMAT01', 'GRGRSVE01', 'GRGRENG01'].flatMap((code) => [
  { syllabusCode: code, versionId: 'v', yearFrom: 4, yearTo: 6, plain: true, requirements: ids(8), content: ids(12) },
  { syllabusCode: code, versionId: 'v', yearFrom: 7, yearTo: 9, plain: true, requirements: ids(8), content: ids(12) },
]);

describe('demo plannings and assessments', () => {
  const { ds, units } = buildDemoData({ preset: 'demo', today });
  const out = buildPlannings({ ds, units, today, organiserId: '00000000-0000-4000-8000-000000000001', preset: 'demo', stages });
  const col = (rows: { length: number; get(i: number, c: never): unknown }, c: string) => Array.from({ length: rows.length }, (_, i) => rows.get(i, c as never));

  it('plannings are published, owned, with 3–8 requirements; larare has assessed ones', () => {
    expect(out.planning.length).toBeGreaterThan(50);
    expect(new Set(col(out.planning, 'status'))).toEqual(new Set(['published']));
    const perPlanning = new Map<string, number>();
    for (const p of col(out.requirement, 'planningId') as string[]) perPlanning.set(p, (perPlanning.get(p) ?? 0) + 1);
    expect([...perPlanning.values()].every((n) => n >= 3 && n <= 8)).toBe(true);
    const larare = namedPersonId('larare');
    const owned = new Set((col(out.owner, 'personId') as string[]).flatMap((p, i) => (p === larare ? [out.owner.get(i, 'planningId') as string] : [])));
    expect((col(out.assessment, 'planningId') as string[]).some((p) => owned.has(p))).toBe(true);
  });

  it('every level is a step of the pupil\'s year; mostly E and C; every save has its history row', () => {
    const levels = col(out.assessment, 'level') as string[];
    const years = col(out.assessment, 'pupilYear') as number[];
    expect(levels.every((l, i) => levelProblem(l, years[i]) === null)).toBe(true);
    const graded = levels.filter((_, i) => years[i] >= 6);
    const share = (l: string) => graded.filter((x) => x === l).length / graded.length;
    expect(share('E') + share('C')).toBeGreaterThan(0.6);
    expect(share('A')).toBeGreaterThan(0.05);
    expect(share('not_yet')).toBeGreaterThan(0.01);
    expect(out.event.length).toBe(out.assessment.length);
    expect((col(out.assessment, 'assessedOn') as string[]).every((d) => d < today)).toBe(true);
  });

  it('the demo guardian\'s children have shared assessments', () => {
    const guardian = namedPersonId('vardnadshavare');
    const children = new Set((col(ds.guardianship, 'guardianId') as string[]).flatMap((g, i) => (g === guardian ? [ds.guardianship.get(i, 'childId') as string] : [])));
    const shared = new Set((col(out.planning, 'id') as string[]).filter((_, i) => out.planning.get(i, 'assessmentsShared')));
    const seen = new Set((col(out.assessment, 'pupilId') as string[]).filter((p, i) => children.has(p) && shared.has(out.assessment.get(i, 'planningId') as string)));
    expect(seen.size).toBe(children.size);
  });
});
