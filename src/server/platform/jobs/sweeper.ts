/**
 * A background job that works off a durable queue (rows written in the transaction of what they tell): run
 * soon after a commit (`kick`), again every `everyMs` for what is left or failed, never two runs at once — a
 * run asked for while one is going follows it. Never blocks the request that wrote the rows.
 */
export interface Sweeper { sweep(): Promise<number>; kick(): void; start(): void; stop(): Promise<void> }

interface Log { warn(obj: object, msg: string): void }

export function sweeper(name: string, run: () => Promise<number>, opts: { everyMs: number; kickAfterMs: readonly number[]; log: Log }): Sweeper {
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  const pendingKicks = new Set<NodeJS.Timeout>();
  let stopped = false;

  async function sweep(): Promise<number> {
    if (running) { again = true; return running; }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        try { total += await run(); } catch (err) { opts.log.warn({ err: String(err) }, `${name} failed`); }
      } while (again && !stopped);
      return total;
    })().finally(() => { running = null; });
    return running;
  }

  function kick(): void {
    if (stopped) return;
    for (const ms of opts.kickAfterMs) {
      const t = setTimeout(() => { pendingKicks.delete(t); void sweep(); }, ms);
      t.unref();
      pendingKicks.add(t);
    }
  }

  function start(): void {
    timer = setInterval(() => void sweep(), opts.everyMs);
    timer.unref();
    kick();
  }

  async function stop(): Promise<void> {
    stopped = true;
    if (timer) clearInterval(timer);
    for (const t of pendingKicks) clearTimeout(t);
    pendingKicks.clear();
    if (running) await running.catch(() => 0);
  }

  return { sweep, kick, start, stop };
}
