// The API clients of the SS 12000 interface as the interface needs them: checking client credentials
// and loading the principal of a token. Registering clients is the administrator's (clients-service.ts).
import { decoyHash, verifyPassword } from '../../platform/auth/passwords.js';
import type { ApiClientPrincipal, Ss12000Resource } from '../../platform/access/ss12000-clients.js';
import { one, sql, type Queryable } from '../../platform/db/database.js';

interface ClientRow {
  organiser_id: string; id: string; client_id: string; name: string; secret_hash: string;
  unit_ids: string[] | null; resources: string[]; write_attendance: boolean; revoked_at: Date | null;
}

const toPrincipal = (r: ClientRow): ApiClientPrincipal => ({
  organiserId: r.organiser_id, id: r.id, clientId: r.client_id, name: r.name,
  unitIds: r.unit_ids, resources: r.resources as Ss12000Resource[], writeAttendance: r.write_attendance,
});

export function apiClientStore(db: Pick<Queryable, 'execute'>, organiserId: string) {
  return {
    /** The client whose id and secret these are, or null. Costs the same for an unknown id (decoy hash). */
    async authenticate(clientId: string, secret: string): Promise<ApiClientPrincipal | null> {
      const row = await one<ClientRow>(db, sql`select * from api_client where organiser_id = ${organiserId} and client_id = ${clientId}`);
      const ok = await verifyPassword(row?.secret_hash ?? await decoyHash(), secret);
      if (!row || !ok || row.revoked_at) return null;
      await db.execute(sql`update api_client set last_used_at = now() where organiser_id = ${organiserId} and id = ${row.id}`);
      return toPrincipal(row);
    },
    /** The principal of a token's subject as it is now; null when revoked or removed. */
    async principal(id: string): Promise<ApiClientPrincipal | null> {
      const row = await one<ClientRow>(db, sql`select * from api_client where organiser_id = ${organiserId} and id = ${id}`);
      return row && !row.revoked_at ? toPrincipal(row) : null;
    },
  };
}
export type ApiClientStore = ReturnType<typeof apiClientStore>;
