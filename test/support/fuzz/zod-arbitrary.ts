// fast-check arbitraries from zod 4 schemas (the route schemas): values that are valid, at the boundaries
// the schema sets, or malformed at one or more places. Whether a value is valid is decided afterwards by the
// schema itself (`safeParse`), so this generator only has to be good at producing interesting values.
import fc from 'fast-check';
import { anyNasty, longString, NASTY_NUMBERS, stringPayload } from './payloads.js';

/** What the generator knows of the database: valid values by field name (`groupId` → ids of real groups). */
export interface Hints {
  pools: Readonly<Record<string, readonly unknown[]>>;
  /** Values that belong together (see harness.ts); used by the runner, not here. */
  fixtures: readonly (Record<string, string> & { actor?: string })[];
  /** YYYY-MM-DD: dates are generated around it. */
  today: string;
}

export interface GenOptions {
  hints: Hints;
  /** Weight of a malformed value against 10 for a valid one, at every node: 0 = valid values only. */
  malformed: number;
}

interface Def { type: string; [k: string]: any }
const defOf = (schema: unknown): Def => {
  const def = (schema as { _zod?: { def?: Def } })?._zod?.def;
  if (!def) throw new Error('not a zod 4 schema');
  return def;
};
const checksOf = (def: Def): { check: string; [k: string]: any }[] => (def.checks ?? []).map((c: any) => c._zod.def);

/** An arbitrary of values for `schema` (field name `key` picks hints such as real ids). */
export function arbitraryFor(schema: unknown, opts: GenOptions, key = ''): fc.Arbitrary<unknown> {
  let valid = validFor(schema, opts, key);
  const pool = poolFor(opts.hints, key);
  if (pool?.length && defOf(schema).type !== 'object' && defOf(schema).type !== 'array') {
    valid = fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: valid, weight: 2 });
  }
  if (!opts.malformed) return valid;
  return fc.oneof({ arbitrary: valid, weight: 10 }, { arbitrary: malformedFor(schema, key), weight: opts.malformed });
}

const poolFor = (hints: Hints, key: string): readonly unknown[] | undefined =>
  hints.pools[key] ?? hints.pools[key.replace(/Ids$/, 'Id')];

