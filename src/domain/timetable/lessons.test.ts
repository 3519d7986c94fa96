import { describe, expect, it } from 'vitest';
import { adjacentSchoolDay, isoWeekday, isSchoolDay, weekdayDates } from './calendar.js';
import { generateLessons, lessonMinutes, mayRemoveLesson, slotProblem, teachersLessonsOfDay } from './lessons.js';

const ht = { startDate: '2026-08-18', endDate: '2026-12-22' };
const hostlov = { startDate: '2026-10-26', endDate: '2026-10-30' };
const unitDay = { startDate: '2026-09-14', endDate: '2026-09-14' };

describe('school days of a term', () => {
  it('weekdays are numbered Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
  it('a school day is a weekday within the term outside its holidays', () => {
    expect(isSchoolDay('2026-11-23', ht, [])).toBe(true);
    expect(isSchoolDay('2026-11-22', ht, [])).toBe(false);
    expect(isSchoolDay('2026-10-27', ht, [hostlov])).toBe(false);
    expect(isSchoolDay('2026-12-23', ht, [])).toBe(false);
  });
  it('the previous and next school day skip weekends and holidays, and stop at the term', () => {
    expect(adjacentSchoolDay('2026-11-23', -1, ht, [])).toBe('2026-11-20');
    expect(adjacentSchoolDay('2026-10-23', 1, ht, [hostlov])).toBe('2026-11-02');
    expect(adjacentSchoolDay('2026-12-22', 1, ht, [])).toBeNull();
  });
});

describe("generating a term's lessons from weekly slots", () => {
  const monday = { id: 's1', weekday: 1, startTime: '08:10', endTime: '09:10', room: 'B203' };
  it('a slot gives a lesson on every matching weekday of the term', () => {
    const dates = weekdayDates(1, ht, []);
    expect(dates[0]).toBe('2026-08-24');
    expect(dates.at(-1)).toBe('2026-12-21');
    expect(dates.every((d) => isoWeekday(d) === 1)).toBe(true);
    expect(generateLessons([monday], ht, [])).toHaveLength(18);
  });
  it('organiser-wide and unit holidays are skipped', () => {
    const lessons = generateLessons([monday], ht, [hostlov, unitDay]);
    expect(lessons.map((l) => l.date)).not.toContain('2026-10-26');
    expect(lessons.map((l) => l.date)).not.toContain('2026-09-14');
    expect(lessons).toHaveLength(16);
  });
  it('lessons are generated from a given day on (regeneration leaves past days alone)', () => {
    const lessons = generateLessons([monday], ht, [], '2026-11-24');
    expect(lessons[0].date).toBe('2026-11-30');
  });
  it('a lesson keeps the slot\'s times and room and counts its minutes', () => {
    const [first] = generateLessons([{ ...monday, endTime: '09:05:00' }], ht, []);
    expect(first).toMatchObject({ slotId: 's1', startTime: '08:10', endTime: '09:05', minutes: 55, room: 'B203' });
    expect(lessonMinutes('13:00', '14:00')).toBe(60);
  });
});

describe('a new slot beside the others', () => {
  const others = [{ id: 'a', weekday: 2, startTime: '09:00', endTime: '10:00' }];
  it('is on a weekday with a start before its end within the school day', () => {
    expect(slotProblem({ weekday: 6, startTime: '09:00', endTime: '10:00' }, [])).toBe('weekday');
    expect(slotProblem({ weekday: 1, startTime: '10:00', endTime: '09:00' }, [])).toBe('times');
    expect(slotProblem({ weekday: 1, startTime: '06:00', endTime: '07:00' }, [])).toBe('school_hours');
    expect(slotProblem({ weekday: 1, startTime: '08:10', endTime: '09:10' }, [])).toBeNull();
  });
  it('may not overlap another slot of the group on the same day; touching is fine', () => {
    expect(slotProblem({ weekday: 2, startTime: '09:30', endTime: '10:30' }, others)).toBe('overlaps');
    expect(slotProblem({ weekday: 2, startTime: '10:00', endTime: '11:00' }, others)).toBeNull();
    expect(slotProblem({ weekday: 3, startTime: '09:30', endTime: '10:30' }, others)).toBeNull();
  });
});

describe('regenerating lessons when slots change', () => {
  it('future lessons without a roll call are removed; past or reported lessons stay', () => {
    expect(mayRemoveLesson({ date: '2026-11-30', reported: false }, '2026-11-23')).toBe(true);
    expect(mayRemoveLesson({ date: '2026-11-20', reported: false }, '2026-11-23')).toBe(false);
    expect(mayRemoveLesson({ date: '2026-11-30', reported: true }, '2026-11-23')).toBe(false);
  });
});

describe("a teacher's lessons of a day", () => {
  it('are those of the day in the groups they teach, in order of time', () => {
    const lessons = [
      { id: '1', groupId: 'ma', date: '2026-11-23', startTime: '10:00' },
      { id: '2', groupId: 'sv', date: '2026-11-23', startTime: '08:10' },
      { id: '3', groupId: 'ma', date: '2026-11-23', startTime: '08:10' },
      { id: '4', groupId: 'ma', date: '2026-11-24', startTime: '08:10' },
    ];
    expect(teachersLessonsOfDay(lessons, '2026-11-23', new Set(['ma'])).map((l) => l.id)).toEqual(['3', '1']);
  });
});
