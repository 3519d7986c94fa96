// The absence API's answers, as the pages use them.
export type DeviationReason = 'reported_guardian' | 'reported_pupil' | 'reported_staff' | 'leave' | 'unreported' | 'late' | 'left_early';
export interface Totals { validMinutes: number; invalidMinutes: number; absentMinutes: number; shortCount: number }
export interface Share { lessonMinutes: number; share: number | null }

export interface PupilAbsence {
  pupil: { id: string; givenName: string; familyName: string };
  from: string; to: string;
  totals: Totals & Share;
  subjects: (Totals & Share & { subjectCode: string | null; subjectName: string | null })[];
  terms: (Totals & { id: string; kind: 'HT' | 'VT'; schoolYear: string; startDate: string; endDate: string })[];
  deviations: { id: string; date: string; kind: 'absent' | 'late' | 'left_early'; minutes: number; valid: boolean; reason: DeviationReason;
    subjectCode: string | null; subjectName: string | null; groupName: string | null; startTime: string | null; endTime: string | null }[];
}

export interface WeekRef { monday: string; week: number; key: string }
export interface WeekCell { lessonMinutes: number; absentMinutes: number; share: number | null }
export interface OverviewPupil extends Totals, Share {
  id: string; givenName: string; familyName: string; className: string | null;
  highlighted: boolean; reasons: ('share' | 'short_absences')[]; investigationId: string | null;
  /** One cell per week of the overview's `weeks`, in order. */
  weeks: WeekCell[];
}
export interface AbsenceOverview {
  today: string; from: string; to: string; group: { id: string; name: string } | null;
  groups: { id: string; name: string; type: 'class' | 'mentor' }[];
  threshold: { thresholdPercent: number; shortAbsenceCount: number };
  weeks: WeekRef[];
  pupils: OverviewPupil[];
}

export interface AbsenceSettings {
  reportDaysAhead: number; reportDaysBack: number; pupilMayReport: boolean;
  thresholdPercent: number; shortAbsenceCount: number; sameDayNotice: boolean; version: number;
}

export type EntryKind = 'contact' | 'measure' | 'follow_up' | 'note';
export interface InvestigationSummary {
  id: string; pupilId: string; givenName: string; familyName: string; className: string | null; openedOn: string; openedBy: string;
  reason: string; status: 'open' | 'closed'; closedOn: string | null; conclusion: string | null; version: number; nextFollowUp: string | null;
}
export interface InvestigationList { today: string; mayOpen: boolean; investigations: (InvestigationSummary & { entryCount: number })[] }
export interface Investigation extends InvestigationSummary {
  mayManage: boolean;
  entries: { id: string; kind: EntryKind; occurredOn: string; followUpOn: string | null; text: string; author: string; createdAt: string }[];
}
