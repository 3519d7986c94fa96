/**
 * The same-day notice to guardians when their child is absent without a valid reason (DOMAIN.md §5). It says
 * only what they need: the child's first name, the day, the lessons (subject and time), that the absence is
 * registered as invalid (ogiltig frånvaro), and whom to contact. Nothing else about the child or the class.
 */
export const SAME_DAY_KIND = 'absence.same_day';

export interface AbsentLesson { subject: string | null; startTime: string; endTime: string }
export interface SchoolContact { unitName: string; phone: string | null; email: string | null; mentor: string | null }

export interface NoticeText { title: string; body: string }

const hm = (t: string) => t.slice(0, 5);

/** The lessons in time order, "Matematik 08:10–09:00". */
export function lessonLines(lessons: readonly AbsentLesson[]): string[] {
  return [...lessons].sort((a, b) => a.startTime.localeCompare(b.startTime))
    .map((l) => `${l.subject ?? 'Lektion'} ${hm(l.startTime)}–${hm(l.endTime)}`);
}

export function contactLine(c: SchoolContact): string {
  const ways = [c.phone, c.email].filter((x): x is string => !!x);
  const school = ways.length ? `${c.unitName} (${ways.join(', ')})` : c.unitName;
  return c.mentor ? `Kontakta mentor ${c.mentor} eller ${school}.` : `Kontakta ${school}.`;
}

export function sameDayNoticeText(childFirstName: string, day: string, lessons: readonly AbsentLesson[], contact: SchoolContact): NoticeText {
  const lines = lessonLines(lessons);
  const body = [
    `${childFirstName} är registrerad med ogiltig frånvaro (frånvaro utan anmälan) ${day}:`,
    ...lines.map((l) => `– ${l}`),
    '',
    `Om frånvaron har ett giltigt skäl, anmäl den i Lärka eller hör av dig till skolan. ${contactLine(contact)}`,
  ].join('\n');
  return { title: 'Frånvaro utan anmälan idag', body };
}
