import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordProblem } from '../../domain/accounts/password-rules.js';
import { audit } from '../platform/audit/audit.js';
import { hashPassword, verifyPassword } from '../platform/auth/passwords.js';
import { one, type Db } from '../platform/db/database.js';
import { AppError } from '../platform/http/errors.js';
import { setSessionCookie } from '../platform/http/request-context.js';
import { authErrors, ErrorBody } from '../platform/http/schemas.js';
import { SessionBodySchema } from '../session/routes.js';
import type { SessionService } from '../session/session-service.js';
import { createSession, type SessionRow } from '../session/session-store.js';

export interface OwnPasswordDeps {
  db: Db; sessions: SessionService; organiserId: string; sessionHours: number; secureCookies: boolean;
}

/**
 * A person changes their own password (at first login, when an administrator set it, or whenever they
 * like): the current one is checked, the new one must follow the rules (domain/accounts/password-rules.ts)
 * and differ from the current one. Every session of the account ends and this one continues under a new
 * id. Audited without the password.
 */
export function ownPasswordService(deps: OwnPasswordDeps) {
  const { db, organiserId: org } = deps;
  const auditFor = (row: SessionRow, ip: string, action: string) => ({
    organiserId: org, actorPersonId: row.person_id, actorRole: row.role, actorUnitId: row.unit_id,
    action, entityType: 'account', entityId: row.account_id, details: { personId: row.person_id }, ip,
  });

  async function change(row: SessionRow, input: { currentPassword: string; newPassword: string }, ip: string) {
    const account = await one<{ username: string; password_hash: string | null }>(db, sql`
      select username, password_hash from account where organiser_id = ${org} and id = ${row.account_id}`);
    if (!account?.password_hash || !(await verifyPassword(account.password_hash, input.currentPassword))) {
      await audit(db, auditFor(row, ip, 'account.password_change_failed'));
      throw new AppError(400, 'current_password_wrong', 'The current password is wrong');
    }
    const problem = passwordProblem(input.newPassword, account.username);
    if (problem) throw new AppError(400, problem, 'The new password does not follow the rules');
    if (await verifyPassword(account.password_hash, input.newPassword)) throw new AppError(400, 'password_reused', 'Choose a password other than the current one');
    const hash = await hashPassword(input.newPassword);
    const token = await db.transaction(async (tx) => {
      await tx.execute(sql`update account set password_hash = ${hash}, must_change_password = false where organiser_id = ${org} and id = ${row.account_id}`);
      await tx.execute(sql`delete from session where organiser_id = ${org} and account_id = ${row.account_id}`);
      const created = await createSession(tx, org, { accountId: row.account_id, personId: row.person_id, role: row.role, unitId: row.unit_id }, deps.sessionHours);
      await audit(tx, auditFor(row, ip, 'account.password_changed'));
      return created.token;
    });
    deps.sessions.forgetAccount(row.account_id);
    const renewed = await deps.sessions.resolve(token);
    return { token, body: await deps.sessions.describe(renewed!) };
  }

  return { change };
}

export const ownPasswordRoutes = (s: ReturnType<typeof ownPasswordService>, deps: Pick<OwnPasswordDeps, 'sessionHours' | 'secureCookies'>): FastifyPluginAsyncZod => async (app) => {
  app.put('/api/me/password', {
    config: { access: 'session', scope: 'actor', allowedBeforePasswordChange: true },
    schema: { tags: ['accounts'], summary: 'Change your own password (with the current one); the session continues under a new id, other sessions end',
      body: z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) }),
      response: { 200: SessionBodySchema, 400: ErrorBody, ...authErrors } },
  }, async (req, reply) => {
    const { token, body } = await s.change(req.session!, req.body, req.ip);
    setSessionCookie(reply, req, token, deps.sessionHours, deps.secureCookies);
    return reply.headers({ 'cache-control': 'no-store' }).send(body);
  });
};
