/**
 * After a crash or an outage during a grade-save storm (bench/durability.ts, bench/postgres-outage.ts):
 * is every acknowledged save stored, and is the database consistent? A save is one statement writing the
 * grade, its history event and its audit row, so after any crash the three must agree.
 */

/** Runs one SQL statement and returns its rows (a pg client or a PGlite instance). */
export type Query = (text: string, params?: unknown[]) => Promise<any[]>;

export interface SaveRun {
  /** Request ids of every save sent (answered or not). */
  sent: string[];
  /** Request ids of the saves answered 2xx. */
  acknowledged: string[];
  /** When the storm began (the same machine's clock as the database). */
  since: Date;
}

export interface Consistency {
  /** Acknowledged saves whose history event is missing. */
  lost: number;
  /** Grades without any history event. */
  gradesWithoutHistory: number;
  /** History events of this run's saves without their audit row (same grade, same transaction time). */
  eventsWithoutAudit: number;
  /** grade.registered audit rows of this run without their history event. */
  auditsWithoutEvent: number;
  /** Grades saved in this run whose value is not the value of their latest history event. */
  valueNotLatestEvent: number;
  /** Saves stored (events of this run, acknowledged or not). */
  stored: number;
  /** Index and heap checks (amcheck: bt_index_check with heapallindexed, verify_heapam): problems found. */
  amcheck: string[];
  /** Why amcheck did not run, when it did not. */
  amcheckSkipped?: string;
}

export async function checkConsistency(query: Query, run: SaveRun): Promise<Consistency> {
  const n = async (text: string, params?: unknown[]) => Number((await query(text, params))[0].n);
  const found = new Set((await query('select request_id::text as id from grade_event where request_id = any($1::uuid[])', [run.acknowledged])).map((r) => r.id));
  const result: Consistency = {
    lost: run.acknowledged.filter((id) => !found.has(id)).length,
    stored: await n('select count(*)::int as n from grade_event where request_id = any($1::uuid[])', [run.sent]),
    gradesWithoutHistory: await n(`select count(*)::int as n from grade g
      where not exists (select 1 from grade_event e where e.organiser_id = g.organiser_id and e.grade_id = g.id)`),
    eventsWithoutAudit: await n(`select count(*)::int as n from grade_event e where e.request_id = any($1::uuid[])
      and not exists (select 1 from audit_event a where a.organiser_id = e.organiser_id and a.action = 'grade.registered'
                       and a.entity_type = 'grade' and a.entity_id = e.grade_id::text and a.occurred_at = e.occurred_at)`, [run.sent]),
    auditsWithoutEvent: await n(`select count(*)::int as n from audit_event a where a.action = 'grade.registered' and a.occurred_at >= $1::timestamptz
      and not exists (select 1 from grade_event e where e.organiser_id = a.organiser_id and e.grade_id::text = a.entity_id and e.occurred_at = a.occurred_at)`,
    [run.since.toISOString()]),
    valueNotLatestEvent: await n(`select count(*)::int as n from grade g
      join lateral (select e.to_value from grade_event e where e.organiser_id = g.organiser_id and e.grade_id = g.id
                     order by e.occurred_at desc, e.id desc limit 1) last on true
      where g.id in (select grade_id from grade_event where request_id = any($1::uuid[])) and last.to_value is distinct from g.value`, [run.sent]),
    amcheck: [],
  };
  try {
    await query('create extension if not exists amcheck');
  } catch (err) {
    result.amcheckSkipped = (err as Error).message;
    return result;
  }
  const indexes = await query(`select c.oid::int as oid, c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
    join pg_namespace s on s.oid = c.relnamespace join pg_am am on am.oid = c.relam where s.nspname = 'public' and am.amname = 'btree' order by 2`);
  for (const ix of indexes) {
    try { await query('select bt_index_check($1::regclass, true)', [ix.oid]); } catch (err) { result.amcheck.push(`${ix.name}: ${(err as Error).message}`); }
  }
  for (const table of ['grade', 'grade_event', 'audit_event']) {
    for (const row of await query(`select blkno, offnum, msg from verify_heapam($1::regclass)`, [table])) {
      result.amcheck.push(`${table} block ${row.blkno} item ${row.offnum}: ${row.msg}`);
    }
  }
  return result;
}

export function consistent(c: Consistency): boolean {
  return c.lost === 0 && c.gradesWithoutHistory === 0 && c.eventsWithoutAudit === 0 && c.auditsWithoutEvent === 0
    && c.valueNotLatestEvent === 0 && c.amcheck.length === 0;
}

export function describeConsistency(c: Consistency): string {
  return [
    `${c.lost} acknowledged saves lost (${c.stored} saves stored)`,
    `${c.gradesWithoutHistory} grades without history`,
    `${c.eventsWithoutAudit} history events without their audit row`,
    `${c.auditsWithoutEvent} audit rows without their history event`,
    `${c.valueNotLatestEvent} grades whose value is not their latest event's`,
    c.amcheckSkipped ? `amcheck skipped (${c.amcheckSkipped})` : `amcheck: ${c.amcheck.length === 0 ? 'indexes and heap intact' : c.amcheck.join('; ')}`,
  ].join('\n  ');
}
