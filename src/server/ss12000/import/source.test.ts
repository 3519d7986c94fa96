import { describe, expect, it } from 'vitest';
import { ss12000Source } from './source.js';

type Call = { url: string; auth: string | null };
/** A fake source: answers in order, recording each request. */
function fakeFetch(answers: ((call: Call) => Response | Error)[]) {
  const calls: Call[] = [];
  const f = (async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), auth: new Headers(init?.headers).get('authorization') };
    calls.push(call);
    const a = answers.shift();
    if (!a) throw new Error(`unexpected request ${call.url}`);
    const r = a(call);
    if (r instanceof Error) throw r;
    return r;
  }) as typeof fetch;
  return { f, calls };
}
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const token = json({ access_token: 't1', token_type: 'Bearer', expires_in: 3600 });

describe('the SS 12000 source client', () => {
  it('follows pageToken with the largest page; the filters go only with the first request', async () => {
    const { f, calls } = fakeFetch([token, json({ data: [{ id: 'a' }], pageToken: 'p2' }), json({ data: [{ id: 'b' }] })]);
    const seen: string[] = [];
    const ok = await ss12000Source({ baseUrl: 'http://src/ss12000/', clientId: 'c', clientSecret: 's', fetch: f })
      .crawl<{ id: string }>('persons', { 'meta.modified.after': '2026-01-01T00:00:00.000Z' }, (d) => { seen.push(...d.map((x) => x.id)); });
    expect(ok).toBe(true);
    expect(seen).toEqual(['a', 'b']);
    expect(calls.map((c) => c.url)).toEqual(['http://src/ss12000/oauth/token',
      'http://src/ss12000/v2/persons?limit=1000&meta.modified.after=2026-01-01T00%3A00%3A00.000Z', 'http://src/ss12000/v2/persons?limit=1000&pageToken=p2']);
    expect(calls[1].auth).toBe('Bearer t1');
  });

  it('retries 429, 503 and network errors with backoff, then answers', async () => {
    const { f, calls } = fakeFetch([token, json({}, 429), json({}, 503), () => new Error('ECONNRESET'), json({ data: [] })]);
    await ss12000Source({ baseUrl: 'http://src/ss12000', clientId: 'c', clientSecret: 's', fetch: f, backoffMs: 1 }).crawl('groups', {}, () => {});
    expect(calls.length).toBe(5);
  });

  it('gives up after the retries; a resource the client may not read is skipped (false); another status fails', async () => {
    const failing = fakeFetch([token, json({}, 503), json({}, 503)]);
    await expect(ss12000Source({ baseUrl: 'http://src/ss12000', clientId: 'c', clientSecret: 's', fetch: failing.f, backoffMs: 1, retries: 1 })
      .crawl('groups', {}, () => {})).rejects.toThrow('/groups: källan svarade 503');
    const refused = fakeFetch([token, json({ code: 'forbidden', message: 'no' }, 403)]);
    expect(await ss12000Source({ baseUrl: 'http://src/ss12000', clientId: 'c', clientSecret: 's', fetch: refused.f }).crawl('syllabuses', {}, () => {})).toBe(false);
    const wrong = fakeFetch([json({ error: 'invalid_client' }, 401)]);
    await expect(ss12000Source({ baseUrl: 'http://src/ss12000', clientId: 'c', clientSecret: 'x', fetch: wrong.f }).crawl('persons', {}, () => {}))
      .rejects.toThrow('Källan godtog inte klientuppgifterna (401)');
  });

  it('a token that runs out mid-crawl is renewed once', async () => {
    const { f, calls } = fakeFetch([token, json({}, 401), json({ access_token: 't2', expires_in: 3600 }), json({ data: [] })]);
    await ss12000Source({ baseUrl: 'http://src/ss12000', clientId: 'c', clientSecret: 's', fetch: f }).crawl('duties', {}, () => {});
    expect(calls[3].auth).toBe('Bearer t2');
  });
});