function validFor(schema: unknown, opts: GenOptions, key: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': return stringFor(def, opts.hints);
    case 'number': return numberFor(def);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'enum': return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal': return fc.constantFrom(...(def.values as unknown[]));
    case 'nullable': return fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: arbitraryFor(def.innerType, opts, key), weight: 3 });
    case 'optional': return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: arbitraryFor(def.innerType, opts, key), weight: 3 });
    case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional':
      return arbitraryFor(def.innerType, opts, key);
    // the input side is what a client sends; values of the output side (an e-mail after trimming) often pass it too
    case 'pipe': return defOf(def.out).type === 'transform' ? validFor(def.in, opts, key) : fc.oneof(validFor(def.in, opts, key), validFor(def.out, opts, key));
    case 'transform': case 'unknown': case 'any': {
      const text = stringFor({ type: 'string' }, opts.hints);
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<unknown>(null, 'x', ['grading', 'HT'], { columns: ['HT', 'final'] }), longString(5_000),
        text, fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }));
    }
    case 'union': return fc.oneof(...(def.options as unknown[]).map((o) => arbitraryFor(o, opts, key)));
    case 'array': return arrayFor(def, opts, key);
    case 'object': return objectFor(def, opts);
    case 'record': return fc.dictionary(fc.string({ maxLength: 10 }), arbitraryFor(def.valueType, opts, key), { maxKeys: 4 });
    case 'tuple': return fc.tuple(...(def.items as unknown[]).map((i) => arbitraryFor(i, opts, key)));
    default: return anyNasty(); // a zod type the fuzzer does not know yet: whatever, the schema decides
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isoDay(today: string, offsetDays: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

function stringFor(def: Def, hints: Hints): fc.Arbitrary<string> {
  const checks = checksOf(def);
  let min = 0; let max: number | undefined;
  let format: string | undefined = def.format;
  let pattern: RegExp | undefined = def.pattern;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum);
    if (c.check === 'max_length') max = Math.min(max ?? Infinity, c.maximum);
    if (c.check === 'length_equals') { min = c.length; max = c.length; }
    if (c.check === 'string_format') { format = c.format; pattern = c.pattern; }
  }
  const fit = (s: string) => (max === undefined ? s : s.slice(0, max));
  if (format === 'uuid' || format === 'guid') {
    return fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 });
  }
  if (format === 'email') {
    return fc.oneof({ arbitrary: fc.emailAddress(), weight: 4 }, { arbitrary: fc.constantFrom('a@b.se', 'åsa.öberg@skola.example', '"quoted"@example.com', 'x@[127.0.0.1]'), weight: 1 });
  }
  if (format === 'regex' && pattern) {
    const matching = fc.stringMatching(pattern).map(fit);
    if (pattern.source === ISO_DATE.source) {
      return fc.oneof({ arbitrary: fc.integer({ min: -800, max: 800 }).map((n) => isoDay(hints.today, n)), weight: 6 },
        { arbitrary: matching, weight: 2 }, { arbitrary: fc.constantFrom('0000-00-00', '2024-02-30', '9999-12-31', '0001-01-01', '2023-02-29', '2024-02-29'), weight: 2 });
    }
    return matching;
  }
  if (format) return fc.string({ maxLength: 20 }); // other formats: the schema decides
  const edge = max ?? 20_000;
  return fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: Math.min(edge, Math.max(min, 40)) }), weight: 4 },
    { arbitrary: fc.string({ minLength: min, maxLength: Math.min(edge, Math.max(min, 40)), unit: 'grapheme' }), weight: 3 },
    { arbitrary: fc.string({ minLength: min, maxLength: Math.min(edge, Math.max(min, 20)), unit: 'binary' }), weight: 1 },
    { arbitrary: stringPayload(max), weight: 4 },
    // ordinary text with one character PostgreSQL or JSON handle badly (NUL, an unpaired surrogate, an escape)
    { arbitrary: fc.tuple(fc.string({ minLength: min, maxLength: Math.min(edge, Math.max(min, 20)) }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\u001b', '\\u0000', '\u202e'), fc.nat())
      .map(([text, odd, at]) => { const i = at % (text.length + 1); return fit(`${text.slice(0, i)}${odd}${text.slice(i)}`); }), weight: 2 },
    { arbitrary: longString(edge), weight: 1 }, // exactly at the limit (or very long when there is none)
    { arbitrary: fc.constantFrom(' '.repeat(Math.min(edge, 3)), 'Skäl: ändrad bedömning efter omprov.'.slice(0, edge)), weight: 1 },
  );
}

function numberFor(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = [def, ...checks].some((c) => c.check === 'number_format' && /int/.test(c.format));
  let min = -Number.MAX_VALUE; let max = Number.MAX_VALUE;
  for (const c of checks) {
    if (c.check === 'greater_than') min = Math.max(min, c.value);
    if (c.check === 'less_than') max = Math.min(max, c.value);
  }
  const inRange = (n: number) => n >= min && n <= max;
  const edges = NASTY_NUMBERS.filter((n) => inRange(n) && (!integer || Number.isSafeInteger(n)));
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.max(-3, Math.ceil(min)), max: Math.min(12, Math.floor(max)) }), weight: 6 },
    { arbitrary: integer ? fc.maxSafeInteger() : fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    ...(edges.length ? [{ arbitrary: fc.constantFrom(...edges), weight: 2 }] : []),
  );
}

function arrayFor(def: Def, opts: GenOptions, key: string): fc.Arbitrary<unknown[]> {
  let min = 0; let max = 6;
  let limit: number | undefined;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = c.minimum;
    if (c.check === 'max_length') limit = c.maximum;
  }
  if (limit !== undefined) max = Math.min(limit, Math.max(min, 6));
  const element = arbitraryFor(def.element, opts, key);
  const arbs: fc.WeightedArbitrary<unknown[]>[] = [{ arbitrary: fc.array(element, { minLength: min, maxLength: Math.max(min, max) }), weight: 10 }];
  // at the limit: as many elements as allowed (of one value, to stay cheap)
  if (limit !== undefined && limit <= 5_000) arbs.push({ arbitrary: element.map((e) => Array.from({ length: limit! }, () => e)), weight: 1 });
  return fc.oneof(...arbs);
}

