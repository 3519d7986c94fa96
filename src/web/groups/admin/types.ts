// The administrator's groups as the API sends them (/api/admin/groups…, /api/admin/group-reports…).
export type GroupType = 'class' | 'teaching' | 'mentor';

export interface AdminGroup {
  id: string;
  name: string;
  groupType: GroupType;
  schoolYear: number | null;
  subject: { code: string; name: string } | null;
  startDate: string;
  endDate: string | null;
  pupilCount: number;
  teachers: string[];
  mentors: string[];
  openReports: number;
}

export interface Membership { id: string; pupilId: string; givenName: string; familyName: string; startDate: string; endDate: string | null }
export interface StaffAssignment { id: string; personId: string; name: string; assignment: 'teacher' | 'mentor'; grader: boolean; startDate: string; endDate: string | null }
export interface HistoryEntry { id: string; at: string; action: string; actor: string | null; details: Record<string, unknown> | null }

export type ReportKind = 'pupil_missing' | 'pupil_not_in_group' | 'wrong_teacher' | 'other';
export const REPORT_KINDS: ReportKind[] = ['pupil_missing', 'pupil_not_in_group', 'wrong_teacher', 'other'];

export interface GroupReport {
  id: string;
  groupId: string;
  groupName: string;
  kind: ReportKind;
  message: string;
  pupil: { id: string; name: string } | null;
  reportedBy: { id: string; name: string };
  reportedAt: string;
  status: 'open' | 'resolved' | 'rejected';
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export interface GroupDetail { group: AdminGroup; memberships: Membership[]; staff: StaffAssignment[]; reports: GroupReport[]; history: HistoryEntry[] }

export interface GroupOptions {
  subjects: { code: string; name: string }[];
  staff: { id: string; name: string; roles: string[] }[];
  pupils: { id: string; givenName: string; familyName: string; schoolYear: number; classId: string | null; className: string | null }[];
}

export const adminGroupPath = (groupId: string) => `/admin/grupper/${encodeURIComponent(groupId)}`;
export const GROUP_REPORTS_PATH = '/admin/grupper/rapporter';

/** A relation is in force on the day (first and last day inclusive). */
export const inForceOn = (r: { startDate: string; endDate: string | null }, day: string) => r.startDate <= day && (r.endDate === null || r.endDate >= day);
export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
