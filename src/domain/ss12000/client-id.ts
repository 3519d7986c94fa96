// Rules of the client ids of SS 12000 API clients: what one may look like and how one is made from the
// client's name. Pure functions (used by the server and the administrator's form).

/** A client id: 3–64 letters a–z, digits, '.', '_' or '-', starting with a letter or digit (safe in a
 *  form body and in HTTP Basic without escaping). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

export const isValidClientId = (id: string): boolean => CLIENT_ID_PATTERN.test(id);

/** A generated client id: a readable prefix from the client's name and a random tail, e.g. `schemat-3f9a1c2b`. */
export function generatedClientId(name: string, randomTail: string): string {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return `${slug || 'klient'}-${randomTail}`;
}
