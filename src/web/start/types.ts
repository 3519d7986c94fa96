// GET /api/start: what the start page shows, per current role (discriminated by kind).

export interface Ref {
  id: string;
  name: string;
}
export interface Subject {
  code: string;
  name: string;
}
export interface ClassSummary {
  id: string;
  name: string;
  schoolYear: number | null;
  pupilCount: number;
}

export interface TeacherStart {
  kind: 'teacher';
  unit: Ref;
  mentorClasses: ClassSummary[];
  classes: ClassSummary[];
  groups: { id: string; name: string; subject: Subject; pupilCount: number; grader: boolean }[];
}

export interface AdministratorStart {
  kind: 'administrator';
  unit: Ref & { schoolUnitCode: string };
  classes: (ClassSummary & { mentors: string[] })[];
  groups: { id: string; name: string; subject: Subject; pupilCount: number; teachers: string[] }[];
}

export type DecisionKind = 'sign_term_grades' | 'decide_leave' | 'decide_action_programme';

export interface PrincipalStart {
  kind: 'principal';
  unit: Ref & {
    schoolUnitCode: string;
    schoolForms: string[];
    pupilCount: number;
    staffCount: number;
    classCount: number;
  };
  delegations: {
    id: string;
    decisionKind: DecisionKind;
    delegate: Ref;
    from: string;
    to: string | null;
    revoked: boolean;
    active: boolean;
  }[];
}

export interface AnalystStart {
  kind: 'analyst';
  organiser: { name: string };
  units: (Ref & { schoolUnitCode: string; schoolForms: string[]; pupilCount: number })[];
}

export interface GuardianStart {
  kind: 'guardian';
  children: { id: string; name: string; unit: Ref | null; className: string | null; schoolYear: number | null }[];
}

export interface PupilStart {
  kind: 'pupil';
  self: { id: string; name: string; unit: Ref | null; className: string | null; schoolYear: number | null };
  groups: { id: string; name: string; subject: Subject | null }[];
}

export interface StudentHealthStart {
  kind: 'student_health';
  unit: Ref;
  investigations: { id: string; pupilId: string; name: string; className: string | null; openedOn: string; nextFollowUp: string | null }[];
}

export type StartData =
  | StudentHealthStart
  | TeacherStart
  | AdministratorStart
  | PrincipalStart
  | AnalystStart
  | GuardianStart
  | PupilStart;
