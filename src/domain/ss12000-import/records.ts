/**
 * What an SS 12000 entity becomes in our register (the mapping's output, the writer's input), and a
 * rejected record with its Swedish reason.
 */
export type Sex = 'F' | 'M' | 'X';
export type Marking = 'none' | 'confidential' | 'protected';

export interface UnitRecord {
  externalId: string; name: string; schoolUnitCode: string; schoolForms: string[]; municipalityCode: string | null;
  streetAddress: string | null; postalCode: string | null; city: string | null; email: string | null; phone: string | null;
}

export interface EnrolmentRecord { unitExternalId: string; schoolYear: number; schoolForm: string; startDate: string; endDate: string | null }

export interface PersonRecord {
  externalId: string; civicNo: string | null; civicNoKind: 'personnummer' | 'samordningsnummer' | 'temporary' | null;
  birthDate: string | null; sex: Sex | null; givenName: string; familyName: string;
  /** null: the source says nothing, a recorded marking is kept (an import never lowers it by silence) */
  securityMarking: Marking | null;
  email: string | null; phone: string | null; workEmail: string | null; workPhone: string | null;
  streetAddress: string | null; postalCode: string | null; city: string | null;
  active: boolean;
  enrolments: EnrolmentRecord[];
  guardianExternalIds: string[];
}

export type GroupType = 'class' | 'teaching' | 'mentor';
export interface MembershipRecord { personExternalId: string; startDate: string; endDate: string | null }
export interface GroupRecord {
  externalId: string; unitExternalId: string; name: string; groupType: GroupType; startDate: string; endDate: string | null;
  members: MembershipRecord[];
}

export type DutyRole = 'teacher' | 'principal' | 'administrator' | 'student_health' | 'analyst';
export interface DutyRecord {
  externalId: string; personExternalId: string; /** null: at the organiser (an organiser-level administrator, an analyst) */
  unitExternalId: string | null; role: DutyRole; startDate: string; endDate: string | null;
  mentorOf: { groupExternalId: string; startDate: string | null; endDate: string | null }[];
}

export interface TeacherRecord { dutyExternalId: string; grader: boolean; startDate: string | null; endDate: string | null }
export interface ActivityRecord { externalId: string; groupExternalIds: string[]; subjectCode: string | null; teachers: TeacherRecord[] }

/** The SS 12000 resource a rejected record came from, its id there, and why we could not take it. */
export interface Rejection { type: string; id: string; reason: string }

export type Mapped<T> = { ok: true; value: T; warnings: Rejection[] } | { ok: false; rejection: Rejection };
