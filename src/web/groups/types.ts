// GET /api/groups/:groupId: a class or teaching group with its current staff and pupils.

export type GroupType = 'class' | 'teaching' | 'mentor';
export type Assignment = 'teacher' | 'mentor';

export interface GroupStaff {
  id: string;
  name: string;
  assignment: Assignment;
  grader: boolean;
}

export interface GroupPupil {
  id: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  from: string;
}

export interface Group {
  id: string;
  name: string;
  groupType: GroupType;
  schoolYear: number | null;
  subject: { code: string; name: string } | null;
  unit: { id: string; name: string };
  staff: GroupStaff[];
  pupils: GroupPupil[];
}
