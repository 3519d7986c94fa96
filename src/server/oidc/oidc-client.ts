import * as client from 'openid-client';
import { isLoopback, type OidcProviderConfig } from '../../domain/oidc/provider-config.js';

/** What the provider vouched for, after the library has checked the ID token (signature, issuer,
 *  audience, expiry, nonce) and the code exchange (state, PKCE). */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** The authorization-code + PKCE (S256) flow with one OpenID provider, through openid-client. The
 *  provider's metadata is discovered at the first login and kept; a failed discovery is tried again at
 *  the next login. */
export function oidcClient(provider: OidcProviderConfig) {
  let discovered: Promise<client.Configuration> | null = null;

  function configuration(): Promise<client.Configuration> {
    if (!discovered) {
      const issuer = new URL(provider.issuer);
      discovered = client.discovery(issuer, provider.clientId, provider.clientSecret ?? undefined,
        provider.clientSecret ? undefined : client.None(),
        // plain http only to a provider on this machine (the demo and test providers; see provider-config.ts)
        issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 });
      discovered.catch(() => { discovered = null; });
    }
    return discovered;
  }

  /** The provider's authorization URL for a new login, and the secrets to keep until it comes back. */
  async function start(redirectUri: string) {
    const config = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: provider.scope, state, nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code of the callback; throws when anything does not check out. The personnummer claim
   *  is taken from the ID token, else from the userinfo endpoint (where many providers put it). */
  async function finish(callbackUrl: URL, pending: { state: string; nonce: string; codeVerifier: string }, civicNoClaim: string): Promise<VerifiedIdentity> {
    const config = await configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idToken };
    if (claims[civicNoClaim] === undefined && tokens.access_token) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      claims = { ...info, ...claims };
    }
    return { issuer: idToken.iss, subject: idToken.sub, claims };
  }

  return { start, finish };
}

export type OidcClient = ReturnType<typeof oidcClient>;
