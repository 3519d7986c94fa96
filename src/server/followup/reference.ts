import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { ReferenceFile, type ReferenceFileT } from '../../domain/followup/reference-file.js';
import { one, type Queryable } from '../platform/db/database.js';

const SHIPPED_PATH = new URL('../../../reference/followup/national-figures.json', import.meta.url);
let shipped: ReferenceFileT | null = null;

/** The reference file shipped with Lärka (read once). */
export function shippedReference(): ReferenceFileT {
  shipped ??= ReferenceFile.parse(JSON.parse(readFileSync(SHIPPED_PATH, 'utf8')));
  return shipped;
}

export interface CurrentReference { file: ReferenceFileT; uploaded: { at: string; by: string } | null }

/** The reference figures in force for the organiser: its latest upload, else the shipped file. */
export async function currentReference(q: Pick<Queryable, 'execute'>, organiserId: string): Promise<CurrentReference> {
  const row = await one<{ content: unknown; uploaded_at: string; uploaded_by: string }>(q, sql`select content, uploaded_at::text, uploaded_by::text
    from followup_reference where organiser_id = ${organiserId} order by uploaded_at desc, id desc limit 1`);
  if (!row) return { file: shippedReference(), uploaded: null };
  return { file: ReferenceFile.parse(row.content), uploaded: { at: row.uploaded_at, by: row.uploaded_by } };
}
