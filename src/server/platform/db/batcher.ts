/**
 * Group commit for a hot statement: requests that arrive while earlier ones are being run are run
 * together, as ONE statement over all of them, and each caller gets its own answer when that statement has
 * finished (for a write: after its commit). At low load a request runs at once, alone; under load the
 * queue itself forms the batches, so no request waits for a timer.
 *
 * When a statement fails (say a constraint no check foresaw), its requests are retried one by one, so one
 * bad request cannot fail the others. Requests with the same `conflictKey` never share a statement: the
 * later one waits for the next (e.g. two saves of one grade cell, which would race inside one statement).
 */
export interface BatcherOptions<I, O> {
  /** Runs the requests as one statement; returns one answer per request, in order. */
  run(items: I[]): Promise<O[]>;
  /** Requests run together at most. */
  maxBatch?: number;
  /** Statements in flight at once (each takes a pooled connection). */
  maxInFlight?: number;
  conflictKey?: (item: I) => string;
}

interface Pending<I, O> { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }

export function batcher<I, O>(opts: BatcherOptions<I, O>): (item: I) => Promise<O> {
  const maxBatch = opts.maxBatch ?? 200;
  const maxInFlight = opts.maxInFlight ?? 2;
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;

  function take(): Pending<I, O>[] {
    if (!opts.conflictKey) return queue.splice(0, maxBatch);
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < maxBatch;) {
      const key = opts.conflictKey(queue[i].item);
      if (keys.has(key)) { i++; continue; }
      keys.add(key);
      batch.push(queue.splice(i, 1)[0]);
    }
    return batch;
  }

  async function runBatch(batch: Pending<I, O>[]): Promise<void> {
    try {
      const answers = await opts.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(answers[i]));
    } catch (err) {
      if (batch.length === 1) { batch[0].reject(err); return; }
      for (const p of batch) {
        try { p.resolve((await opts.run([p.item]))[0]); } catch (e) { p.reject(e); }
      }
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = take();
      inFlight++;
      void runBatch(batch).finally(() => { inFlight--; pump(); });
    }
  }

  return (item) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    pump();
  });
}
