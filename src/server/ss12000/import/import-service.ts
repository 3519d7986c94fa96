// Import via SS 12000 for the organiser-level administrator: a run is started with the source's address and
// client credentials (the secret is used for the run and forgotten: never stored, never logged) and executes
// in this process in the background; the page follows its progress and reads its result.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../domain/common/dates.js';
import { normaliseSourceUrl } from '../../../domain/ss12000-import/incremental.js';
import { requireAction, requireOrganiserAdministrator } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Db } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { createRun, executeRun, type ImportRequest } from './run.js';

export interface StartInput { url: string; clientId: string; clientSecret: string; full: boolean }
interface RunDbRow {
  id: string; source_url: string; source_client_id: string; started_at: string; finished_at: string | null; status: string; since: string | null;
  progress: Record<string, unknown>; result: Record<string, unknown> | null; error: string | null; started_by_name: string | null;
}

const view = (r: RunDbRow, withResult: boolean) => ({
  id: r.id, sourceUrl: r.source_url, clientId: r.source_client_id, startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null, status: r.status as 'running' | 'succeeded' | 'failed',
  since: r.since ? new Date(r.since).toISOString() : null, startedBy: r.started_by_name, progress: r.progress, error: r.error,
  result: withResult ? r.result : null,
});
export type RunView = ReturnType<typeof view>;

const SELECT = sql`select r.id, r.source_url, r.source_client_id, r.started_at::text, r.finished_at::text, r.status, r.since::text, r.progress, r.result, r.error,
  nullif(trim(p.given_name || ' ' || p.family_name), '') as started_by_name
  from ss12000_import_run r left join person p on p.organiser_id = r.organiser_id and p.id = r.started_by`;

export function ss12000ImportService(db: Db, clock: Clock, log: { error(obj: unknown, msg: string): void } = console) {
  /** Runs executing in this process, by organiser: one at a time. */
  const running = new Map<string, Promise<unknown>>();

  async function allowed(actor: Actor) {
    requireAction(actor, 'ss12000.import');
    await requireOrganiserAdministrator(db, actor);
  }

  async function start(actor: Actor, input: StartInput): Promise<RunView> {
    await allowed(actor);
    try { normaliseSourceUrl(input.url); } catch { throw badRequest('The address must be an http:// or https:// URL'); }
    if (running.has(actor.organiserId)) throw conflict('import_running', 'An import is running already: wait for it to finish');
    const req: ImportRequest = { organiserId: actor.organiserId, url: input.url, clientId: input.clientId, clientSecret: input.clientSecret, full: input.full,
      startedBy: actor.personId, actorRole: actor.role, clock };
    const run = await createRun(db, req);
    const work = executeRun(db, req, run).then((o) => { if (!o.ok) log.error({ runId: run.id, error: o.error }, 'SS 12000 import failed'); })
      .finally(() => running.delete(actor.organiserId));
    running.set(actor.organiserId, work);
    return get(actor, run.id);
  }

  async function list(actor: Actor): Promise<RunView[]> {
    await allowed(actor);
    return (await rows<RunDbRow>(db, sql`${SELECT} where r.organiser_id = ${actor.organiserId} order by r.started_at desc limit 50`)).map((r) => view(r, false));
  }

  async function get(actor: Actor, id: string): Promise<RunView> {
    await allowed(actor);
    const r = await one<RunDbRow>(db, sql`${SELECT} where r.organiser_id = ${actor.organiserId} and r.id = ${id}`);
    if (!r) throw notFound('No such import run');
    return view(r, true);
  }

  /** Waits for the runs of this process (server shutdown, tests). */
  const settled = () => Promise.allSettled([...running.values()]);

  return { start, list, get, settled };
}
export type Ss12000ImportService = ReturnType<typeof ss12000ImportService>;
