// pageToken of the SS 12000 lists: opaque to the client, signed by the server. It carries the query the
// first page was asked with (so the next pages answer the same question) and where the last page ended
// (keyset: the sort values of its last row), never an offset, so that deep pages cost as little as the first.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ssBadRequest } from './errors.js';

/** The largest page we answer; a larger `limit` is clamped to it, not refused. No `limit` = this size. */
export const MAX_PAGE_SIZE = 1000;

export interface PageState {
  /** the list's query parameters other than limit and pageToken, as first given */
  query: Record<string, unknown>;
  /** sort values of the last row served */
  after: unknown[];
}

const sign = (key: Uint8Array, body: string) => createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);

export function encodePageToken(key: Uint8Array, path: string, state: PageState): string {
  const body = Buffer.from(JSON.stringify({ p: path, q: state.query, a: state.after })).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** The state of a token we issued for this list; a 400 for anything else (tampered, for another list). */
export function decodePageToken(key: Uint8Array, path: string, token: string): PageState {
  const [body, mac] = token.split('.');
  const expected = body ? sign(key, body) : '';
  if (!body || !mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    throw ssBadRequest('pageToken is not one this server gave', 'invalid_page_token');
  }
  const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { p: string; q: Record<string, unknown>; a: unknown[] };
  if (parsed.p !== path) throw ssBadRequest('pageToken belongs to another list', 'invalid_page_token');
  return { query: parsed.q, after: parsed.a };
}

export const clampLimit = (limit: number | undefined): number => Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
