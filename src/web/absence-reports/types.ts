// Shapes of /api/absence-reports as the server sends them.

export interface ReportWindow { from: string; to: string }

export interface ReportablePupil { id: string; name: string; unitName: string | null; className: string | null; window: ReportWindow; mayReport: boolean }

export interface AbsenceReport {
  id: string; pupilId: string; fromDate: string; toDate: string; fromTime: string | null; toTime: string | null;
  reporterRole: 'guardian' | 'pupil' | 'staff'; reportedByName: string; createdAt: string;
  withdrawn: boolean; withdrawnAt: string | null; withdrawnByName: string | null; version: number; mayWithdraw: boolean;
}

export interface ReportList {
  pupil: { id: string; name: string; className: string | null; unitName: string | null };
  today: string; window: ReportWindow; mayReport: boolean; reports: AbsenceReport[];
}

export interface NewReport { pupilId: string; fromDate: string; toDate: string; fromTime: string | null; toTime: string | null }

export interface ReportCreated { outcome: 'new' | 'merged' | 'already_covered'; report: AbsenceReport; lessonsMadeValid: number }

export const reportAbsencePath = '/anmal-franvaro';

export const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
export const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/** "2026-11-19", "2026-11-19 – 2026-11-20" or "2026-11-19 08:00–10:00". */
export function spanText(s: Pick<AbsenceReport, 'fromDate' | 'toDate' | 'fromTime' | 'toTime'>): string {
  if (s.fromTime && s.toTime) return `${s.fromDate} ${s.fromTime}–${s.toTime}`;
  return s.fromDate === s.toDate ? s.fromDate : `${s.fromDate} – ${s.toDate}`;
}

const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A moment as Swedish time, "2026-11-18 10:05". */
export const formatStamp = (iso: string) => stamp.format(new Date(iso));
