// An SS 12000 source we import from: a token by client credentials, then paged GETs that follow pageToken
// with the largest page, retrying 429, 503 and network errors with backoff, each request with a timeout.
// Only the base URL given is ever called (the token at <base>/oauth/token, the lists at <base>/v2/…).

export interface SourceOptions {
  baseUrl: string; clientId: string; clientSecret: string;
  /** per request */
  timeoutMs?: number;
  retries?: number;
  /** first backoff; doubled each retry */
  backoffMs?: number;
  fetch?: typeof fetch;
}

export class SourceError extends Error {
  constructor(message: string, readonly status: number | null = null) { super(message); }
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ss12000Source(opts: SourceOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const retries = opts.retries ?? 5;
  const backoffMs = opts.backoffMs ?? 500;
  let token: { value: string; until: number } | null = null;

  async function request(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let res: Response | null = null;
      let failure: unknown = null;
      try {
        res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) { failure = e; }
      const retryable = failure !== null || (res !== null && RETRY_STATUS.has(res.status));
      if (!retryable || attempt >= retries) {
        if (failure) throw new SourceError(`${url.replace(base, '')}: källan svarar inte (${(failure as Error).message ?? failure})`);
        return res!;
      }
      const after = Number(res?.headers.get('retry-after'));
      await res?.body?.cancel();
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 30_000) : backoffMs * 2 ** attempt);
    }
  }

  async function bearer(): Promise<string> {
    if (token && token.until > Date.now() + 30_000) return token.value;
    const res = await request(`${base}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: opts.clientId, client_secret: opts.clientSecret }).toString(),
    });
    if (res.status !== 200) throw new SourceError(`Källan godtog inte klientuppgifterna (${res.status})`, res.status);
    const body = await res.json() as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new SourceError('Källan gav ingen åtkomsttoken');
    token = { value: body.access_token, until: Date.now() + (body.expires_in ?? 300) * 1000 };
    return token.value;
  }

  async function get(pathAndQuery: string): Promise<{ status: number; body: any }> {
    let res = await request(`${base}/v2${pathAndQuery}`, { headers: { authorization: `Bearer ${await bearer()}`, accept: 'application/json' } });
    if (res.status === 401) { // the token ran out mid-crawl: one new token, once
      await res.body?.cancel();
      token = null;
      res = await request(`${base}/v2${pathAndQuery}`, { headers: { authorization: `Bearer ${await bearer()}`, accept: 'application/json' } });
    }
    const text = await res.text();
    let body: unknown = null;
    try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body };
  }

  /**
   * Every page of a list, each handed to `onPage` before the next is asked for. `query` are the list's
   * filters (only on the first request; a pageToken carries them). Returns false when the source does not
   * serve the resource to us (403 or 404), so that optional resources can be skipped.
   */
  async function crawl<T>(resource: string, query: Record<string, string | string[]>, onPage: (data: T[]) => Promise<void> | void): Promise<boolean> {
    const params = new URLSearchParams({ limit: '1000' });
    for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    // the next page is asked for while this one is handed over (written), so that the source and we work at once
    let next = get(`/${resource}?${params}`);
    for (;;) {
      const { status, body } = await next;
      if (status === 403 || status === 404) return false;
      if (status !== 200) throw new SourceError(`/${resource}: källan svarade ${status}${body?.message ? ` (${body.message})` : ''}`, status);
      if (!body || typeof body !== 'object') throw new SourceError(`/${resource}: källans svar är inte JSON`);
      const following = body.pageToken ? get(`/${resource}?limit=1000&pageToken=${encodeURIComponent(body.pageToken)}`) : null;
      following?.catch(() => { /* reported when awaited */ });
      await onPage(resource === 'deletedEntities' ? [body.data ?? {}] as T[] : (Array.isArray(body.data) ? body.data : []));
      if (!following) return true;
      next = following;
    }
  }

  return { crawl, get, bearer };
}
export type Ss12000Source = ReturnType<typeof ss12000Source>;
