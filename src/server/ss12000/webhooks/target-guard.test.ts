import { describe, expect, it } from 'vitest';
import { assertPublicTarget, isNonPublicAddress } from './target-guard.js';

describe('a subscriber target must be on a public address', () => {
  it('loopback, private, link-local (cloud metadata), carrier-grade NAT and IPv6 local addresses are not public', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
  });
  it('public addresses are', () => {
    for (const a of ['8.8.8.8', '193.10.1.1', '2001:4860:4860::8888']) expect(isNonPublicAddress(a), a).toBe(false);
  });
  it('a target naming a private address or localhost is refused before any call', async () => {
    await expect(assertPublicTarget('http://127.0.0.1:8080/hook')).rejects.toThrow(/not public/);
    await expect(assertPublicTarget('http://[::1]/hook')).rejects.toThrow(/not public/);
    await expect(assertPublicTarget('http://localhost/hook')).rejects.toThrow(/not public/);
  });
});
