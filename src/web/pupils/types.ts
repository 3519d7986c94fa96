// GET /api/pupils/:pupilId: the short record of one pupil.

export type SecurityMarking = 'none' | 'confidential' | 'protected';

export interface PupilContact {
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface PupilSummary {
  id: string;
  givenName: string;
  familyName: string;
  securityMarking: SecurityMarking;
  unit: { id: string; name: string } | null;
  schoolYear: number | null;
  /** GR grundskola, GRS anpassad grundskola, … */
  schoolForm: string | null;
  className: string | null;
  /** null: protected registration ("Skyddad") — address and contact are never sent. */
  contact: PupilContact | null;
}

// GET /api/pupils/:pupilId/record: the staff's pupil page.

export type GradeState = 'registered' | 'confirmed' | 'decided' | 'locked';
export interface GradeMark { value: string; state: GradeState; carriedOver: boolean }
export interface SubjectRef { code: string; name: string }

export interface PupilGuardian {
  id: string;
  givenName: string;
  familyName: string;
  securityMarking: SecurityMarking;
  /** null: protected registration ("Skyddad"). */
  contact: PupilContact | null;
  /** The address is not sent: the guardian or the pupil has protected registration. */
  addressWithheld: boolean;
}

export interface PupilGroup {
  id: string;
  name: string;
  subject: SubjectRef;
  unitName: string;
  teachers: string[];
  startDate: string;
  endDate: string | null;
  current: boolean;
}

export interface GradeYear {
  schoolYear: string;
  subjects: { subject: SubjectRef; HT: GradeMark | null; VT: GradeMark | null; final: GradeMark | null }[];
}

export interface PupilRecord {
  id: string;
  givenName: string;
  familyName: string;
  civicNo: string | null;
  birthDate: string | null;
  securityMarking: SecurityMarking;
  unit: { id: string; name: string } | null;
  schoolYear: number | null;
  schoolForm: string | null;
  class: { id: string; name: string; mentors: string[] } | null;
  contact: PupilContact | null;
  guardians: PupilGuardian[];
  /** 'taught': a teacher who is not the mentor sees only the subjects they teach or taught the pupil. */
  subjectAccess: 'all' | 'taught';
  historySince: string;
  groups: PupilGroup[];
  grades: GradeYear[];
}
