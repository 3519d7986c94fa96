import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../../../domain/timetable/calendar.js';
import { buildDemoData } from './seed.js';
import { namedPersonId } from './staff.js';
import { buildTimetables } from './timetable.js';

const TODAY = '2026-11-23';
const demo = buildDemoData({ preset: 'demo', seed: 1, today: TODAY });
const tt = buildTimetables({ ds: demo.ds, units: demo.units, today: TODAY, seed: 1 });
const col = (rows: { columns: Record<string, unknown[]> }, c: string) => rows.columns[c] as any[];

describe('demo timetables', () => {
  it('every teaching group has weekly slots in both terms of the school year, on weekdays 08:10–15:30', () => {
    const teaching = new Set(col(demo.ds.group, 'id').filter((_, i) => demo.ds.group.get(i, 'groupType') === 'teaching'));
    const withSlots = new Set(col(tt.slot, 'groupId'));
    expect([...teaching].every((g) => withSlots.has(g))).toBe(true);
    expect(new Set(col(tt.slot, 'termId')).size).toBe(2);
    expect(col(tt.slot, 'startTime').every((s: string) => s >= '08:10')).toBe(true);
    expect(col(tt.slot, 'endTime').every((s: string) => s <= '15:30')).toBe(true);
    expect(col(tt.lesson, 'lessonDate').every((d: string) => isoWeekday(d) <= 5)).toBe(true);
  });
  it('a pupil never has two lessons at the same time', () => {
    const groupsOf = new Map<string, string[]>();
    for (let i = 0; i < demo.ds.membership.length; i++) {
      const p = demo.ds.membership.get(i, 'personId') as string;
      groupsOf.set(p, [...(groupsOf.get(p) ?? []), demo.ds.membership.get(i, 'groupId') as string]);
    }
    const slotsOf = new Map<string, string[]>();
    const term = col(tt.slot, 'termId')[0];
    for (let i = 0; i < tt.slot.length; i++) {
      if (tt.slot.get(i, 'termId') !== term) continue;
      const g = tt.slot.get(i, 'groupId') as string;
      slotsOf.set(g, [...(slotsOf.get(g) ?? []), `${tt.slot.get(i, 'weekday')} ${tt.slot.get(i, 'startTime')}`]);
    }
    for (const groups of [...groupsOf.values()].slice(0, 400)) {
      const times = groups.flatMap((g) => slotsOf.get(g) ?? []);
      expect(new Set(times).size).toBe(times.length);
    }
  });
  it('the named teacher has lessons every weekday', () => {
    const larare = namedPersonId('larare');
    const groups = new Set(col(demo.ds.groupStaff, 'groupId').filter((_, i) => demo.ds.groupStaff.get(i, 'personId') === larare));
    const days = new Set(col(tt.slot, 'weekday').filter((_, i) => groups.has(tt.slot.get(i, 'groupId') as string)));
    expect([...days].sort()).toEqual([1, 2, 3, 4, 5]);
  });
  it('the absence history follows the validity rule and has a realistic share', () => {
    const valid = col(tt.deviation, 'valid');
    const reports = col(tt.deviation, 'absenceReportId');
    const kinds = col(tt.deviation, 'kind');
    valid.forEach((v, i) => expect(v).toBe(reports[i] !== null && kinds[i] === 'absent'));
    expect(col(tt.deviation, 'occurredOn').every((d: string) => d < TODAY)).toBe(true);
    const pupilLessons = tt.rollCall.length * 24;
    const absent = kinds.filter((k) => k === 'absent').length;
    expect(absent / pupilLessons).toBeGreaterThan(0.03);
    expect(absent / pupilLessons).toBeLessThan(0.12);
    expect(kinds.filter((k) => k === 'late').length).toBeGreaterThan(0);
  });
});
