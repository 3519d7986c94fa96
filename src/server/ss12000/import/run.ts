// One import run from an SS 12000 source: the run row (status, progress, result), the crawl in the order
// references need (units, persons, guardians, syllabuses and activities, groups, duties, teachers,
// deletions), incremental from the last succeeded run of the same source, and one audit row with the counts.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { swedishDate, type Clock } from '../../../domain/common/dates.js';
import { addRejections, emptyResult, type ImportResult } from '../../../domain/ss12000-import/counts.js';
import { normaliseSourceUrl, sinceOf } from '../../../domain/ss12000-import/incremental.js';
import { mapActivity } from '../../../domain/ss12000-import/map-group.js';
import { subjectOfActivity, type OurSubject } from '../../../domain/ss12000-import/subject-of.js';
import { isSchoolUnit } from '../../../domain/ss12000-import/map-organisation.js';
import type { ActivityRecord } from '../../../domain/ss12000-import/records.js';
import type { SsActivity, SsDeleted, SsDuty, SsGroup, SsOrganisation, SsPerson, SsSyllabus } from '../../../domain/ss12000-import/source-types.js';
import { audit } from '../../platform/audit/audit.js';
import { one, rows, type Db } from '../../platform/db/database.js';
import type { ImportContext } from './context.js';
import { ss12000Source, type SourceOptions } from './source.js';
import { writeActivities, writeDuties } from './write-duties.js';
import { writeDeletions } from './write-deletions.js';
import { writeGroups } from './write-groups.js';
import { writeGuardianships } from './write-guardians.js';
import { writePersons, type PendingGuardians } from './write-persons.js';
import { writeUnits } from './write-units.js';
import { ensureShippedSubjects } from './subjects.js';

export const PHASES = ['organisations', 'persons', 'guardianships', 'activities', 'groups', 'duties', 'teachers', 'deletions'] as const;
export type Phase = typeof PHASES[number] | 'finished';
export interface RunProgress { phase: Phase; step: number; steps: number; done: number; total: number | null }

export interface ImportRequest {
  organiserId: string; url: string; clientId: string; clientSecret: string; full: boolean;
  startedBy: string | null; actorRole?: string | null; clock: Clock;
  source?: Partial<Pick<SourceOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'fetch'>>;
}
export interface RunRow { id: string; sourceUrl: string; since: Date | null; startedAt: Date }

/** Creates the run row (status running) and decides its `since`. The secret is not stored. */
export async function createRun(db: Db, req: ImportRequest): Promise<RunRow> {
  const sourceUrl = normaliseSourceUrl(req.url);
  const last = await one<{ started_at: string }>(db, sql`select started_at::text from ss12000_import_run where organiser_id = ${req.organiserId}
    and source_url = ${sourceUrl} and status = 'succeeded' order by started_at desc limit 1`);
  const since = sinceOf(last ? new Date(last.started_at) : null, req.full);
  const run = { id: randomUUID(), sourceUrl, since, startedAt: req.clock.now() };
  await db.execute(sql`insert into ss12000_import_run (organiser_id, id, source_url, source_client_id, started_by, started_at, status, since, progress)
    values (${req.organiserId}, ${run.id}, ${sourceUrl}, ${req.clientId}, ${req.startedBy}, ${run.startedAt.toISOString()}, 'running',
      ${since ? since.toISOString() : null}, ${JSON.stringify({ phase: 'organisations', step: 1, steps: PHASES.length, done: 0, total: null })}::jsonb)`);
  return run;
}

