import { generateLessons, type Slot } from '../../../domain/timetable/lessons.js';
import { addDays, isSchoolDay, type Span } from '../../../domain/timetable/calendar.js';
import type { Queryable } from '../../platform/db/database.js';
import { Rows, writeRows } from './bulk.js';
import type { Dataset } from './dataset.js';
import { Rng } from './random.js';
import type { UnitInfo } from './schools.js';
import { currentSchoolYearStart } from './terms.js';

/**
 * Demo timetables and absence history. Every teaching group of years 6–9 (and of anpassad grundskola 6–9)
 * gets weekly slots in both terms of the current school year — a typical Swedish week of 50–60 minute
 * lessons 08:10–15:30, no clash for a class, teachers kept apart where the week allows — and the terms'
 * lessons. For the past days of the current term: roll calls on (nearly) every lesson, and deviations:
 * sick spells reported by a guardian (valid, backed by an absence_report), unreported absence, late
 * arrivals and leaving early (invalid), a few pupils with high absence. Deterministic for seed and today;
 * drawn from a generator of its own so the rest of the demo data is the same as without it.
 */
const PERIODS: readonly (readonly [string, string])[] = [
  ['08:10', '09:10'], ['09:20', '10:20'], ['10:30', '11:30'], ['12:20', '13:20'], ['13:30', '14:30'], ['14:40', '15:30'],
];
/** Lessons a week per subject of a class in years 6–9 (SV and språkval are placed as blocks shared by a pair of classes). */
const WEEKLY: Record<string, number> = { MA: 3, EN: 2, IDH: 2, BI: 1, FY: 1, KE: 1, TK: 1, GE: 1, HI: 1, RE: 1, SH: 1, BL: 1, MU: 1, SL: 1, HKK: 1 };
const GRS_WEEKLY: Record<string, number> = { MA: 4, SV: 4, EN: 2, IDH: 2, BL: 2 };
const SUBJECT_ROOMS: Record<string, string> = { IDH: 'Idrottshallen', SL: 'Slöjdsalen', HKK: 'Hemkunskap', BL: 'Bildsalen', MU: 'Musiksalen', BI: 'NO1', FY: 'NO2', KE: 'NO2', TK: 'NO1' };

export function newTimetableRows() {
  return {
    slot: new Rows('lesson_slot', { id: 'uuid', groupId: 'uuid', termId: 'uuid', weekday: 'int2', startTime: 'time', endTime: 'time', room: 'text' }),
    lesson: new Rows('lesson', { id: 'uuid', groupId: 'uuid', schoolUnitId: 'uuid', slotId: 'uuid', lessonDate: 'date', startTime: 'time', endTime: 'time', minutes: 'int2', room: 'text' }),
    report: new Rows('absence_report', { id: 'uuid', pupilId: 'uuid', reportedBy: 'uuid', reporterRole: 'text', fromDate: 'date', toDate: 'date', createdAt: 'timestamptz' }),
    rollCall: new Rows('roll_call', { lessonId: 'uuid', reportedBy: 'uuid', reportedAt: 'timestamptz', updatedAt: 'timestamptz' }),
    deviation: new Rows('attendance_deviation', {
      id: 'uuid', pupilId: 'uuid', occurredOn: 'date', kind: 'text', minutes: 'int4', valid: 'bool', subjectCode: 'text', groupId: 'uuid',
      lessonId: 'uuid', absenceReportId: 'uuid', recordedBy: 'uuid', recordedAt: 'timestamptz',
    }),
  };
}
export type TimetableRows = ReturnType<typeof newTimetableRows>;

interface PlacedSlot { groupId: string; subject: string; weekday: number; period: number; room: string }

