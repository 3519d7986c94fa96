// Presentation helpers shared by all pages.

/** Swedish collation (å, ä, ö after z; numbers in natural order). */
export const svCollator = new Intl.Collator('sv', { numeric: true });

export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => svCollator.compare(a.name, b.name));
}

export function sortStrings(items: readonly string[]): string[] {
  return [...items].sort((a, b) => svCollator.compare(a, b));
}

/** Dates are shown as YYYY-MM-DD whatever the UI language. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** School year 0 (förskoleklass) is shown as "F". */
export function formatSchoolYear(year: number | null | undefined): string {
  if (year === null || year === undefined) return '–';
  return year === 0 ? 'F' : String(year);
}

/** Swedish list order of people: family name, then given name. */
export function byPersonName<T extends { givenName: string; familyName: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => svCollator.compare(a.familyName, b.familyName) || svCollator.compare(a.givenName, b.givenName),
  );
}

/** For a display name "Given [Given2] Family": the key "Family Given" so that lists sort by family name. */
export function familyFirst(displayName: string): string {
  const parts = displayName.trim().split(/\s+/);
  return parts.length > 1 ? `${parts[parts.length - 1]} ${parts.slice(0, -1).join(' ')}` : displayName;
}

/** Sorts items with a display name ("Given Family") by family name, then given name. */
export function byDisplayName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => svCollator.compare(familyFirst(a.name), familyFirst(b.name)));
}
