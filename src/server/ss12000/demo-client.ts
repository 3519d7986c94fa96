import { hashPassword } from '../platform/auth/passwords.js';
import { SS12000_RESOURCES } from '../platform/access/ss12000-clients.js';
import { sql, type Queryable } from '../platform/db/database.js';
import { nameUuid } from '../platform/db/name-uuid.js';

/** The demo's SS 12000 API client: reads every resource of the whole organiser, writes nothing. */
export const DEMO_API_CLIENT = { clientId: 'demo-client', secret: 'demo-secret', name: 'Demoklient (läser hela huvudmannen)' } as const;

export async function seedDemoApiClient(q: Pick<Queryable, 'execute'>, organiserId: string, secretHash?: Promise<string>): Promise<void> {
  const hash = await (secretHash ?? hashPassword(DEMO_API_CLIENT.secret));
  await q.execute(sql`insert into api_client (organiser_id, id, client_id, name, secret_hash, unit_ids, resources, write_attendance)
    values (${organiserId}, ${nameUuid(`larka-demo:api-client:${DEMO_API_CLIENT.clientId}`)}, ${DEMO_API_CLIENT.clientId}, ${DEMO_API_CLIENT.name},
      ${hash}, null, ${sql.param([...SS12000_RESOURCES])}::text[], false)
    on conflict do nothing`);
}
