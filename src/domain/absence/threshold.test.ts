import { describe, expect, it } from 'vitest';
import { highlightReasons } from './threshold.js';
import { sumDeviations } from './sums.js';

const setting = { thresholdPercent: 10, shortAbsenceCount: 3 };
const totals = (absent: number, shorts = 0) => ({ ...sumDeviations([{ kind: 'absent', valid: false, minutes: absent }]), shortCount: shorts });

describe('threshold rule: more than threshold_percent of lesson minutes, or at least short_absence_count lates', () => {
  it('highlights absence over the share', () => {
    expect(highlightReasons(totals(121), 1200, setting)).toEqual(['share']);
  });
  it('exactly the threshold is not over it', () => {
    expect(highlightReasons(totals(120), 1200, setting)).toEqual([]);
  });
  it('highlights repeated short absences even when the share is low', () => {
    expect(highlightReasons(totals(30, 3), 1200, setting)).toEqual(['short_absences']);
    expect(highlightReasons(totals(30, 2), 1200, setting)).toEqual([]);
  });
  it('gives both reasons when both hold', () => {
    expect(highlightReasons(totals(600, 5), 1200, setting)).toEqual(['share', 'short_absences']);
  });
  it('no lessons: no share to exceed', () => {
    expect(highlightReasons(totals(0), 0, setting)).toEqual([]);
  });
});
