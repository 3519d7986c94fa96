/**
 * An open-loop load: requests are sent at evenly spaced moments, whatever the server's answers, and each
 * latency is counted from the moment the request was due (not from when a free connection sent it), so a
 * slow server cannot hide its queue (no "coordinated omission"). autocannon's `overallRate` sends each
 * second's quota in one burst and then waits, which measures the burst's queue instead; this spreads it.
 */
import http from 'node:http';

export interface OpenLoopRequest { method: string; path: string; headers: Record<string, string>; body?: string }
export interface OpenLoopResult {
  offered: number; done: number; perSecond: number; non2xx: number; errors: number; p50: number; p99: number; max: number;
  /** How many answers of each non-2xx status. */
  statuses: Record<number, number>;
}

export async function openLoop(opts: {
  baseUrl: string; rate: number; seconds: number; connections: number;
  /** The next request of a connection slot (request n goes to slot n mod `connections`). */
  next: (slot: number) => OpenLoopRequest;
  /** Each answer, with the request it answers (several of a slot may be in flight, answered in any order). */
  onResponse?: (slot: number, status: number, body: string, request: OpenLoopRequest) => void;
}): Promise<OpenLoopResult> {
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let non2xx = 0; let errors = 0; let sent = 0;
  const statuses: Record<number, number> = {};
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();

  const send = (i: number, due: number) => {
    const slot = i % opts.connections;
    const r = opts.next(slot);
    const p = new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies.push(performance.now() - due);
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) { non2xx++; statuses[status] = (statuses[status] ?? 0) + 1; }
          opts.onResponse?.(slot, status, Buffer.concat(chunks).toString('utf8'), r);
          resolve();
        });
      });
      req.on('error', () => { errors++; resolve(); });
      if (r.body) req.end(r.body); else req.end();
    });
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) { send(sent, start + sent * interval); sent++; }
      if (sent >= total) resolve(); else setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { offered: opts.rate, done: latencies.length, perSecond: latencies.length / elapsed, non2xx, errors, p50: pct(0.5), p99: pct(0.99), max: Math.round(latencies.at(-1) ?? 0), statuses };
}
