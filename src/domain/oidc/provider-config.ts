/**
 * Which OpenID Connect providers (e-ID brokers, Skolfederation) this deployment offers on the login page,
 * read from the environment. Pure: the caller passes the environment.
 *
 *   LARKA_OIDC_PROVIDERS=eid[,skolfed]          the providers, in the order of their buttons (none: off)
 *   LARKA_OIDC_<ID>_ISSUER                      issuer URL (discovery at <issuer>/.well-known/openid-configuration)
 *   LARKA_OIDC_<ID>_CLIENT_ID                   client id registered at the provider
 *   LARKA_OIDC_<ID>_CLIENT_SECRET               client secret (client_secret_basic)
 *   LARKA_OIDC_<ID>_LABEL                       the button's text (default "Logga in med BankID eller Freja")
 *   LARKA_OIDC_<ID>_CLAIM                       the claim with the personnummer (default DEFAULT_CIVIC_NO_CLAIM)
 *   LARKA_OIDC_<ID>_SCOPE                       scopes asked for (default DEFAULT_SCOPE)
 *   LARKA_PUBLIC_URL                            the address users reach Lärka at (redirect URI base)
 */

/** The personnummer claim of the Swedish OpenID Connect profile (OIDC Sweden), sent by Swedish e-ID
 *  brokers (BankID, Freja) that follow it. Brokers with their own name for it are configured per provider. */
export const DEFAULT_CIVIC_NO_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
/** The scope of the Swedish profile that releases the personnummer claim. */
export const DEFAULT_SCOPE = 'openid https://id.oidc.se/scope/naturalPersonNumber';
export const DEFAULT_LABEL = 'Logga in med BankID eller Freja';

export interface OidcProviderConfig {
  /** Short name in the URL: /api/auth/oidc/<id>/start. */
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  label: string;
  civicNoClaim: string;
  scope: string;
}

export interface OidcSettings {
  providers: OidcProviderConfig[];
  /** e.g. https://larka.kommun.se; when null the redirect URI is derived from the request. */
  publicUrl: string | null;
}

export const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

const envName = (id: string, key: string) => `LARKA_OIDC_${id.toUpperCase().replace(/-/g, '_')}_${key}`;

/** The providers of the environment. A provider named but not fully configured stops the server with a
 *  message saying what is missing (better than a login button that cannot work). */
export function readOidcSettings(env: Record<string, string | undefined>): OidcSettings {
  const ids = (env.LARKA_OIDC_PROVIDERS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const providers = [...new Set(ids)].map((id): OidcProviderConfig => {
    if (!PROVIDER_ID.test(id)) throw new Error(`LARKA_OIDC_PROVIDERS: "${id}" is not a provider name (a–z, 0–9, -)`);
    const get = (key: string) => env[envName(id, key)]?.trim() || undefined;
    const issuer = get('ISSUER');
    const clientId = get('CLIENT_ID');
    if (!issuer || !clientId) throw new Error(`OpenID provider "${id}": set ${envName(id, 'ISSUER')} and ${envName(id, 'CLIENT_ID')}`);
    let url: URL;
    try { url = new URL(issuer); } catch { throw new Error(`${envName(id, 'ISSUER')} is not a URL: ${issuer}`); }
    if (url.protocol !== 'https:' && !isLoopback(url)) throw new Error(`${envName(id, 'ISSUER')} must be https (plain http only on this machine)`);
    return {
      id, issuer, clientId, clientSecret: get('CLIENT_SECRET') ?? null,
      label: get('LABEL') ?? DEFAULT_LABEL,
      civicNoClaim: get('CLAIM') ?? DEFAULT_CIVIC_NO_CLAIM,
      scope: get('SCOPE') ?? DEFAULT_SCOPE,
    };
  });
  const publicUrl = env.LARKA_PUBLIC_URL?.trim().replace(/\/+$/, '') || null;
  return { providers, publicUrl };
}

/** Plain http is allowed to a provider on this machine only (the demo and test providers). */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}
