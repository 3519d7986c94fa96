import { DEMO_ACCOUNTS } from './accounts.js';
import type { Dataset } from './dataset.js';
import type { Rng } from './random.js';
import { familyOf, type UnitInfo } from './schools.js';
import { namedPersonId } from './staff.js';

/**
 * Graders of the history's groups, drawn from each unit's current teachers so that the same teachers recur
 * across years: a group's grader is, as a rule, the teacher of today's group of the same name ('9A MA'),
 * otherwise a teacher of the subject's family at the unit who then keeps that group year after year; in an
 * earlier year now and then someone else of the family. The named accounts grade only the history of their
 * own groups (they are never drawn at random), so their descriptions stay true.
 */
export class HistoryTeachers {
  private readonly current = new Map<string, string>();
  private readonly family = new Map<string, string[]>();
  private readonly stable = new Map<string, string>();

  constructor(ds: Dataset, units: UnitInfo[], private readonly rng: Rng) {
    const named = new Set(DEMO_ACCOUNTS.map((a) => namedPersonId(a.username)));
    const firstTeacher = new Map<string, string>();
    const s = ds.groupStaff.columns;
    for (let i = 0; i < ds.groupStaff.length; i++) {
      if (s.assignment[i] === 'teacher' && !firstTeacher.has(s.groupId[i] as string)) firstTeacher.set(s.groupId[i] as string, s.personId[i] as string);
    }
    for (const unit of units) {
      for (const g of unit.teaching) {
        const teacher = firstTeacher.get(g.id);
        if (!teacher || g.grs) continue;
        this.current.set(`${unit.id}:${g.name}`, teacher);
        if (named.has(teacher)) continue;
        const key = `${unit.id}:${g.family}`;
        const list = this.family.get(key) ?? [];
        if (!list.includes(teacher)) list.push(teacher);
        this.family.set(key, list);
      }
    }
  }

  /** The grader of the group `baseName` ('9A MA') in subject `subject`; `always` keeps the usual teacher every year. */
  grader(unit: UnitInfo, baseName: string, subject: string, yearsBack: number, always = false): string {
    const pool = this.family.get(`${unit.id}:${familyOf(subject)}`) ?? [...this.family.entries()].find(([k]) => k.startsWith(unit.id))![1];
    const key = `${unit.id}:${baseName}`;
    let usual = this.stable.get(key);
    if (!usual) {
      usual = this.current.get(key) ?? this.rng.pick(pool);
      this.stable.set(key, usual);
    }
    if (always || yearsBack === 1 || pool.length < 2 || this.rng.chance(0.75)) return usual;
    return this.rng.pick(pool);
  }
}
