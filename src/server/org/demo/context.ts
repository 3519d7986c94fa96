import type { Dataset } from './dataset.js';
import { CivicNumbers, WorkEmails } from './identity.js';
import type { Rng } from './random.js';

export type Preset = 'demo' | 'municipality';

export interface PresetShape {
  unitCount: number;
  /** Classes per school year at each unit (index = unit). */
  classesPerYear: (unitIndex: number, rng: Rng) => number;
  classSize: readonly [number, number];
  /** Units that also run anpassad grundskola (GRS). */
  hasGrs: (unitIndex: number) => boolean;
  administrators: number;
  studentHealth: number;
  groupsPerTeacher: number;
}

export const SHAPES: Record<Preset, PresetShape> = {
  demo: {
    unitCount: 3, classesPerYear: () => 2, classSize: [23, 27], hasGrs: (i) => i === 1,
    administrators: 1, studentHealth: 2, groupsPerTeacher: 6,
  },
  municipality: {
    unitCount: 20, classesPerYear: (i, rng) => (i < 3 ? 10 : rng.int(8, 12)), classSize: [22, 28],
    hasGrs: (i) => i === 1 || i % 4 === 3, administrators: 2, studentHealth: 3, groupsPerTeacher: 6,
  },
};

/** Shared state of one generator run. */
export interface Ctx {
  rng: Rng;
  ds: Dataset;
  shape: PresetShape;
  today: string;
  /** Calendar year in which the current school year began, and its HT start date. */
  year: number;
  htStart: string;
  civic: CivicNumbers;
  workEmails: WorkEmails;
}

export const newCtx = (rng: Rng, ds: Dataset, shape: PresetShape, today: string, year: number, htStart: string): Ctx =>
  ({ rng, ds, shape, today, year, htStart, civic: new CivicNumbers(), workEmails: new WorkEmails() });
