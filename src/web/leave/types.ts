// Shapes of /api/leave-applications as the server sends them.
export type LeaveStatus = 'pending' | 'granted' | 'refused' | 'withdrawn';

export interface LeaveApplication {
  id: string; pupilId: string; pupilName: string; fromDate: string; toDate: string; reason: string; status: LeaveStatus;
  appliedByName: string; createdAt: string; decidedByName: string | null; decidedAt: string | null; decisionReason: string | null; version: number;
}

export interface LeaveList { pupil: { id: string; name: string }; today: string; applications: LeaveApplication[] }

export interface PendingLeave extends LeaveApplication { className: string | null; validMinutes: number; invalidMinutes: number }

export interface LeaveQueue { mayDecide: boolean; applications: PendingLeave[] }

export const leavePath = '/ledighet';
export const leaveDecisionsPath = '/ledighet/beslut';

export const leaveDates = (a: Pick<LeaveApplication, 'fromDate' | 'toDate'>) => (a.fromDate === a.toDate ? a.fromDate : `${a.fromDate} – ${a.toDate}`);

export const STATUS_COLOURS: Record<LeaveStatus, string> = { pending: 'orange', granted: 'green', refused: 'red', withdrawn: 'gray' };
