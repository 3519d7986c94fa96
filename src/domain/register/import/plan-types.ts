/**
 * What an import will do, worked out before anything is written: per row of the file a line (created,
 * changed with before → after, unchanged, or rejected with Swedish reasons) and the operations to run.
 * A person or group the file creates is referred to as `new:<key>` until the apply gives it an id.
 */
import type { GroupType, Marking, StaffRole } from './cells.js';

export interface ExistingPerson {
  id: string; givenName: string; familyName: string; email: string | null; phone: string | null; workEmail: string | null; workPhone: string | null;
  streetAddress: string | null; postalCode: string | null; city: string | null; securityMarking: Marking;
  /** Has a relation at the importing unit (enrolment, duty, or guardian of its pupil): only then does the file change their data. */
  relatedToUnit: boolean;
}
export interface ExistingEnrolment { id: string; schoolYear: number; schoolForm: string; startDate: string; endDate: string | null }
export interface ExistingGroup { id: string; name: string; groupType: GroupType; subjectCode: string | null; schoolYear: number | null; startDate: string; endDate: string | null }
export interface ExistingMembership { id: string; groupId: string; groupName: string; groupType: GroupType; startDate: string; endDate: string | null }
export interface ExistingDuty { id: string; licensed: boolean; qualifiedSubjects: string[] }

/** The register as far as the file touches it, at the importing unit (relations ended before today left out). */
export interface Snapshot {
  today: string;
  unit: { id: string; schoolForms: string[] };
  subjects: Set<string>;
  /** By normalised civic number. */
  persons: Map<string, ExistingPerson>;
  /** By person id: the enrolment at this unit. */
  enrolments: Map<string, ExistingEnrolment>;
  /** Person ids enrolled at another unit of the organiser. */
  enrolledElsewhere: Set<string>;
  /** `${guardianId}:${childId}` */
  guardianships: Set<string>;
  /** `${personId}:${role}` at this unit. */
  duties: Map<string, ExistingDuty>;
  groups: ExistingGroup[];
  /** By person id: all memberships (any unit), with the group's type and name. */
  memberships: Map<string, ExistingMembership[]>;
}

export interface Change { field: string; before: string | null; after: string | null }
export type Outcome = 'create' | 'change' | 'unchanged' | 'reject';
export interface PlanLine { row: number; outcome: Outcome; subject: string; creates: string[]; changes: Change[]; reasons: string[] }

export type PersonColumns = Omit<ExistingPerson, 'id' | 'relatedToUnit'>;
export interface NewPerson extends PersonColumns { ref: string; civicNo: string; civicNoKind: string; birthDate: string | null; sex: string | null }

export interface Ops {
  newPersons: NewPerson[];
  personUpdates: { id: string; set: Partial<PersonColumns>; before: Partial<PersonColumns> }[];
  newEnrolments: { personRef: string; schoolYear: number; schoolForm: string; startDate: string }[];
  enrolmentUpdates: { id: string; personId: string; schoolYear: number; schoolForm: string; before: { schoolYear: number; schoolForm: string } }[];
  newGuardianships: { guardianRef: string; childRef: string; startDate: string }[];
  newDuties: { personRef: string; role: StaffRole; licensed: boolean; qualifiedSubjects: string[]; startDate: string }[];
  dutyUpdates: { id: string; personId: string; licensed: boolean; qualifiedSubjects: string[]; before: { licensed: boolean; qualifiedSubjects: string[] } }[];
  newGroups: { ref: string; name: string; groupType: GroupType; subjectCode: string | null; schoolYear: number | null; startDate: string; endDate: string | null }[];
  groupUpdates: { id: string; set: { subjectCode: string | null; schoolYear: number | null; startDate: string; endDate: string | null }; before: Omit<ExistingGroup, 'id' | 'name' | 'groupType'> }[];
  newMemberships: { groupRef: string; personRef: string; startDate: string; endDate: string | null }[];
  membershipUpdates: { id: string; groupId: string; personId: string; startDate: string; endDate: string | null; before: { startDate: string; endDate: string | null } }[];
}

export const emptyOps = (): Ops => ({
  newPersons: [], personUpdates: [], newEnrolments: [], enrolmentUpdates: [], newGuardianships: [], newDuties: [], dutyUpdates: [],
  newGroups: [], groupUpdates: [], newMemberships: [], membershipUpdates: [],
});

export interface Plan { lines: PlanLine[]; ops: Ops; counts: Record<Outcome, number> }
