// Registering the API clients of the SS 12000 interface: the organiser-level administrator lists, creates,
// edits, gives a new secret to and revokes clients. A secret is shown once, in the answer that made it; only
// its argon2id hash is kept. Every change is audited in its transaction. The interface reads a client fresh
// on every request (auth/clients.ts), so a narrowed grant or a revocation takes effect at once.
import { randomBytes, randomUUID } from 'node:crypto';
import { generatedClientId, isValidClientId } from '../../../domain/ss12000/client-id.js';
import { requireAction, requireOrganiserAdministrator } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { SS12000_WRITABLE, type Ss12000Resource } from '../../platform/access/ss12000-clients.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { one, rows, sql, type Db, type Queryable } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { auditAs } from '../../register/organisation/audit-as.js';

export interface ApiClientView {
  id: string; clientId: string; name: string;
  /** null = every unit of the organiser */
  units: { id: string; name: string }[] | null;
  resources: Ss12000Resource[]; writeAttendance: boolean;
  createdAt: string; lastUsedAt: string | null; revokedAt: string | null; version: number;
}

export interface ApiClientFields {
  name: string;
  /** null = every unit */
  unitIds: string[] | null;
  resources: Ss12000Resource[];
  writeAttendance: boolean;
}

/** A generated secret: 32 random bytes (256 bits), base64url — shown once, stored as an argon2id hash. */
const generatedSecret = (): string => randomBytes(32).toString('base64url');

const select = (organiserId: string) => sql`
  select c.id, c.client_id as "clientId", c.name, c.resources, c.write_attendance as "writeAttendance", c.version,
    to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
    to_char(c.last_used_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastUsedAt",
    to_char(c.revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "revokedAt",
    case when c.unit_ids is null then null else coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
      from school_unit u where u.organiser_id = c.organiser_id and u.id = any(c.unit_ids)), '[]'::json) end as units
  from api_client c where c.organiser_id = ${organiserId}`;

