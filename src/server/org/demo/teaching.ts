import type { Ctx } from './context.js';
import { FAMILIES, type UnitInfo } from './schools.js';
import { addDuty, addGroupStaff, addUnitLeadership, namedPersonId, newTeacher, type Teacher } from './staff.js';

const F5_QUALIFIED = ['SV', 'MA', 'EN', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH'];
const GRS_QUALIFIED = ['SV', 'MA', 'EN', 'IDH', 'BL'];

/** Teaching groups the named teachers take, by unit index: username → group names. */
const NAMED_GROUPS: Record<number, Record<string, string[]>> = {
  0: { larare: ['7A MA', '8A MA', '9A MA'], mentor: ['9A SV'] },
  1: { larare: ['7B MA', '8B MA', '9B MA'], personal: ['6A EN', '6B EN'] },
};
/** EN groups at the first unit where the unlicensed `larare2` co-teaches with a licensed teacher. */
const LARARE2_GROUPS = ['7A EN', '7B EN', '8A EN'];

export interface StaffingResult { principal: string; administrators: string[]; deputy?: string; formerDelegate?: string }

/**
 * Staffs one unit: leadership, class teachers F–5 (mentors of their class), the anpassad grundskola
 * teachers, subject teachers for years 6–9 grouped by subject family, co-teaching, and mentors 6–9.
 * `pools` carries each family's teachers of the previous unit, some of whom also work here.
 */
export function staffUnit(ctx: Ctx, unit: UnitInfo, pools: Map<string, Teacher[]>, named: Map<string, Teacher>): StaffingResult {
  const { rng } = ctx;
  const first = unit.index === 0;
  const lead = addUnitLeadership(ctx, unit.id, first);
  const result: StaffingResult = { ...lead };
  const teachersOfGroup = new Map<string, Teacher[]>();
  const assign = (groupId: string, t: Teacher) => {
    const list = teachersOfGroup.get(groupId) ?? [];
    if (list.some((x) => x.id === t.id)) return;
    list.push(t);
    teachersOfGroup.set(groupId, list);
    addGroupStaff(ctx, groupId, t.id, 'teacher');
  };
  const mentorOf = new Map<string, string>(); // class id → teacher id
  const mentors = new Set<string>();
  const setMentor = (classId: string, teacherId: string) => {
    mentorOf.set(classId, teacherId);
    mentors.add(teacherId);
    addGroupStaff(ctx, classId, teacherId, 'mentor');
  };

  if (first) {
    result.deputy = newTeacher(ctx, unit.id, true, ['SV', 'HI', 'SH']).id; // biträdande rektor
    result.formerDelegate = newTeacher(ctx, unit.id, true, ['MA', 'BI']).id;
  }

  // Named teachers and their groups.
  const byName = new Map(unit.teaching.map((g) => [g.name, g]));
  const taken = new Set<string>();
  const namedHere: Record<string, Teacher> = {};
  for (const [username, groupNames] of Object.entries(NAMED_GROUPS[unit.index] ?? {})) {
    let t = named.get(username);
    if (!t) {
      const qualified = username === 'larare' ? ['MA', 'FY', 'TK'] : username === 'mentor' ? ['SV', 'SVA', 'HI', 'SH'] : ['EN', 'M2SPA'];
      t = newTeacher(ctx, unit.id, true, qualified, username);
      named.set(username, t);
    } else {
      addDuty(ctx, t.id, unit.id, 'teacher', t.licensed, t.qualified);
    }
    namedHere[username] = t;
    for (const n of groupNames) {
      const g = byName.get(n);
      if (!g) throw new Error(`demo: no group ${n} at ${unit.name}`);
      assign(g.id, t);
      taken.add(g.id);
    }
  }

  // Class teachers F–5, each the mentor of their class.
  for (const c of unit.classes) {
    if (c.form === 'GR' && c.year !== null && c.year <= 5) setMentor(c.id, newTeacher(ctx, unit.id, true, F5_QUALIFIED).id);
  }

  // Anpassad grundskola: two special teachers, mentors of the two classes; the second teaches 6–9.
  for (const c of unit.classes.filter((x) => x.form === 'GRS')) {
    const t = newTeacher(ctx, unit.id, true, GRS_QUALIFIED);
    setMentor(c.id, t.id);
    for (const gid of c.subjectGroups.values()) assign(gid, t);
  }

  // Subject teachers 6–9 by family, in runs of consecutive groups (the same classes).
  for (const family of Object.keys(FAMILIES)) {
    const groups = unit.teaching.filter((g) => g.family === family && !g.grs && !taken.has(g.id));
    if (!groups.length) continue;
    const count = Math.max(1, Math.ceil(groups.length / ctx.shape.groupsPerTeacher));
    const previous = pools.get(family) ?? [];
    const pool: Teacher[] = [];
    for (let i = 0; i < count; i++) {
      if (i === count - 1 && count > 1 && previous.length && rng.chance(0.35)) {
        const shared = rng.pick(previous.filter((t) => t.licensed).length ? previous.filter((t) => t.licensed) : previous);
        addDuty(ctx, shared.id, unit.id, 'teacher', shared.licensed, shared.qualified);
        pool.push(shared);
      } else {
        pool.push(newTeacher(ctx, unit.id, rng.chance(0.92), FAMILIES[family]));
      }
    }
    if (!pool.some((t) => t.licensed)) pool[0].licensed = true;
    groups.forEach((g, i) => {
      const primary = pool[Math.min(pool.length - 1, Math.floor((i * pool.length) / groups.length))];
      assign(g.id, primary);
      const licensedOthers = pool.filter((t) => t.licensed && t.id !== primary.id);
      if (!primary.licensed && licensedOthers.length) assign(g.id, rng.pick(licensedOthers));
      else if (rng.chance(0.06) && pool.length > 1 && !(first && LARARE2_GROUPS.includes(g.name))) assign(g.id, rng.pick(pool.filter((t) => t.id !== primary.id)));
    });
    pools.set(family, pool);
  }

  // The unlicensed `larare2` co-teaches three EN groups whose teacher is licensed.
  if (first) {
    const larare2 = newTeacher(ctx, unit.id, false, [], 'larare2');
    named.set('larare2', larare2);
    for (const n of LARARE2_GROUPS) {
      const g = byName.get(n)!;
      if (!(teachersOfGroup.get(g.id) ?? []).some((t) => t.licensed)) throw new Error(`demo: ${n} has no licensed teacher`);
      assign(g.id, larare2);
    }
  }

  // Mentors 6–9: a teacher of the class (the named `mentor` for 9A at the first unit).
  for (const c of unit.classes) {
    if (c.form !== 'GR' || c.year === null || c.year < 6) continue;
    if (first && c.name === '9A') { setMentor(c.id, namedPersonId('mentor')); continue; }
    const candidates = [...c.subjectGroups.values()].flatMap((gid) => teachersOfGroup.get(gid) ?? [])
      .filter((t) => t.licensed && !mentors.has(t.id) && !Object.values(namedHere).includes(t));
    if (candidates.length) setMentor(c.id, rng.pick(candidates).id);
    else setMentor(c.id, newTeacher(ctx, unit.id, true, ['SV']).id);
  }

  // Special teachers (speciallärare) without groups of their own.
  const extra = Math.ceil(unit.classes.length / 10);
  for (let i = 0; i < extra; i++) newTeacher(ctx, unit.id, true, ['SV', 'MA']);
  return result;
}
