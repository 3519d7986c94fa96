export const attendancePath = (date?: string | null) => (date ? `/narvaro?datum=${encodeURIComponent(date)}` : '/narvaro');
export const lessonPath = (lessonId: string) => `/narvaro/lektion/${encodeURIComponent(lessonId)}`;

/** "måndag 2026-11-23": the weekday (from the texts, Monday first) and the date as YYYY-MM-DD. */
export function dayLabel(date: string, weekdays: string[]): string {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return `${weekdays[(d + 6) % 7]} ${date}`;
}
