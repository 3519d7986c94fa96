import { describe, expect, it } from 'vitest';
import { entryProblem, followUpDue, investigationOrder, nextFollowUp } from './investigation.js';

describe('the next follow-up of an investigation: a measure not yet followed up', () => {
  it('is the earliest follow-up date of the measures without a later follow-up', () => {
    expect(nextFollowUp([
      { kind: 'measure', occurredOn: '2026-10-01', followUpOn: '2026-10-15', seq: 1 },
      { kind: 'follow_up', occurredOn: '2026-10-15', followUpOn: null, seq: 2 },
      { kind: 'measure', occurredOn: '2026-11-01', followUpOn: '2026-11-20', seq: 3 },
      { kind: 'contact', occurredOn: '2026-11-02', followUpOn: null, seq: 4 },
    ])).toBe('2026-11-20');
  });
  it('none when every measure is followed up', () => {
    expect(nextFollowUp([{ kind: 'measure', occurredOn: '2026-10-01', followUpOn: '2026-10-15', seq: 1 }, { kind: 'follow_up', occurredOn: '2026-10-14', followUpOn: null, seq: 2 }])).toBeNull();
  });
  it('is due on its day and after', () => {
    expect(followUpDue('2026-11-20', '2026-11-20')).toBe(true);
    expect(followUpDue('2026-11-21', '2026-11-20')).toBe(false);
    expect(followUpDue(null, '2026-11-20')).toBe(false);
  });
});

describe('the list: open first, follow-ups due first, then the most recently opened', () => {
  it('orders', () => {
    const list = [
      { id: 'closed', status: 'closed' as const, openedOn: '2026-11-10', nextFollowUp: null },
      { id: 'recent', status: 'open' as const, openedOn: '2026-11-05', nextFollowUp: '2026-12-01' },
      { id: 'due', status: 'open' as const, openedOn: '2026-09-01', nextFollowUp: '2026-11-19' },
      { id: 'old', status: 'open' as const, openedOn: '2026-10-01', nextFollowUp: null },
    ].sort(investigationOrder('2026-11-20'));
    expect(list.map((i) => i.id)).toEqual(['due', 'recent', 'old', 'closed']);
  });
});

describe('an entry is refused when the investigation is closed or the follow-up date does not fit', () => {
  it('a measure needs a follow-up date on or after it', () => {
    expect(entryProblem('open', { kind: 'measure', occurredOn: '2026-11-20', followUpOn: null })).toBe('follow_up_date_required');
    expect(entryProblem('open', { kind: 'measure', occurredOn: '2026-11-20', followUpOn: '2026-11-19' })).toBe('follow_up_date_before_measure');
    expect(entryProblem('open', { kind: 'measure', occurredOn: '2026-11-20', followUpOn: '2026-12-01' })).toBeNull();
  });
  it('only a measure has a follow-up date', () => {
    expect(entryProblem('open', { kind: 'contact', occurredOn: '2026-11-20', followUpOn: '2026-12-01' })).toBe('follow_up_date_only_for_measures');
  });
  it('a closed investigation takes no entries', () => {
    expect(entryProblem('closed', { kind: 'note', occurredOn: '2026-11-20', followUpOn: null })).toBe('closed');
  });
});
