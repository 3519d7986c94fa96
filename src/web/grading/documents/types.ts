// GET/POST /api/grading/documents, sign, hand-out.
export type DocumentKind = 'term' | 'final';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['term', 'final'];

export interface GradeDocument {
  id: string;
  pupilId: string;
  name: string;
  kind: DocumentKind;
  termId: string;
  sha256: string;
  createdAt: string;
  signedBy: string | null;
  signedAt: string | null;
  handedOutAt: string | null;
}

export interface DocumentList {
  term: { id: string; label: string };
  documents: GradeDocument[];
}

export interface ProduceResult {
  produced: string[];
  failed: { pupilId: string; reason: string }[];
}

export const FAILURE_REASONS = ['not_locked', 'no_grades', 'not_found', 'render_failed'] as const;
export const CHUNK = 25;

export const documentsPath = '/betyg/dokument';
export const documentPdfPath = (id: string) => `/api/grading/documents/${encodeURIComponent(id)}/pdf`;

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** "Family, Given" (list order) → "Given Family" (for sentences and accessible names). */
export const givenFirst = (name: string) => (name.includes(', ') ? name.split(', ').reverse().join(' ') : name);
