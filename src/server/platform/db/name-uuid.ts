import { createHash } from 'node:crypto';

/** A name-based UUID (RFC 9562 version 5, SHA-1, in Lärka's own namespace): the same name gives the same
 *  id on every machine, so reference data imported twice has the same keys. */
const NAMESPACE = Buffer.from('5f3c1e2a9b7d4c6e8a1f0b2c3d4e5f60', 'hex');

export function nameUuid(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
