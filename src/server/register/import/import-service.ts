import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { KIND_NAMES, matchHeader, type ColumnKey, type ImportKind } from '../../../domain/register/import/formats.js';
import { planImport } from '../../../domain/register/import/plan.js';
import type { Outcome, Plan, PlanLine } from '../../../domain/register/import/plan-types.js';
import { readRow, type ReadRow } from '../../../domain/register/import/rows.js';
import { requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { opsSize, writeAudit, writeOps } from './apply-store.js';
import { readFileTable } from './read-file.js';
import { loadSnapshot } from './snapshot-store.js';

/** How long a preview can be applied, and how long a finished job can be read. */
const KEEP_MS = 30 * 60_000;
/** Previews kept at once (each holds its file's rows); the oldest goes first. */
const MAX_PREVIEWS = 40;
/** Lines of each outcome a preview answers with (the counts are always complete). */
export const MAX_LINES = 1_000;

interface Preview {
  id: string; owner: string; kind: ImportKind; fileName: string; fileHash: string; read: ReadRow[];
  fingerprint: string; counts: Record<Outcome, number>; createdAt: number; applying: boolean;
}
export interface JobState {
  id: string; owner: string; state: 'running' | 'done' | 'failed'; phase: 'checking' | 'writing' | 'audit' | 'finished';
  done: number; total: number; counts: Record<Outcome, number>; kind: ImportKind; fileName: string;
  error: { code: string; message: string } | null; finishedAt: number | null;
}

/** Where a failed apply is logged (the request's logger). */
interface Logger { error(obj: unknown, msg: string): void }

const ownerOf = (actor: Actor) => `${actor.organiserId}:${actor.personId}:${actor.unitId}`;
const fingerprintOf = (lines: PlanLine[]) => createHash('sha256').update(JSON.stringify(lines)).digest('hex');

/**
 * Register import for the administrator of a unit: a file is read and checked against the register
 * (preview: nothing is written), then applied as one transaction that re-checks it first and writes
 * exactly what the preview showed, or nothing. The apply runs as a job whose progress the page follows as a stream
 * of events (`watch`, from memory) or by polling (`job`).
 * Previews and jobs live in this process for 30 minutes.
 */
export function importService(db: Db) {
  const previews = new Map<string, Preview>();
  const jobs = new Map<string, JobState>();

  function forget(now: number) {
    for (const [id, p] of previews) if (now - p.createdAt > KEEP_MS && !p.applying) previews.delete(id);
    for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
    while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
  }

  async function plan(q: Pick<Db, 'execute'>, actor: Actor, read: ReadRow[]): Promise<Plan> {
    const records = read.flatMap((r) => (r.ok ? [r.record] : []));
    return planImport(read, await loadSnapshot(q, actor, records));
  }

  async function preview(actor: Actor, kind: ImportKind, file: { name: string; bytes: Buffer }) {
    requireAction(actor, 'register.administer');
    const table = await readFileTable(file.bytes);
    const header = matchHeader(kind, table.header);
    if (!header.ok) {
      throw new AppError(400, 'wrong_columns', `The columns do not match a file of ${KIND_NAMES[kind]}`,
        { columns: { expected: header.expected, found: header.found, missing: header.missing, unknown: header.unknown, repeated: header.repeated } });
    }
    const today = new Date(`${actor.today}T12:00:00Z`);
    const read = table.rows.map((r) => {
      const cells: Partial<Record<ColumnKey, string>> = {};
      header.columns.forEach((key, i) => { if (key) cells[key] = r.cells[i] ?? ''; });
      return readRow(kind, r.row, cells, today);
    });
    const planned = await plan(db, actor, read);
    const now = Date.now();
    forget(now);
    const p: Preview = {
      id: randomUUID(), owner: ownerOf(actor), kind, fileName: file.name, fileHash: createHash('sha256').update(file.bytes).digest('hex'), read,
      fingerprint: fingerprintOf(planned.lines), counts: planned.counts, createdAt: now, applying: false,
    };
    previews.set(p.id, p);
    const linesOf = (o: Outcome) => planned.lines.filter((l) => l.outcome === o).slice(0, MAX_LINES);
    return {
      previewId: p.id, kind, fileName: p.fileName, fileHash: p.fileHash, format: table.format, encoding: table.encoding, delimiter: table.delimiter,
      rows: read.length, counts: planned.counts,
      created: linesOf('create'), changed: linesOf('change'), rejected: linesOf('reject'),
    };
  }

  /** Starts applying a preview: refused while it has rejected rows, or when the file is not the one previewed. */
  function apply(actor: Actor, input: { previewId: string; fileHash: string }, log: Logger) {
    requireAction(actor, 'register.administer');
    forget(Date.now());
    const p = previews.get(input.previewId);
    if (!p || p.owner !== ownerOf(actor)) throw notFound('No such preview: upload the file again');
    if (p.fileHash !== input.fileHash) throw conflict('file_mismatch', 'The file is not the one previewed: upload it again');
    if (p.counts.reject > 0) throw conflict('preview_has_rejections', 'Rows were rejected: correct the file and upload it again');
    if (p.applying) throw conflict('already_applying', 'This file is being applied already');
    p.applying = true;
    const job: JobState = { id: randomUUID(), owner: p.owner, state: 'running', phase: 'checking', done: 0, total: 1, counts: p.counts, kind: p.kind, fileName: p.fileName, error: null, finishedAt: null };
    jobs.set(job.id, job);
    void run(actor, p, job, log);
    return view(job);
  }

  async function run(actor: Actor, p: Preview, job: JobState, log: Logger) {
    const importId = job.id;
    try {
      await db.transaction(async (tx) => {
        // one import at a time per unit: a second waits, then finds the register changed and is refused
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${actor.organiserId}:${actor.unitId}`}))`);
        const planned = await plan(tx, actor, p.read);
        if (fingerprintOf(planned.lines) !== p.fingerprint) throw conflict('register_changed', 'The register changed after the preview: upload the file again');
        job.total = opsSize(planned.ops) + 1; job.phase = 'writing';
        const auditRows = await writeOps(tx, actor, planned.ops, (n) => { job.done += n; });
        job.phase = 'audit';
        auditRows.push({ action: 'import.applied', entityType: 'import', entityId: importId,
          details: { unitId: actor.unitId, kind: p.kind, fileName: p.fileName, fileHash: p.fileHash, rows: p.read.length, counts: planned.counts,
            written: Object.fromEntries(Object.entries(planned.ops).map(([k, v]) => [k, (v as unknown[]).length])) } });
        await writeAudit(tx, actor, importId, auditRows);
      });
      Object.assign(job, { state: 'done', phase: 'finished', done: job.total });
      previews.delete(p.id);
    } catch (e) {
      const known = e instanceof AppError ? { code: e.code, message: e.message }
        : { code: 'apply_failed', message: 'The import could not be written; nothing was changed' };
      Object.assign(job, { state: 'failed', phase: 'finished', error: known });
      p.applying = false;
      if (!(e instanceof AppError)) log.error({ err: e }, 'import apply failed; rolled back');
    } finally {
      job.finishedAt = Date.now();
    }
  }

  function job(actor: Actor, id: string) {
    requireAction(actor, 'register.administer');
    const j = jobs.get(id);
    if (!j || j.owner !== ownerOf(actor)) throw notFound('No such import');
    return view(j);
  }

  const view = (j: JobState) => ({ jobId: j.id, state: j.state, phase: j.phase, done: j.done, total: j.total, kind: j.kind, fileName: j.fileName, counts: j.counts, error: j.error });
  type JobView = ReturnType<typeof view>;

  /**
   * Follows a job in memory, never touching the database (so it flows while the apply's transaction holds the
   * connection): `send` gets the job at once, then whenever it changed, at most once every `everyMs`, and a last
   * time (`last`) when it is done or failed. Checked like `job` (unknown or someone else's: 404). Returns `stop`.
   */
  function watch(actor: Actor, id: string, send: (job: JobView, last: boolean) => void, everyMs = 100): () => void {
    const first = job(actor, id);
    const j = jobs.get(id)!;
    send(first, first.state !== 'running');
    if (first.state !== 'running') return () => {};
    let sent = JSON.stringify(first);
    const timer = setInterval(() => {
      const now = view(j);
      const text = JSON.stringify(now);
      const last = now.state !== 'running';
      if (last) clearInterval(timer);
      if (text !== sent || last) { sent = text; send(now, last); }
    }, everyMs);
    return () => clearInterval(timer);
  }

  return { preview, apply, job, watch };
}
export type ImportService = ReturnType<typeof importService>;
