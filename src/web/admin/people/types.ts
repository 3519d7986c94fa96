// Shapes of the people register API (/api/admin/people…), as the pages use them.
export type PersonKind = 'pupil' | 'guardian' | 'staff';
export type SecurityMarking = 'none' | 'confidential' | 'protected';
export type RelationState = 'current' | 'upcoming' | 'ended';
export type FirstRelationKind = 'enrolment' | 'guardianship' | 'duty';

export interface PersonListItem {
  id: string;
  givenName: string;
  familyName: string;
  civicNo: string | null;
  securityMarking: SecurityMarking;
  kinds: { kind: PersonKind; current: boolean }[];
  schoolYear: number | null;
  schoolForm: string | null;
  className: string | null;
  roles: string[];
}

export interface PersonList {
  total: number;
  page: number;
  pageSize: number;
  items: PersonListItem[];
  counts: Record<PersonKind, number>;
  schoolForms: string[];
}

export interface Contact {
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

interface Dated {
  id: string;
  startDate: string;
  endDate: string | null;
  state: RelationState;
}

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  civicNo: string | null;
  civicNoKind: string | null;
  birthDate: string | null;
  sex: string | null;
  securityMarking: SecurityMarking;
  contact: Contact | null;
  version: number;
  enrolments: (Dated & { schoolYear: number; schoolForm: string; gradesRequested: boolean })[];
  guardians: (Dated & { person: { id: string; name: string } })[];
  children: (Dated & { person: { id: string; name: string } })[];
  childrenElsewhere: number;
  duties: (Dated & { role: string; licensed: boolean; qualifiedSubjects: string[] })[];
  elsewhere: boolean;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: string;
  actor: { name: string; role: string | null } | null;
  facts: Record<string, string | number | boolean | null>;
  changes: { field: string; from: string | number | boolean | null; to: string | number | boolean | null }[];
}

export interface PersonData {
  givenName: string;
  familyName: string;
  civicNo: string;
  securityMarking: SecurityMarking;
  contact: Contact | null;
}

export interface EnrolmentDraft { schoolYear: number; schoolForm: string; gradesRequested: boolean; startDate: string; endDate: string | null }
export interface DutyDraft { role: string; licensed: boolean; qualifiedSubjects: string[]; startDate: string; endDate: string | null }
export type FirstRelation =
  | ({ kind: 'enrolment' } & EnrolmentDraft)
  | { kind: 'guardianship'; childId: string; startDate: string; endDate: string | null }
  | ({ kind: 'duty' } & DutyDraft);

export const personPath = (id: string) => `/admin/personer/${encodeURIComponent(id)}`;
export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
