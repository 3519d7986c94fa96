// A real OpenID provider (oidc-provider) on 127.0.0.1 for the e-ID tests and the demo: one client with
// a secret and PKCE, and a login page that asks for a personnummer (no password: it stands in for the
// BankID/Freja app). The personnummer is released as the Swedish profile's claim through the userinfo
// endpoint, as brokers do. Development and tests only: the Lärka server never imports this file.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { DEFAULT_CIVIC_NO_CLAIM } from '../../src/domain/oidc/provider-config.js';

export const CIVIC_NO_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The environment that points a Lärka server at this provider (provider id `eid`). */
  env: Record<string, string>;
  /** Registers the client's redirect URIs (a Lärka server's address may be known only after it started). */
  setRedirectUris(uris: string[]): void;
  stop(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The login page of the provider: personnummer, and (for tests) a subject to use instead of the default. */
function loginPage(uid: string, title: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.4rem 0;font-size:1rem}input,button{padding:.5rem}button{background:#1b5e20;color:#fff;border:0;border-radius:4px}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>Testinloggning (ingen riktig e-legitimation).</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="civicNo">Personnummer</label><input id="civicNo" name="civicNo" autocomplete="off" inputmode="numeric">
<button type="submit">Legitimera</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

/** The subject the provider gives a personnummer when the test names none (stable, not the number). */
export const subjectOf = (civicNo: string) => `sub-${createHash('sha256').update(civicNo).digest('hex').slice(0, 24)}`;

export async function startOidcProvider(opts: { port?: number; redirectUris?: string[]; title?: string; clientSecret?: string } = {}): Promise<OidcTestProvider> {
  const clientId = 'larka';
  const clientSecret = opts.clientSecret ?? randomBytes(24).toString('base64url');
  const title = opts.title ?? 'Test-IdP';
  /** account id (the subject) → personnummer ('' when the claim is to be left out) */
  const accounts = new Map<string, string>();
  const jwk = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const build = (redirectUris: string[]) => {
    const p = new Provider(issuer, {
      clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris.length ? redirectUris : ['http://127.0.0.1/unset'],
        response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic' }],
      pkce: { required: () => true },
      ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
      jwks: { keys: [jwk] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], [CIVIC_NO_SCOPE]: [DEFAULT_CIVIC_NO_CLAIM] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      // no consent page: the municipality's own broker has agreed to release the claim
      loadExistingGrant: async (ctx: any) => {
        const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope(`openid ${CIVIC_NO_SCOPE}`);
        await grant.save();
        return grant;
      },
      findAccount: async (_ctx: unknown, id: string) => accounts.has(id) ? {
        accountId: id,
        claims: async () => ({ sub: id, ...(accounts.get(id) ? { [DEFAULT_CIVIC_NO_CLAIM]: accounts.get(id) } : {}) }),
      } : undefined,
    });
    p.on('server_error', (_ctx: unknown, err: Error) => console.error('[test-idp]', err));
    return p;
  };
  let provider = build(opts.redirectUris ?? []);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const m = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
      if (!m) return provider.callback()(req, res);
      await provider.interactionDetails(req, res); // refuses an unknown or expired interaction
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(m[1], title));
        return;
      }
      const form = await formBody(req);
      const civicNo = (form.get('civicNo') ?? '').replace(/\s+/g, '');
      const subject = form.get('sub') || subjectOf(civicNo);
      accounts.set(subject, form.get('omitClaim') ? '' : civicNo);
      await provider.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false });
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  }

  return {
    issuer, clientId, clientSecret,
    env: { LARKA_OIDC_PROVIDERS: 'eid', LARKA_OIDC_EID_ISSUER: issuer, LARKA_OIDC_EID_CLIENT_ID: clientId, LARKA_OIDC_EID_CLIENT_SECRET: clientSecret },
    setRedirectUris(uris) { provider = build(uris); },
    stop: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
