import { randomBytes } from 'node:crypto';

/** A UUID (version 7 layout) that sorts by creation: the time in milliseconds, then `seq`, then random bits.
 *  Goals have no position column; ids made this way keep them in the order they were written. */
export function orderedUuid(seq: number, now = Date.now()): string {
  const b = randomBytes(16);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
