/**
 * The rows of a relation (enrolments of a person, members of a group, teachers of a group) made equal to what
 * the source says: matched by a key, compared, and what the source no longer lists is ended. Pure.
 */
export interface Reconciled<D, E> { create: D[]; update: { want: D; have: E }[]; unchanged: number; missing: E[] }

export function reconcile<D, E>(want: D[], have: E[], keyOfWant: (d: D) => string, keyOfHave: (e: E) => string, same: (d: D, e: E) => boolean): Reconciled<D, E> {
  const byKey = new Map<string, E>();
  for (const e of have) byKey.set(keyOfHave(e), e);
  const out: Reconciled<D, E> = { create: [], update: [], unchanged: 0, missing: [] };
  const seen = new Set<string>();
  for (const d of want) {
    const k = keyOfWant(d);
    if (seen.has(k)) continue;
    seen.add(k);
    const e = byKey.get(k);
    if (!e) out.create.push(d);
    else if (same(d, e)) out.unchanged++;
    else out.update.push({ want: d, have: e });
  }
  for (const [k, e] of byKey) if (!seen.has(k)) out.missing.push(e);
  return out;
}

/** The day a relation the source no longer lists ends: today, but never before it started. */
export const endDayOf = (startDate: string, today: string) => (startDate > today ? startDate : today);