/** Runs the import of a created run to its end; the run row tells how it went (never throws). */
export async function executeRun(db: Db, req: ImportRequest, run: RunRow, onProgress: (p: RunProgress) => void = () => {}): Promise<{ ok: boolean; result: ImportResult; error: string | null }> {
  const result = emptyResult();
  const ctx: ImportContext = {
    db, organiserId: req.organiserId, sourceUrl: run.sourceUrl, today: swedishDate(req.clock.now()), result,
    ids: { organisations: new Map(), persons: new Map(), groups: new Map(), duties: new Map() },
  };
  const source = ss12000Source({ baseUrl: run.sourceUrl, clientId: req.clientId, clientSecret: req.clientSecret, ...req.source });
  const modified: Record<string, string> = run.since ? { 'meta.modified.after': run.since.toISOString() } : {};
  let progress: RunProgress = { phase: 'organisations', step: 1, steps: PHASES.length, done: 0, total: null };
  let savedAt = 0;
  const report = async (p: Partial<RunProgress>, force = false) => {
    progress = { ...progress, ...p };
    onProgress(progress);
    if (force || Date.now() - savedAt > 500) {
      savedAt = Date.now();
      await db.execute(sql`update ss12000_import_run set progress = ${JSON.stringify(progress)}::jsonb where organiser_id = ${req.organiserId} and id = ${run.id}`);
    }
  };
  const phase = (name: typeof PHASES[number], total: number | null = null) => report({ phase: name, step: PHASES.indexOf(name) + 1, done: 0, total }, true);
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const timed = (name: string) => { timings[name] = (Date.now() - t0) / 1000; t0 = Date.now(); };

  try {
    await phase('organisations');
    await ensureShippedSubjects(db, req.organiserId);
    const organisations: SsOrganisation[] = [];
    if (!await source.crawl<SsOrganisation>('organisations', {}, (d) => { organisations.push(...d); })) throw new Error('Källan ger inte klienten tillgång till organisationer (organisations)');
    const units = new Set(organisations.filter(isSchoolUnit).map((o) => o.id));
    await writeUnits(ctx, organisations);
    await report({ done: organisations.length, total: organisations.length }); timed('organisations');

    // an instance that starts empty has no statistics: the planner would join the growing tables as if they
    // were empty (a nested loop over all rows per row). Analysed after 2, 8, 32 … pages, so plans follow the growth.
    let pagesWritten = 0;
    const analyseNowAndThen = async (tables: string) => {
      pagesWritten++;
      if ((pagesWritten & (pagesWritten - 1)) === 0 && pagesWritten >= 2 && (Math.log2(pagesWritten) % 2 === 1)) await db.execute(sql.raw(`analyze ${tables}`));
    };
    await phase('persons');
    const guardians: PendingGuardians = new Map();
    let done = 0;
    const today = new Date(`${ctx.today}T12:00:00Z`);
    if (!await source.crawl<SsPerson>('persons', modified, async (page) => { await writePersons(ctx, page, today, guardians); done += page.length; await report({ done });
      await analyseNowAndThen('person, enrolment, ss12000_import_link');
    })) {
      throw new Error('Källan ger inte klienten tillgång till personer (persons)');
    }
    timed('persons');

    await db.execute(sql`analyze person, enrolment, guardianship, ss12000_import_link`);
    await phase('guardianships', guardians.size);
    done = 0;
    await writeGuardianships(ctx, guardians, (n) => { done += n; void report({ done }); });
    timed('guardianships');

    await phase('activities');
    const ours = await rows<OurSubject>(db, sql`select code, name, syllabus_code as "syllabusCode" from subject`);
    const subjects = new Set(ours.map((s) => s.code));
    const syllabuses = new Map<string, SsSyllabus>();
    await source.crawl<SsSyllabus>('syllabuses', {}, (d) => { for (const s of d) syllabuses.set(s.id, s); });
    const activities: ActivityRecord[] = [];
    await source.crawl<SsActivity>('activities', modified, async (page) => {
      for (const a of page) { const m = mapActivity(a, (id, name) => subjectOfActivity(ours, syllabuses.get(id), name)); if (m.ok) activities.push(m.value); else addRejections(result, [m.rejection]); }
      await report({ done: activities.length });
    });
    const subjectOfGroup = new Map(activities.flatMap((a) => (a.subjectCode ? a.groupExternalIds.map((g) => [g, a.subjectCode!] as const) : [])));
    timed('activities');

    await phase('groups');
    done = 0; pagesWritten = 0;
    await source.crawl<SsGroup>('groups', modified, async (page) => { await writeGroups(ctx, page, subjectOfGroup, subjects); done += page.length; await report({ done });
      await analyseNowAndThen('student_group, group_membership, ss12000_import_link');
    });
    timed('groups');

    await phase('duties');
    done = 0; pagesWritten = 0;
    await db.execute(sql`analyze guardianship, student_group, group_membership, group_staff`);
    await source.crawl<SsDuty>('duties', modified, async (page) => { await writeDuties(ctx, page, (id) => units.has(id)); done += page.length; await report({ done }); });
    timed('duties');

    await phase('teachers', activities.length);
    await writeActivities(ctx, activities, subjects);
    await report({ done: activities.length }); timed('teachers');

    await phase('deletions');
    if (run.since) {
      const deleted: SsDeleted = {};
      await source.crawl<SsDeleted>('deletedEntities', { after: run.since.toISOString(), entities: ['Person', 'Group', 'Duty'] }, (d) => {
        for (const page of d) for (const [k, v] of Object.entries(page)) (deleted as Record<string, string[]>)[k] = [...((deleted as Record<string, string[]>)[k] ?? []), ...(v ?? [])];
      });
      await writeDeletions(ctx, deleted);
    }
    timed('deletions');
    await finish(db, req, run, 'succeeded', { ...result, timings }, null);
    onProgress({ ...progress, phase: 'finished' });
    return { ok: true, result, error: null };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await finish(db, req, run, 'failed', { ...result, timings }, message).catch(() => {});
    onProgress({ ...progress, phase: 'finished' });
    return { ok: false, result, error: message };
  }
}

async function finish(db: Db, req: ImportRequest, run: RunRow, status: 'succeeded' | 'failed', result: ImportResult & { timings: Record<string, number> }, error: string | null) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update ss12000_import_run set status = ${status}, finished_at = now(), result = ${JSON.stringify(result)}::jsonb, error = ${error},
      progress = progress || '{"phase":"finished"}'::jsonb where organiser_id = ${req.organiserId} and id = ${run.id}`);
    await audit(tx, {
      organiserId: req.organiserId, actorPersonId: req.startedBy, actorRole: req.actorRole ?? null, action: `ss12000.import.${status}`,
      entityType: 'ss12000_import_run', entityId: run.id,
      details: { sourceUrl: run.sourceUrl, sourceClientId: req.clientId, since: run.since?.toISOString() ?? null, counts: result.counts, rejected: result.rejectedTotal, error },
    });
  });
}