export function apiClientService(db: Db) {
  async function allowed(actor: Actor) {
    requireAction(actor, 'ss12000.clients.manage');
    await requireOrganiserAdministrator(db, actor);
  }

  async function find(q: Pick<Queryable, 'execute'>, actor: Actor, id: string): Promise<ApiClientView> {
    const found = await one<ApiClientView>(q, sql`${select(actor.organiserId)} and c.id = ${id}`);
    if (!found) throw notFound('API client not found');
    return found;
  }

  /** The fields as stored: units of this organiser only, write permission only with a writable resource. */
  async function checked(q: Pick<Queryable, 'execute'>, actor: Actor, f: ApiClientFields): Promise<ApiClientFields> {
    const unitIds = f.unitIds === null ? null : [...new Set(f.unitIds)];
    if (unitIds) {
      if (!unitIds.length) throw badRequest('Choose at least one school unit, or all units', 'no_units');
      const known = await rows<{ id: string }>(q, sql`select id from school_unit where organiser_id = ${actor.organiserId} and id = any(${sql.param(unitIds)}::uuid[])`);
      if (known.length !== unitIds.length) throw badRequest('A chosen school unit does not exist', 'unknown_unit');
    }
    const resources = [...new Set(f.resources)];
    if (f.writeAttendance && !resources.some((r) => SS12000_WRITABLE.includes(r))) {
      throw badRequest('Write permission needs attendances, attendanceEvents or absences among the resources', 'write_without_resource');
    }
    return { name: f.name, unitIds, resources, writeAttendance: f.writeAttendance };
  }

  async function list(actor: Actor): Promise<ApiClientView[]> {
    await allowed(actor);
    return rows<ApiClientView>(db, sql`${select(actor.organiserId)} order by c.revoked_at is not null, c.name, c.client_id`);
  }

  async function create(actor: Actor, input: ApiClientFields & { clientId: string | null }) {
    await allowed(actor);
    const clientId = input.clientId ?? generatedClientId(input.name, randomBytes(4).toString('hex'));
    if (!isValidClientId(clientId)) throw badRequest('A client id has 3–64 letters a–z, digits, ".", "_" or "-"', 'invalid_client_id');
    const secret = generatedSecret();
    const hash = await hashPassword(secret);
    const id = randomUUID();
    await db.transaction(async (tx) => {
      const f = await checked(tx, actor, input);
      // client ids are unique in the deployment (the token route looks them up without an organiser)
      if (await one(tx, sql`select 1 as taken from api_client where client_id = ${clientId}`)) throw conflict('client_id_taken', 'Another client has that client id');
      await tx.execute(sql`insert into api_client (organiser_id, id, client_id, name, secret_hash, unit_ids, resources, write_attendance, created_by)
        values (${actor.organiserId}, ${id}, ${clientId}, ${f.name}, ${hash}, ${f.unitIds ? sql`${sql.param(f.unitIds)}::uuid[]` : sql`null`},
          ${sql.param(f.resources)}::text[], ${f.writeAttendance}, ${actor.personId})`);
      await auditAs(tx, actor, { action: 'ss12000.client.created', entityType: 'api_client', entityId: id, details: { clientId, after: f } });
    });
    return { client: await find(db, actor, id), secret };
  }

  async function update(actor: Actor, id: string, input: ApiClientFields & { version: number | null }) {
    await allowed(actor);
    await db.transaction(async (tx) => {
      const before = await find(tx, actor, id);
      if (before.revokedAt) throw conflict('client_revoked', 'The client is revoked');
      const f = await checked(tx, actor, input);
      const changed = await rows(tx, sql`update api_client set name = ${f.name}, unit_ids = ${f.unitIds ? sql`${sql.param(f.unitIds)}::uuid[]` : sql`null`},
          resources = ${sql.param(f.resources)}::text[], write_attendance = ${f.writeAttendance}, version = version + 1
        where organiser_id = ${actor.organiserId} and id = ${id} ${input.version === null ? sql`` : sql`and version = ${input.version}`} returning id`);
      if (!changed.length) throw conflict('stale', 'Someone else changed the client meanwhile');
      await auditAs(tx, actor, { action: 'ss12000.client.changed', entityType: 'api_client', entityId: id,
        details: { clientId: before.clientId, before: { name: before.name, units: before.units, resources: before.resources, writeAttendance: before.writeAttendance }, after: f } });
    });
    return find(db, actor, id);
  }

  /** A new secret (shown once): the old one stops working for new tokens at once. */
  async function rotate(actor: Actor, id: string) {
    await allowed(actor);
    const secret = generatedSecret();
    const hash = await hashPassword(secret);
    await db.transaction(async (tx) => {
      const before = await find(tx, actor, id);
      if (before.revokedAt) throw conflict('client_revoked', 'The client is revoked');
      await tx.execute(sql`update api_client set secret_hash = ${hash}, version = version + 1 where organiser_id = ${actor.organiserId} and id = ${id}`);
      await auditAs(tx, actor, { action: 'ss12000.client.secret_rotated', entityType: 'api_client', entityId: id, details: { clientId: before.clientId } });
    });
    return { client: await find(db, actor, id), secret };
  }

  /** Revoked: no new token, and its tokens are refused from the next request on. */
  async function revoke(actor: Actor, id: string) {
    await allowed(actor);
    await db.transaction(async (tx) => {
      const before = await find(tx, actor, id);
      if (before.revokedAt) return;
      await tx.execute(sql`update api_client set revoked_at = now(), version = version + 1 where organiser_id = ${actor.organiserId} and id = ${id}`);
      await auditAs(tx, actor, { action: 'ss12000.client.revoked', entityType: 'api_client', entityId: id, details: { clientId: before.clientId } });
    });
    return find(db, actor, id);
  }

  return { list, create, update, rotate, revoke };
}
export type ApiClientService = ReturnType<typeof apiClientService>;