/** One week of slots per unit: pair blocks (SV/SVA and språkval at the same time for both classes of a pair), then the rest greedily. */
function weekOf(rng: Rng, unit: UnitInfo, teachersOf: Map<string, string[]>): PlacedSlot[] {
  const placed: PlacedSlot[] = [];
  const teacherBusy = new Set<string>();
  const teacherDay = new Map<string, number>(); // teacher|day → lessons that day (a teacher's week is spread over the days)
  const load = (groupId: string, day: number) => (teachersOf.get(groupId) ?? []).reduce((n, t) => n + (teacherDay.get(`${t}|${day}`) ?? 0), 0);
  const busy = (groupId: string, day: number, period: number) => (teachersOf.get(groupId) ?? []).some((t) => teacherBusy.has(`${t}|${day}|${period}`));
  const groupDays = new Set<string>();
  const take = (groupId: string, subject: string, day: number, period: number, room: string) => {
    placed.push({ groupId, subject, weekday: day + 1, period, room });
    groupDays.add(`${groupId}|${day}`);
    for (const t of teachersOf.get(groupId) ?? []) {
      teacherBusy.add(`${t}|${day}|${period}`);
      teacherDay.set(`${t}|${day}`, (teacherDay.get(`${t}|${day}`) ?? 0) + 1);
    }
  };
  const pairsDone = new Set<string>();
  unit.classes.forEach((c, ci) => {
    if (!c.subjectGroups.size) return;
    const classBusy = new Set<string>();
    const homeRoom = c.year === null ? 'A101' : `${'ABCD'[c.year - 6]}2${String(ci % 20).padStart(2, '0')}`;
    const hold = (day: number, period: number) => classBusy.add(`${day}|${period}`);
    let weekly = GRS_WEEKLY;
    if (c.form === 'GR' && c.year !== null) {
      weekly = WEEKLY;
      const y = c.year;
      const svDays = [y % 5, (y + 2) % 5, (y + 4) % 5];
      const langDays = [(y + 1) % 5, (y + 3) % 5];
      for (const d of svDays) { hold(d, y % 3); take(c.subjectGroups.get('SV')!, 'SV', d, y % 3, homeRoom); }
      for (const d of langDays) hold(d, 4);
      if (!pairsDone.has(c.pair)) {
        pairsDone.add(c.pair);
        const sva = unit.pairGroups.get(`${c.pair}:SVA`);
        if (sva) for (const d of svDays) take(sva, 'SVA', d, y % 3, `S1${String(y)}${ci % 10}`);
        ['M2SPA', 'M2TYS', 'M2FRA'].forEach((s, i) => {
          const gid = unit.pairGroups.get(`${c.pair}:${s}`);
          if (gid) for (const d of langDays) take(gid, s, d, 4, `S2${i}${ci % 10}`);
        });
      }
    }
    const wanted = rng.shuffle(Object.entries(weekly).flatMap(([s, n]) => Array.from({ length: n }, () => s)))
      .sort((a, b) => weekly[b] - weekly[a]);
    const slots = rng.shuffle(Array.from({ length: 5 * PERIODS.length }, (_, i) => [Math.floor(i / PERIODS.length), i % PERIODS.length] as const))
      .sort((a, b) => a[1] - b[1]); // fill mornings first: the day ends early when the week is not full
    for (const subject of wanted) {
      const gid = c.subjectGroups.get(subject);
      if (!gid) continue;
      const free = slots.filter(([d, p]) => !classBusy.has(`${d}|${p}`) && !groupDays.has(`${gid}|${d}`));
      const open = free.filter(([d, p]) => !busy(gid, d, p));
      const least = Math.min(...open.map(([d]) => load(gid, d)));
      const pick = open.find(([d]) => load(gid, d) === least) ?? free[0] ?? slots.find(([d, p]) => !classBusy.has(`${d}|${p}`));
      if (!pick) break;
      hold(pick[0], pick[1]);
      take(gid, subject, pick[0], pick[1], SUBJECT_ROOMS[subject] ?? homeRoom);
    }
  });
  return placed;
}

/** Ids in ascending order (a counter in front, random behind): the many lesson and deviation rows are then
 *  appended to their primary-key index instead of being scattered over it, which keeps the seed fast. */
function ascendingIds(rng: Rng, tag: number) {
  let n = 0;
  return () => {
    const c = (tag * 2 ** 40 + n++).toString(16).padStart(12, '0');
    const r = rng.uuid();
    return `${c.slice(0, 8)}-${c.slice(8, 12)}-${r.slice(14)}`;
  };
}

export interface TimetableOptions { ds: Dataset; units: UnitInfo[]; today: string; seed?: number }

