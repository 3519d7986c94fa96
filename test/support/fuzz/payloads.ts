// Hostile values for the route fuzzer: strings a form field may receive, and values of the wrong type.
import fc from 'fast-check';

/** Text that has broken servers before, by kind: each kind is picked as often as the others. */
export const NASTY_STRINGS: Readonly<Record<string, readonly string[]>> = {
  sql: ["'", '"', '`', '\\', "' OR '1'='1", "'; DROP TABLE person; --", '" OR ""="', '1; SELECT pg_sleep(5)', "x' UNION SELECT password_hash FROM account --", '$1', '$$', 'E\'\\x00\''],
  markup: ['<script>alert(1)</script>', '<img src=x onerror="window.__xss=1">', '"><svg onload=alert(1)>', 'javascript:alert(1)', '<!--', ']]>', '{{7*7}}', '${7*7}', '<%= 7*7 %>', '%s%s%s%n'],
  unicode: ['Åsa Öberg-Ängström', 'ß', 'İı', 'ﬃ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '😀👩‍👩‍👧‍👦🇸🇪', 'e\u0301\u0301\u0301', '\u202eevil\u202c', '\u200b', '\ufeffBOM', '\u2028\u2029', 'مرحبا', 'שלום', '日本語テキスト', 'Z̸̢̛a̷l̶g̵o̴'],
  control: ['\u0000', 'a\u0000b', 'Anna\u0000', '\u0007\u001b[31m', '\ud800', '\udfff', 'a\ud83d', '\r\n', '\t', '\u0085', '\u007f'],
  words: ['', ' ', '   ', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e309', 'true', '[]', '{}', '__proto__', 'constructor', 'toString',
    '../../../../etc/passwd', '..\\..\\windows\\win.ini', 'file:///etc/passwd'],
  looksLike: ['0000-00-00', '2024-02-30', '9999-12-31', '0001-01-01', '2024-13-01', '1970-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-4000-8000-000000000001', '{00000000-0000-4000-8000-000000000001}', '00000000000040008000000000000001', 'not-a-uuid'],
};

/** Text with something nasty in it, alone or inside ordinary words, cut to `maxLength`. */
export const stringPayload = (maxLength?: number): fc.Arbitrary<string> =>
  fc.tuple(fc.oneof(...Object.values(NASTY_STRINGS).map((kind) => fc.constantFrom(...kind))), fc.constantFrom('', 'Skäl ', 'Anna '), fc.constantFrom('', ' text'))
    .map(([nasty, before, after]) => `${before}${nasty}${after}`)
    .map((s) => (maxLength === undefined ? s : s.slice(0, maxLength)));

/** A long string: at a length limit or over it, in ASCII or in characters of several UTF-8 bytes. */
export const longString = (length: number): fc.Arbitrary<string> =>
  fc.constantFrom('A', 'å', '😀', '\'', '<').map((c) => c.repeat(Math.max(0, Math.ceil(length / c.length))).slice(0, Math.max(0, length)));

/** Numbers at and over the edges: int4 and int8 limits, unsafe integers, fractions, negatives, zero. */
export const NASTY_NUMBERS: readonly number[] = [
  0, -0, -1, 1, 0.5, -0.5, 1.5, 2 ** 15, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53),
  Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e21, -1e21, 1e308, -1e308, Number.MIN_VALUE, Number.EPSILON, 123456789012,
];

/** A value of any JSON type, malformed for most fields. */
export const anyNasty = (): fc.Arbitrary<unknown> => fc.oneof(
  { arbitrary: stringPayload(), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], { a: 1 }, ['x'], { __proto__: null, toString: 'x' }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  { arbitrary: longString(5_000), weight: 1 },
  { arbitrary: fc.constantFrom(1, 8).map((n) => deepArray(n * 50)), weight: 1 },
);

function deepArray(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
