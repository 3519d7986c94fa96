/** When an incremental run asks from: the last succeeded run's start for the same source, less an overlap. Pure. */

/** Entities modified a little before the last run started may have been missed by it (clocks, transactions
 *  committing late): the next run asks from this much earlier. Writing is idempotent, so overlap is harmless. */
export const OVERLAP_MS = 5 * 60_000;

/** meta.modified.after of a run: null (a full run) when asked for or when no run of this source succeeded. */
export function sinceOf(lastSucceededStart: Date | null, full: boolean): Date | null {
  if (full || !lastSucceededStart) return null;
  return new Date(lastSucceededStart.getTime() - OVERLAP_MS);
}

/** The source's base URL as we key runs and links by it: no trailing slash, no /v2. */
export function normaliseSourceUrl(url: string): string {
  const u = new URL(url.trim());
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('The address must start with http:// or https://');
  return `${u.origin}${u.pathname.replace(/\/+$/, '').replace(/\/v2$/, '')}`;
}
