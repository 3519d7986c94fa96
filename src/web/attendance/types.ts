export type RollCallStatus = 'present' | 'absent' | 'late' | 'left_early';
export type RegistrationProblem = 'cancelled' | 'future' | 'outside_term';

export interface LessonSummary {
  id: string; groupId: string; groupName: string; subjectCode: string | null; date: string;
  startTime: string; endTime: string; minutes: number; room: string | null;
  cancelled: boolean; cancelReason: string | null;
  reported: boolean; reportedAt: string | null; reportedByName: string | null; deviations: number;
  problem: RegistrationProblem | null;
}

export interface LessonsOfDay {
  date: string; today: string; schoolDay: boolean;
  previousSchoolDay: string | null; nextSchoolDay: string | null; lessons: LessonSummary[];
}

export interface RollCallRow {
  id: string; givenName: string; familyName: string;
  status: RollCallStatus; minutes: number | null; valid: boolean | null;
  advance: { kind: 'report' | 'leave'; id: string; fromTime: string | null; toTime: string | null } | null;
}

export interface LessonRollCall { lesson: LessonSummary; pupils: RollCallRow[] }