export function buildTimetables(opts: TimetableOptions): TimetableRows {
  const { ds, units, today } = opts;
  const rng = new Rng(((opts.seed ?? 1) * 7919 + 17) >>> 0);
  const out = newTimetableRows();
  const lessonId = ascendingIds(rng, 1);
  const col = <T>(rows: Rows<any>, c: string) => rows.columns[c] as T[];

  // the current school year's terms
  const label = `${currentSchoolYearStart(today)}/${currentSchoolYearStart(today) + 1}`;
  const terms: (Span & { id: string })[] = [];
  for (let i = 0; i < ds.term.length; i++) {
    if (ds.term.get(i, 'schoolYear') === label) terms.push({ id: ds.term.get(i, 'id') as string, startDate: ds.term.get(i, 'startDate') as string, endDate: ds.term.get(i, 'endDate') as string });
  }
  const teachersOf = new Map<string, string[]>();
  const [gsGroup, gsPerson, gsKind] = [col<string>(ds.groupStaff, 'groupId'), col<string>(ds.groupStaff, 'personId'), col<string>(ds.groupStaff, 'assignment')];
  for (let i = 0; i < ds.groupStaff.length; i++) if (gsKind[i] === 'teacher') teachersOf.set(gsGroup[i], [...(teachersOf.get(gsGroup[i]) ?? []), gsPerson[i]]);

  // weekly slots → lessons of both terms
  const lessonsByDay = new Map<string, { id: string; groupId: string; subject: string; minutes: number; endTime: string }[]>();
  const current = terms.find((t) => t.startDate <= today && today <= t.endDate);
  for (const unit of units) {
    const week = weekOf(rng, unit, teachersOf);
    for (const term of terms) {
      for (const p of week) {
        const slot: Slot = { id: rng.uuid(), weekday: p.weekday, startTime: PERIODS[p.period][0], endTime: PERIODS[p.period][1], room: p.room };
        out.slot.add({ id: slot.id, groupId: p.groupId, termId: term.id, weekday: slot.weekday, startTime: slot.startTime, endTime: slot.endTime, room: slot.room });
        for (const l of generateLessons([slot], term, [])) {
          const id = lessonId();
          out.lesson.add({ id, groupId: p.groupId, schoolUnitId: unit.id, slotId: slot.id, lessonDate: l.date, startTime: l.startTime, endTime: l.endTime, minutes: l.minutes, room: l.room });
          if (term === current && l.date < today) {
            const list = lessonsByDay.get(l.date) ?? [];
            list.push({ id, groupId: p.groupId, subject: p.subject, minutes: l.minutes, endTime: l.endTime });
            lessonsByDay.set(l.date, list);
          }
        }
      }
    }
  }
  if (current) addHistory(rng, out, ds, current, today, lessonsByDay, teachersOf);
  return out;
}

/** Roll calls and deviations on the past lessons of the current term, and guardians' reports of sick spells
 *  (also a few for the next school day, so a teacher sees reported absence on a lesson). */