function objectFor(def: Def, opts: GenOptions): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape as Record<string, unknown>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of Object.entries(shape)) model[k] = arbitraryFor(s, opts, k);
  // record() keeps `undefined` values; drop them so they are missing keys in JSON as well
  const whole = fc.record(model).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  if (!opts.malformed) return whole;
  const keys = Object.keys(shape);
  return fc.oneof(
    { arbitrary: whole, weight: 10 },
    // a required key missing
    ...(keys.length ? [{ arbitrary: fc.tuple(whole, fc.constantFrom(...keys)).map(([o, k]) => { const { [k]: _, ...rest } = o; return rest; }), weight: opts.malformed }] : []),
    // keys nobody asked for, among them prototype pollution attempts (an own "__proto__" key in the JSON)
    { arbitrary: fc.tuple(whole, fc.constantFrom('__proto__', 'constructor', 'organiserId', 'role', 'id', 'x'.repeat(300)), anyNasty())
      .map(([o, k, v]) => Object.fromEntries([...Object.entries(o), [k, k === '__proto__' ? { polluted: true } : v]])), weight: opts.malformed },
  );
}

/** A value malformed for the schema: of the wrong type, past its limits, or a near miss of its format. */
function malformedFor(schema: unknown, key: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const specific: fc.Arbitrary<unknown>[] = [];
  const checks = def.checks ? checksOf(def) : [];
  switch (def.type) {
    case 'string': {
      const max = checks.find((c) => c.check === 'max_length')?.maximum;
      const min = checks.find((c) => c.check === 'min_length')?.minimum;
      if (max !== undefined) specific.push(longString(max + 1), longString(max * 2 + 10));
      if (min) specific.push(fc.constant('x'.repeat(min - 1)));
      specific.push(fc.constantFrom<unknown>(1, null, true, ['a'], { a: 'b' }), stringPayload());
      if (/id$|Id$/.test(key)) specific.push(fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', '1', "' OR 1=1 --", 'c0ffee00-0000-4000-8000-0000000000zz'));
      break;
    }
    case 'number':
      specific.push(fc.constantFrom<unknown>('1', '', '1e3', 1.5, -0.5, 2 ** 53 + 2, 1e308, -1e308, null, true, [1], { n: 1 }));
      break;
    case 'enum': case 'literal': {
      const values = (def.type === 'enum' ? Object.values(def.entries) : def.values) as unknown[];
      specific.push(fc.constantFrom(...values).map((v) => (typeof v === 'string' ? v.toLowerCase() + ' ' : v)),
        fc.constantFrom(...values).map((v) => (typeof v === 'string' ? v.toUpperCase() : String(v))), fc.constantFrom<unknown>('', 'other', 0, null, ['HT']));
      break;
    }
    case 'array': {
      const max = checks.find((c) => c.check === 'max_length')?.maximum;
      if (max !== undefined && max <= 5_000) specific.push(fc.constant(Array.from({ length: max + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)));
      specific.push(fc.constantFrom<unknown>([], [null], [1, 2], 'a', { 0: 'a' }, [[]]));
      break;
    }
    case 'object':
      specific.push(fc.constantFrom<unknown>({}, [], null, 'object', 42), fc.constant(Object.fromEntries(Object.keys(def.shape).map((k) => [k, null]))));
      break;
    case 'boolean':
      specific.push(fc.constantFrom<unknown>('true', 'false', 0, 1, null, 'yes'));
      break;
    default: break;
  }
  return specific.length ? fc.oneof({ arbitrary: fc.oneof(...specific), weight: 3 }, { arbitrary: anyNasty(), weight: 1 }) : anyNasty();
}
