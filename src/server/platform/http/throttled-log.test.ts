import { describe, expect, it } from 'vitest';
import { throttledLog } from './throttled-log.js';

describe('a log line that repeats', () => {
  it('is written once, then at most once per interval, with how many were left out', () => {
    let now = 0;
    const lines: number[] = [];
    const log = throttledLog(5_000, () => now);
    for (let i = 0; i < 700; i++) { log((leftOut) => lines.push(leftOut)); now += 5; } // 700 in 3.5 s
    expect(lines).toEqual([0]);
    now = 5_000;
    log((leftOut) => lines.push(leftOut));
    expect(lines).toEqual([0, 699]);
    now = 20_000;
    log((leftOut) => lines.push(leftOut));
    expect(lines).toEqual([0, 699, 0]);
  });
});
