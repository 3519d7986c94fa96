/** Small helpers the SS 12000 mappings share: stored text, dates, and the mapped result. Pure. */
import type { Mapped, Rejection } from './records.js';

export const ok = <T>(value: T, warnings: Rejection[] = []): Mapped<T> => ({ ok: true, value, warnings });
export const reject = (type: string, id: string, reason: string): Mapped<never> => ({ ok: false, rejection: { type, id, reason } });

/** Text as we store it: trimmed, inner white space collapsed, at most 200 characters; empty → null. */
export function textOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().replace(/\s+/g, ' ');
  return s === '' ? null : s.slice(0, 200);
}

/** A calendar date YYYY-MM-DD (a date-time is cut to its date); anything else → null. */
export function dateOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
