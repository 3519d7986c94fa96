/**
 * Statistical disclosure control (DOMAIN.md §7): a figure based on fewer than 10 pupils is shown as "..",
 * and no figure may let such a group be recovered by subtraction; no data at all is ".".
 */
export const MIN_PUPILS = 10;

/** A published figure: a number, ".." (hidden: too few pupils, or it would reveal a hidden part), "." (no data). */
export type Figure = number | '..' | '.';

/**
 * Which parts of a whole must be hidden. `counts` are the pupil counts of ALL parts of the whole (also parts
 * not displayed, e.g. pupils of unknown sex), `wholeShown` whether the whole's figures are shown. Hidden:
 * every part with 0 < n < MIN_PUPILS; then, while the whole is shown and exactly one non-empty part is
 * hidden, also the smallest other non-empty part (so that whole − shown parts never reveals a hidden part).
 * Empty parts (n = 0) are never hidden (they are ".").
 */
export function hiddenParts(counts: readonly number[], wholeShown: boolean): boolean[] {
  counts.forEach((n) => { if (!Number.isInteger(n) || n < 0) throw new RangeError(`a pupil count must be a whole number ≥ 0, got ${n}`); });
  const hidden = counts.map((n) => n > 0 && n < MIN_PUPILS);
  const hiddenCount = () => hidden.filter(Boolean).length;
  while (wholeShown && hiddenCount() === 1) {
    let smallest = -1;
    counts.forEach((n, i) => { if (n > 0 && !hidden[i] && (smallest < 0 || n < counts[smallest])) smallest = i; });
    if (smallest < 0) break;
    hidden[smallest] = true;
  }
  return hidden;
}

/** The figure to show: "." when n = 0 or value is null, ".." when hidden or n < MIN_PUPILS, else the value. */
export function figure(value: number | null, n: number, hidden = false): Figure {
  if (n === 0 || value === null) return '.';
  if (hidden || n < MIN_PUPILS) return '..';
  return value;
}
