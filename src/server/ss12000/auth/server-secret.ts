import { randomBytes } from 'node:crypto';
import { one, sql, type Queryable } from '../../platform/db/database.js';

/** A secret the server generates for itself on first use and keeps in server_secret (e.g. the key that
 *  signs access tokens), so that it survives a restart and every instance on one database shares it.
 *  Concurrent first uses agree on the row that won. */
export async function serverSecret(db: Pick<Queryable, 'execute'>, name: string): Promise<Uint8Array> {
  const fresh = randomBytes(32).toString('base64url');
  const row = await one<{ value: string }>(db, sql`
    with ins as (insert into server_secret (name, value) values (${name}, ${fresh}) on conflict (name) do nothing returning value)
    select value from ins union all select value from server_secret where name = ${name} limit 1`);
  return Buffer.from(row!.value, 'base64url');
}

/** serverSecret, fetched once per process (and again after a failure). */
export function cachedSecret(db: Pick<Queryable, 'execute'>, name: string): () => Promise<Uint8Array> {
  let value: Promise<Uint8Array> | undefined;
  return () => (value ??= serverSecret(db, name).catch((e) => { value = undefined; throw e; }));
}
