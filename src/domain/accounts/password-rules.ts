/**
 * What a person may choose as their own password (first login, or changing it later):
 * - at least 10 characters, or a passphrase: at least three words of at least two letters each, separated by
 *   spaces or hyphens ("ko är bi" may be short, but it is three words);
 * - at least 5 different characters (not "aaaaaaaaaa" or "abababababab");
 * - not containing the username;
 * - not the password they have now (checked by the server against the stored hash).
 * At most 200 characters.
 */
export const MIN_LENGTH = 10;
export const MIN_WORDS = 3;
export const MAX_LENGTH = 200;

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_simple' | 'password_contains_username';

export function isPassphrase(password: string): boolean {
  const words = password.trim().split(/[\s-]+/);
  return words.length >= MIN_WORDS && words.every((w) => [...w].filter((c) => /\p{L}/u.test(c)).length >= 2);
}

/** The first rule a new password breaks, or null when it may be used. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length > MAX_LENGTH) return 'password_too_long';
  if ([...password].length < MIN_LENGTH && !isPassphrase(password)) return 'password_too_short';
  if (new Set(password.toLowerCase()).size < 5) return 'password_too_simple';
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return 'password_contains_username';
  return null;
}
