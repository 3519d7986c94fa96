import { benjaminiHochberg, FDR } from './stats.js';

/** A test as the report gives it (src/server/followup/report-schemas.ts Test). */
export interface ReportTest { p: number; q: number; method: string; clear: boolean; direction: 'higher' | 'lower' | null }

/**
 * The family of tests of one report: every test is registered as it is made, then adjusted together
 * (Benjamini–Hochberg) so that only a difference with q < FDR is called clear — and only then does it get a
 * direction. Until `adjust` runs, q = p and nothing is clear.
 */
export class TestFamily {
  private readonly members: { test: ReportTest; direction: 'higher' | 'lower' | null }[] = [];

  add(p: number, method: string, direction: 'higher' | 'lower' | null): ReportTest {
    const test: ReportTest = { p, q: p, method, clear: false, direction: null };
    this.members.push({ test, direction });
    return test;
  }

  get count(): number { return this.members.length; }

  adjust(): void {
    const qs = benjaminiHochberg(this.members.map((m) => m.test.p));
    this.members.forEach((m, i) => {
      m.test.q = qs[i] ?? 1;
      m.test.clear = m.test.q < FDR && m.direction !== null;
      m.test.direction = m.test.clear ? m.direction : null;
    });
  }
}

/** Which way a comparison points, or null when it does not. */
export const directionOf = (difference: number): 'higher' | 'lower' | null => (difference > 0 ? 'higher' : difference < 0 ? 'lower' : null);
