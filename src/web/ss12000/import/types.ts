// The import runs as /api/ss12000/import-runs answers them.
export const KINDS = ['units', 'persons', 'enrolments', 'guardianships', 'groups', 'memberships', 'duties', 'teachers', 'mentors'] as const;
export type Kind = typeof KINDS[number];
export interface Count { created: number; updated: number; unchanged: number; deleted: number }
export interface Run {
  id: string; sourceUrl: string; clientId: string; startedAt: string; finishedAt: string | null; status: 'running' | 'succeeded' | 'failed';
  since: string | null; startedBy: string | null; error: string | null;
  progress: { phase?: string; step?: number; steps?: number; done?: number; total?: number | null };
  result: { counts: Record<Kind, Count>; rejected: { type: string; id: string; reason: string }[]; rejectedTotal: number } | null;
}
