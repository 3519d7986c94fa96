// Signed access tokens of the SS 12000 interface: HS256 JWTs with a key the server generates once and
// keeps in server_secret, so that tokens survive a restart and every instance on one database accepts them.
import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Queryable } from '../../platform/db/database.js';
import { cachedSecret } from './server-secret.js';

export const TOKEN_SECONDS = 3600;
const ISSUER = 'larka';
const AUDIENCE = 'ss12000';
const KEY_NAME = 'ss12000_token_key';

export interface TokenClaims {
  /** api_client.id */
  sub: string;
  /** the OAuth2 client_id */
  clientId: string;
  organiserId: string;
  /** the granted resources, space-separated as OAuth2 scopes are */
  scope: string;
}

export function tokenService(db: Pick<Queryable, 'execute'>, now: () => Date) {
  const getKey = cachedSecret(db, KEY_NAME);
  return {
    async issue(c: TokenClaims): Promise<string> {
      const iat = Math.floor(now().getTime() / 1000);
      return new SignJWT({ client_id: c.clientId, org: c.organiserId, scope: c.scope })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(c.sub).setIssuer(ISSUER).setAudience(AUDIENCE)
        .setIssuedAt(iat).setExpirationTime(iat + TOKEN_SECONDS).setJti(randomBytes(12).toString('base64url'))
        .sign(await getKey());
    },
    /** The claims of a valid token of ours, or null (bad signature, expired, not ours). */
    async verify(token: string): Promise<TokenClaims | null> {
      try {
        const { payload } = await jwtVerify(token, await getKey(), {
          issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now(),
        });
        if (typeof payload.sub !== 'string' || typeof payload.org !== 'string') return null;
        return { sub: payload.sub, clientId: String(payload.client_id ?? ''), organiserId: payload.org, scope: String(payload.scope ?? '') };
      } catch {
        return null;
      }
    },
  };
}
export type TokenService = ReturnType<typeof tokenService>;
