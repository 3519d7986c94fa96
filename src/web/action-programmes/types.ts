export type ProgrammeStatus = 'investigation' | 'no_programme' | 'programme' | 'evaluated';
export type ProgrammeDecision = 'programme' | 'no_programme';

export interface ProgrammeSummary {
  id: string; pupilId: string; givenName: string; familyName: string; className: string | null;
  schoolUnitId: string; unitName: string; status: ProgrammeStatus;
  investigationReason: string; investigationStartedOn: string; investigationFindings: string; investigatedBy: string;
  decision: ProgrammeDecision | null; decisionReason: string | null; decidedBy: string | null; decidedOn: string | null;
  needs: string; evaluateBy: string | null; evaluation: string | null; evaluatedOn: string | null;
  guardiansInformedOn: string | null; sharedAt: string | null; version: number; nextFollowUp: string | null;
  attention?: 'decision' | 'evaluation' | 'follow_up' | null;
}

export interface Measure {
  id: string; measure: string; responsibleId: string; responsible: string; followUpOn: string;
  followUpNote: string | null; followedUpOn: string | null; mayFollowUp: boolean;
}

export interface ProgrammeCase extends ProgrammeSummary {
  today: string;
  measures: Measure[];
  may: { edit: boolean; decide: boolean; manage: boolean; evaluate: boolean };
  decidedByDelegate: boolean;
  responsibleOptions: { id: string; name: string }[];
}

export interface PupilProgrammes {
  pupil: { id: string; givenName: string; familyName: string };
  today: string;
  mayStart: boolean;
  programmes: ProgrammeSummary[];
}

export interface SupportDeadline {
  kind: 'measure_follow_up' | 'programme_evaluation' | 'adaptation_follow_up' | 'followup_measure';
  id: string; due: string; overdue: boolean;
  /** Null for a measure of the follow-up of grades. */
  pupil: { id: string; givenName: string; familyName: string } | null;
  text: string | null; programmeId: string | null;
}
