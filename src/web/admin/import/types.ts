export const KINDS = ['elever', 'vardnadshavare', 'personal', 'grupper', 'gruppmedlemskap'] as const;
export type Kind = (typeof KINDS)[number];

export interface Line {
  row: number;
  outcome: 'create' | 'change' | 'unchanged' | 'reject';
  subject: string;
  creates: string[];
  changes: { field: string; before: string | null; after: string | null }[];
  reasons: string[];
}
export interface Counts { create: number; change: number; unchanged: number; reject: number }
export interface Preview {
  previewId: string; kind: Kind; fileName: string; fileHash: string; format: string; encoding: string | null; delimiter: string | null;
  rows: number; counts: Counts; created: Line[]; changed: Line[]; rejected: Line[];
}
export interface Job {
  jobId: string; state: 'running' | 'done' | 'failed'; phase: string; done: number; total: number; kind: Kind; fileName: string;
  counts: Counts; error: { code: string; message: string } | null;
}
export interface ColumnsProblem { expected: string[]; found: string[]; missing: string[]; unknown: string[]; repeated: string[] }
