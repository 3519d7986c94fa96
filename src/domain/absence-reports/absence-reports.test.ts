import { describe, expect, it } from 'vitest';
import { mergeReport, spansTouch, type StoredSpan } from './merge.js';
import { reporterProblem } from './reporter.js';
import { addDays, spanProblem, type ReportSpan } from './span.js';
import { reportWindow, windowProblem } from './window.js';
import { withdrawal } from './withdrawal.js';

const TODAY = '2026-11-18';
const whole = (fromDate: string, toDate = fromDate): ReportSpan => ({ fromDate, toDate, fromTime: null, toTime: null });
const part = (date: string, fromTime: string, toTime: string): ReportSpan => ({ fromDate: date, toDate: date, fromTime, toTime });
const stored = (id: string, s: ReportSpan): StoredSpan => ({ id, ...s });

describe('the reporting window of the unit', () => {
  it('by default a report may not go backwards in time and reaches two weeks ahead', () => {
    expect(reportWindow(null, TODAY)).toEqual({ from: TODAY, to: '2026-12-02' });
    expect(windowProblem(whole('2026-11-17'), reportWindow(null, TODAY))).toBe('before_window');
    expect(windowProblem(whole(TODAY), reportWindow(null, TODAY))).toBeNull();
  });
  it('a unit that allows days back accepts them, and refuses days after its last day ahead', () => {
    const w = reportWindow({ reportDaysBack: 2, reportDaysAhead: 0 }, TODAY);
    expect(windowProblem(whole('2026-11-16'), w)).toBeNull();
    expect(windowProblem(whole('2026-11-15'), w)).toBe('before_window');
    expect(windowProblem(whole(TODAY, '2026-11-19'), w)).toBe('after_window');
  });
  it('days are counted over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('a report is whole days or part of one day', () => {
  it('whole days need no times', () => expect(spanProblem(whole(TODAY, '2026-11-20'))).toBeNull());
  it('part of a day has both times, the start before the end', () => {
    expect(spanProblem(part(TODAY, '08:00', '10:00'))).toBeNull();
    expect(spanProblem({ ...whole(TODAY), fromTime: '08:00' })).toBe('times_incomplete');
    expect(spanProblem(part(TODAY, '10:00', '10:00'))).toBe('times_reversed');
  });
  it('part of a day lies on one date', () => expect(spanProblem({ ...part(TODAY, '08:00', '10:00'), toDate: '2026-11-19' })).toBe('part_day_spans_days'));
  it('the last day is not before the first', () => expect(spanProblem(whole('2026-11-19', TODAY))).toBe('dates_reversed'));
});

describe('overlapping reports of the same pupil merge', () => {
  it('a report touching nothing stands alone', () => {
    expect(mergeReport([stored('a', whole('2026-11-25'))], whole(TODAY))).toMatchObject({ outcome: 'new', absorbed: [] });
  });
  it('same or adjoining days merge into one span', () => {
    const r = mergeReport([stored('a', whole(TODAY, '2026-11-19'))], whole('2026-11-20', '2026-11-21'));
    expect(r).toEqual({ outcome: 'merged', span: whole(TODAY, '2026-11-21'), absorbed: ['a'], keepId: 'a' });
  });
  it('a day between two reports joins them all into one, the oldest kept', () => {
    const r = mergeReport([stored('a', whole(TODAY)), stored('b', whole('2026-11-20'))], whole('2026-11-19'));
    expect(r).toEqual({ outcome: 'merged', span: whole(TODAY, '2026-11-20'), absorbed: ['a', 'b'], keepId: 'a' });
  });
  it('a day apart from another report does not merge with it', () => {
    expect(spansTouch(whole(TODAY), whole('2026-11-20'))).toBe(false);
  });
  it('parts of the same day merge into their union when they overlap or meet', () => {
    const r = mergeReport([stored('a', part(TODAY, '08:00', '10:00'))], part(TODAY, '09:30', '11:00'));
    expect(r).toMatchObject({ outcome: 'merged', span: part(TODAY, '08:00', '11:00') });
    expect(mergeReport([stored('a', part(TODAY, '08:00', '10:00'))], part(TODAY, '10:00', '11:00')).span).toEqual(part(TODAY, '08:00', '11:00'));
  });
  it('parts of a day with time between them stay two reports (no lesson in between is reported)', () => {
    expect(mergeReport([stored('a', part(TODAY, '08:00', '09:00'))], part(TODAY, '13:00', '14:00')).outcome).toBe('new');
  });
  it('a whole day absorbs the part-day reports of that day', () => {
    const r = mergeReport([stored('a', part(TODAY, '08:00', '09:00')), stored('b', part(TODAY, '13:00', '14:00'))], whole(TODAY));
    expect(r).toEqual({ outcome: 'merged', span: whole(TODAY), absorbed: ['a', 'b'], keepId: 'a' });
  });
  it('a part of a day already reported whole is already covered', () => {
    expect(mergeReport([stored('a', whole(TODAY, '2026-11-19'))], part('2026-11-19', '08:00', '09:00')))
      .toEqual({ outcome: 'already_covered', span: whole(TODAY, '2026-11-19'), absorbed: ['a'], keepId: 'a' });
  });
  it('a part of a day next to a whole-day report does not merge with it', () => {
    expect(mergeReport([stored('a', whole(TODAY))], part('2026-11-19', '08:00', '09:00')).outcome).toBe('new');
  });
});

describe('who may report', () => {
  it('a guardian and staff may report', () => {
    expect(reporterProblem('guardian', false)).toBeNull();
    expect(reporterProblem('teacher', false)).toBeNull();
    expect(reporterProblem('administrator', false)).toBeNull();
  });
  it('a pupil reports own absence only when the unit allows it', () => {
    expect(reporterProblem('pupil', false)).toBe('pupil_may_not_report');
    expect(reporterProblem('pupil', true)).toBeNull();
  });
  it('an analyst may not report', () => expect(reporterProblem('analyst', true)).toBe('role_may_not_report'));
});

describe('withdrawing a report takes back only today and coming days', () => {
  it('a report from today on is withdrawn entirely', () => expect(withdrawal(whole(TODAY, '2026-11-20'), TODAY)).toEqual({ kind: 'whole' }));
  it('a report begun before today keeps its past days', () => {
    expect(withdrawal(whole('2026-11-16', '2026-11-20'), TODAY)).toEqual({ kind: 'from_today', keptToDate: '2026-11-17' });
  });
  it('a report wholly in the past cannot be withdrawn', () => expect(withdrawal(whole('2026-11-16', '2026-11-17'), TODAY)).toEqual({ kind: 'past' }));
});
