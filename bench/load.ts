/**
 * Generating load for the benchmarks: the closed loop (autocannon, as many requests as the server answers),
 * the fixed offered rate (open-loop.ts, evenly spaced), the CPU time of the server and of PostgreSQL per
 * request (from /proc), and the command-line options and machine line every benchmark prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { openLoop, type OpenLoopRequest } from './open-loop.js';

/** The connections of every throughput figure ("max req/s at 50 connections", DESIGN.md §6). */
export const CONNECTIONS = 50;

/** `--name value` from the command line, else the fallback. */
export function option(name: string, fallback: string): string;
export function option(name: string, fallback?: string): string | undefined;
export function option(name: string, fallback?: string) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** Cores, memory, Node and the load average now: the conditions the figures were measured in. */
export function machineLine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadAverage()}`;
}

/** One connection's own state, kept between its requests (`index`: the connection's number, 0…n-1). */
export interface Connection { index: number; [key: string]: any }

/** A request and what the workload wants to know again when it is answered. */
export interface WorkloadRequest extends OpenLoopRequest { tag?: unknown }

/** What a benchmark sends: each connection asks for its next request, and hears each answer with its request's tag. */
export interface Workload {
  next(conn: Connection): WorkloadRequest;
  onResponse?(conn: Connection, status: number, body: string, tag: unknown): void;
}

/** `failed`: non-2xx answers and errors, `timedOut` among them (autocannon gives up on a request after 10 s). */
export interface LoadResult {
  perSecond: number; done: number; p50: number; p99: number; failed: number; timedOut: number;
  /** The failures by kind: a non-2xx status, `error` or `timeout`. */
  failures: Record<string, number>;
}

/** As many requests as the server answers at `connections` in flight (closed loop, autocannon). */
export async function closedLoop(baseUrl: string, workload: Workload, opts: { connections: number; seconds: number }): Promise<LoadResult> {
  let assigned = 0;
  const r = await autocannon({
    url: baseUrl, connections: opts.connections, duration: opts.seconds,
    requests: [{
      setupRequest: (req: any, context: any) => {
        context.conn ??= { index: assigned++ };
        const { method, path, headers, body, tag } = workload.next(context.conn);
        context.tag = tag; // one request at a time per autocannon connection
        return body === undefined ? { ...req, method, path, headers } : { ...req, method, path, headers, body };
      },
      onResponse: (status: number, body: string, context: any) => workload.onResponse?.(context.conn, status, body, context.tag),
    }],
  });
  const failures: Record<string, number> = Object.fromEntries(Object.entries(r.statusCodeStats as Record<string, { count: number }>)
    .filter(([code]) => !code.startsWith('2')).map(([code, s]) => [code, s.count]));
  if (r.errors - r.timeouts > 0) failures.error = r.errors - r.timeouts;
  if (r.timeouts > 0) failures.timeout = r.timeouts;
  return { perSecond: r.requests.average, done: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors, timedOut: r.timeouts, failures };
}

/**
 * A fixed offered rate, evenly spaced, latency counted from each request's due time (open-loop.ts);
 * request n goes out on connection slot n mod `connections`, which keeps its state like a closed-loop connection.
 */
export async function fixedRate(baseUrl: string, workload: Workload, opts: { rate: number; connections: number; seconds: number }): Promise<LoadResult> {
  const conns: Connection[] = Array.from({ length: opts.connections }, (_, index) => ({ index }));
  const r = await openLoop({ baseUrl, rate: opts.rate, seconds: opts.seconds, connections: opts.connections,
    next: (slot) => workload.next(conns[slot]),
    onResponse: (slot, status, body, request) => workload.onResponse?.(conns[slot], status, body, (request as WorkloadRequest).tag) });
  const failures: Record<string, number> = { ...r.statuses };
  if (r.errors > 0) failures.error = r.errors;
  return { perSecond: r.perSecond, done: r.done, p50: r.p50, p99: r.p99, failed: r.non2xx + r.errors, timedOut: 0, failures };
}

/** CPU seconds used so far by the server process and by each counted PostgreSQL process (from /proc). */
export interface CpuSample { server: number; postgres: Map<string, number> }

/** utime + stime of a process in seconds (clock ticks of 1/100 s, Linux's USER_HZ). */
const cpuTicks = (pid: string) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};

/**
 * PostgreSQL's share: the backends connected to `postgresDatabase` and the server-wide writers
 * (checkpointer, background writer, WAL writer). Backends of other databases (other people's tests on
 * the same server) are left out; none is counted when `postgresDatabase` is not given (PGlite runs inside
 * the server process).
 */
export function cpuSeconds(serverPid: number, postgresDatabase?: string): CpuSample {
  const postgres = new Map<string, number>();
  if (postgresDatabase) {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
        const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (title.includes(` ${postgresDatabase} `) || /: (checkpointer|background writer|walwriter)\b/.test(title)) postgres.set(pid, cpuTicks(pid));
      } catch { /* gone */ }
    }
  }
  return { server: cpuTicks(String(serverPid)), postgres };
}

/**
 * CPU seconds between two samples. PostgreSQL: per process, so a backend that exits in between (the
 * server's pool closes a connection after 10 s idle) takes with it only what it did during the run —
 * little, as it had been idle — instead of its whole past; a backend started in between counts from zero.
 */
export function cpuBetween(before: CpuSample, after: CpuSample): { server: number; postgres: number } {
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  return { server: after.server - before.server, postgres };
}

/** A load's figures with the CPU milliseconds per request of the server and of PostgreSQL during it. */
export interface Measured extends LoadResult { cpuMs: { server: number; postgres: number } }

export async function measured(serverPid: number, postgresDatabase: string | undefined, run: () => Promise<LoadResult>): Promise<Measured> {
  const before = cpuSeconds(serverPid, postgresDatabase);
  const result = await run();
  const used = cpuBetween(before, cpuSeconds(serverPid, postgresDatabase));
  const n = result.done || 1;
  return { ...result, cpuMs: { server: (1000 * used.server) / n, postgres: (1000 * used.postgres) / n } };
}

/** One line of a measured load, as the benchmarks print it while they run. */
export function describe(label: string, m: Measured, withPostgres: boolean): string {
  const kinds = Object.entries(m.failures).map(([kind, n]) => `${kind === 'timeout' ? 'no answer in 10 s' : kind} ×${n}`).join(', ');
  return `${label}: ${m.perSecond.toFixed(0)}/s, p50 ${m.p50} ms, p99 ${m.p99} ms, failed ${m.failed}${kinds ? ` (${kinds})` : ''};`
    + ` CPU per request: server ${m.cpuMs.server.toFixed(2)} ms${withPostgres ? `, PostgreSQL ${m.cpuMs.postgres.toFixed(2)} ms` : ''}`;
}
