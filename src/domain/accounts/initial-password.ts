/**
 * Initial passwords on credential letters, readable for children:
 *
 *   three syllables - three syllables - two digits, e.g. "bakety-sumera-47"
 *
 * A syllable is a consonant (b d f g h j k m n p r s t v) and a vowel (a e u y); digits are 2–9. Nothing
 * that can be mistaken for something else is used: no 0/O/o, no 1/l/I/i, no upper case. Every character
 * is drawn with the given random source, which the server takes from the operating system's CSPRNG
 * (crypto.randomInt). 14·4 choices per syllable, six syllables and two digits: about 41 bits.
 */
export const CONSONANTS = 'bdfghjkmnprstv';
export const VOWELS = 'aeuy';
export const DIGITS = '23456789';

/** A uniform whole number in [0, max): crypto.randomInt in the server, a seeded source in tests. */
export type RandomInt = (max: number) => number;

export function initialPassword(randomInt: RandomInt): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];
  const word = () => Array.from({ length: 3 }, () => pick(CONSONANTS) + pick(VOWELS)).join('');
  return `${word()}-${word()}-${pick(DIGITS)}${pick(DIGITS)}`;
}

/** The shape of an initial password (to recognise one, e.g. in tests and logs). */
export const INITIAL_PASSWORD_SHAPE = /^(?:[bdfghjkmnprstv][aeuy]){3}-(?:[bdfghjkmnprstv][aeuy]){3}-[2-9]{2}$/;
