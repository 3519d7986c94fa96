// GET /api/admin/school-year, POST …/preview, POST …/rollovers, POST …/rollovers/:id/undo (administrator).

export interface DateRange {
  startDate: string;
  endDate: string;
}
export interface Terms {
  ht: DateRange;
  vt: DateRange;
}

export interface RolloverRecord {
  id: string;
  fromSchoolYear: string;
  toSchoolYear: string;
  appliedAt: string;
  appliedBy: string;
  undoneAt: string | null;
  undoable: boolean;
  undoRefusal: string | null;
}

export interface RolloverStatus {
  unit: { id: string; name: string };
  fromSchoolYear: string | null;
  toSchoolYear: string | null;
  oldYearEnds: string | null;
  existingTerms: Terms | null;
  proposedTerms: Terms | null;
  problem: string | null;
  rollovers: RolloverRecord[];
}

export interface RolloverChoices {
  terms: Terms;
  carryMentors: boolean;
  carryTeachers: boolean;
}

export interface GroupStep {
  id: string;
  name: string;
  groupType: 'class' | 'teaching' | 'mentor';
  subjectCode: string | null;
  schoolYear: number | null;
  newName: string | null;
  nameKept: boolean;
  pupils: number;
  pupilsCarried: number;
  staff: { name: string; assignment: 'teacher' | 'mentor'; carried: boolean }[];
}

export interface RolloverPreview {
  fromSchoolYear: string;
  toSchoolYear: string;
  oldYearEnds: string;
  newYearStarts: string;
  terms: Terms & { existing: boolean };
  counts: { created: Record<string, number>; ended: Record<string, number>; terms: number };
  promoted: { fromYear: number; toYear: number; schoolForm: string; count: number }[];
  leaving: { id: string; name: string; className: string | null; schoolYear: number; schoolForm: string }[];
  groups: GroupStep[];
  warnings: { code: string; count: number; items: string[] }[];
  digest: string;
}
