// Rules of registering SS 12000 API clients: what a client id may look like, how one is generated and how
// strong a generated secret is. Pure functions; the service stores only the secret's hash.
import { randomBytes } from 'node:crypto';

/** A client id: 3–64 letters a–z, digits, '.', '_' or '-', starting with a letter or digit (safe in a
 *  form body and in HTTP Basic without escaping). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

export const isValidClientId = (id: string): boolean => CLIENT_ID_PATTERN.test(id);

/** A generated client id: a readable prefix from the client's name and a random tail, e.g. `schemat-3f9a1c`. */
export function generatedClientId(name: string, random: () => string = () => randomBytes(4).toString('hex')): string {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return `${slug || 'klient'}-${random()}`;
}

/** A generated secret: 32 random bytes (256 bits), base64url — shown once, stored as an argon2id hash. */
export const generatedSecret = (): string => randomBytes(32).toString('base64url');