function addHistory(rng: Rng, out: TimetableRows, ds: Dataset, term: Span, today: string,
  lessonsByDay: Map<string, { id: string; groupId: string; subject: string; minutes: number; endTime: string }[]>, teachersOf: Map<string, string[]>) {
  const members = new Map<string, { pupil: string; start: string; end: string | null }[]>();
  const [mGroup, mPerson, mStart, mEnd] = (['groupId', 'personId', 'startDate', 'endDate'] as const).map((c) => ds.membership.columns[c] as (string | null)[]);
  const teachingGroups = new Set<string>(teachersOf.keys());
  for (let i = 0; i < ds.membership.length; i++) {
    if (!teachingGroups.has(mGroup[i]!)) continue;
    const list = members.get(mGroup[i]!) ?? [];
    list.push({ pupil: mPerson[i]!, start: mStart[i]!, end: mEnd[i] });
    members.set(mGroup[i]!, list);
  }
  const guardianOf = new Map<string, string>();
  for (let i = 0; i < ds.guardianship.length; i++) {
    const child = ds.guardianship.get(i, 'childId') as string;
    if (!guardianOf.has(child)) guardianOf.set(child, ds.guardianship.get(i, 'guardianId') as string);
  }
  const pupils = [...new Set([...members.values()].flat().map((m) => m.pupil))];
  const high = new Set(pupils.filter(() => rng.chance(0.04)));
  // a few pupils are often late; most are late now and then (a couple of times a term)
  const oftenLate = new Set(pupils.filter((p) => !high.has(p) && rng.chance(0.08)));
  const days = [...lessonsByDay.keys()].sort();
  let next = today;
  while (next <= term.endDate && !isSchoolDay(next, term, [])) next = addDays(next, 1);

  // sick spells reported by a guardian: 1–3 school days, whole days
  const sick = new Map<string, Map<string, string>>(); // day → pupil → report id
  const at = (day: string, time: string) => `${day} ${time} Europe/Stockholm`;
  for (const pupil of pupils) {
    const guardian = guardianOf.get(pupil);
    if (!guardian) continue;
    const p = high.has(pupil) ? 0.07 : 0.02;
    for (let i = 0; i < days.length; i++) {
      if (!rng.chance(p)) continue;
      const len = Math.min(days.length - i, rng.weighted([[1, 5], [2, 3], [3, 2]] as const));
      const id = rng.uuid();
      out.report.add({ id, pupilId: pupil, reportedBy: guardian, reporterRole: 'guardian', fromDate: days[i], toDate: days[i + len - 1], createdAt: at(days[i], '07:25') });
      for (let k = 0; k < len; k++) {
        const byPupil = sick.get(days[i + k]) ?? new Map<string, string>();
        byPupil.set(pupil, id);
        sick.set(days[i + k], byPupil);
      }
      i += len;
    }
    if (next <= term.endDate && rng.chance(0.015)) {
      out.report.add({ id: rng.uuid(), pupilId: pupil, reportedBy: guardian, reporterRole: 'guardian', fromDate: next, toDate: next, createdAt: at(today, '07:10') });
    }
  }

  const deviationId = ascendingIds(rng, 2);
  for (const day of days) {
    const sickToday = sick.get(day) ?? new Map<string, string>();
    for (const l of lessonsByDay.get(day)!.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (rng.chance(0.02)) continue; // a few past lessons were never reported
      const teacher = (teachersOf.get(l.groupId) ?? [])[0];
      if (!teacher) continue;
      const reportedAt = at(day, l.endTime);
      out.rollCall.add({ lessonId: l.id, reportedBy: teacher, reportedAt, updatedAt: reportedAt });
      for (const m of members.get(l.groupId) ?? []) {
        if (m.start > day || (m.end !== null && m.end < day)) continue;
        const report = sickToday.get(m.pupil);
        // chances per lesson: unreported absence, late arrival, leaving early (cumulative)
        const [absent, late, leftEarly] = high.has(m.pupil) ? [0.07, 0.11, 0.13] : oftenLate.has(m.pupil) ? [0.004, 0.034, 0.036] : [0.003, 0.007, 0.009];
        const r = rng.next();
        let kind: string | null = null;
        let minutes = l.minutes;
        if (report) kind = 'absent';
        else if (r < absent) kind = 'absent';
        else if (r < late) { kind = 'late'; minutes = Math.min(l.minutes, rng.int(3, 20)); }
        else if (r < leftEarly) { kind = 'left_early'; minutes = Math.min(l.minutes, rng.int(5, 30)); }
        if (!kind) continue;
        out.deviation.add({
          id: deviationId(), pupilId: m.pupil, occurredOn: day, kind, minutes, valid: !!report, subjectCode: l.subject, groupId: l.groupId,
          lessonId: l.id, absenceReportId: report ?? null, recordedBy: teacher, recordedAt: reportedAt,
        });
      }
    }
  }
}

/** Writes the timetables and history (one set-based statement per chunk and table). */
export async function writeTimetables(q: Pick<Queryable, 'execute'>, organiserId: string, rows: TimetableRows, lap?: (what: string) => void) {
  for (const r of [rows.slot, rows.lesson, rows.report, rows.rollCall, rows.deviation]) {
    await writeRows(q, organiserId, r as Rows<string>);
    lap?.(`wrote ${r.length} ${r.table}`);
  }
}
