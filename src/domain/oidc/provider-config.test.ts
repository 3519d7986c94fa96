import { describe, expect, it } from 'vitest';
import { DEFAULT_CIVIC_NO_CLAIM, DEFAULT_LABEL, DEFAULT_SCOPE, readOidcSettings } from './provider-config.js';

describe('OpenID provider configuration', () => {
  it('without LARKA_OIDC_PROVIDERS e-ID login is off', () => {
    expect(readOidcSettings({})).toEqual({ providers: [], publicUrl: null });
  });
  it('a provider gets the Swedish profile claim, scope and a BankID/Freja label by default', () => {
    const s = readOidcSettings({ LARKA_OIDC_PROVIDERS: 'eid', LARKA_OIDC_EID_ISSUER: 'https://broker.example/', LARKA_OIDC_EID_CLIENT_ID: 'larka',
      LARKA_OIDC_EID_CLIENT_SECRET: 'x', LARKA_PUBLIC_URL: 'https://larka.example/' });
    expect(s.publicUrl).toBe('https://larka.example');
    expect(s.providers).toEqual([{ id: 'eid', issuer: 'https://broker.example/', clientId: 'larka', clientSecret: 'x',
      label: DEFAULT_LABEL, civicNoClaim: DEFAULT_CIVIC_NO_CLAIM, scope: DEFAULT_SCOPE }]);
  });
  it('several providers, each with its own claim name and label', () => {
    const s = readOidcSettings({ LARKA_OIDC_PROVIDERS: 'eid, skolfed', LARKA_OIDC_EID_ISSUER: 'https://a.example', LARKA_OIDC_EID_CLIENT_ID: 'a',
      LARKA_OIDC_SKOLFED_ISSUER: 'https://b.example', LARKA_OIDC_SKOLFED_CLIENT_ID: 'b', LARKA_OIDC_SKOLFED_CLAIM: 'personalIdentityNumber',
      LARKA_OIDC_SKOLFED_LABEL: 'Logga in med Skolfederation' });
    expect(s.providers.map((p) => [p.id, p.civicNoClaim, p.label])).toEqual([
      ['eid', DEFAULT_CIVIC_NO_CLAIM, DEFAULT_LABEL], ['skolfed', 'personalIdentityNumber', 'Logga in med Skolfederation']]);
  });
  it('a provider without issuer or client id stops the start with what is missing', () => {
    expect(() => readOidcSettings({ LARKA_OIDC_PROVIDERS: 'eid' })).toThrow(/LARKA_OIDC_EID_ISSUER/);
  });
  it('plain http is refused except to this machine', () => {
    const env = (issuer: string) => ({ LARKA_OIDC_PROVIDERS: 'eid', LARKA_OIDC_EID_ISSUER: issuer, LARKA_OIDC_EID_CLIENT_ID: 'a' });
    expect(() => readOidcSettings(env('http://broker.example'))).toThrow(/https/);
    expect(readOidcSettings(env('http://127.0.0.1:4000')).providers).toHaveLength(1);
  });
  it('a provider name that cannot be part of a URL is refused', () => {
    expect(() => readOidcSettings({ LARKA_OIDC_PROVIDERS: 'e/id' })).toThrow(/provider name/);
  });
});
