import { swedishDate } from '../../../src/domain/common/dates.js';
/**
 * A valid example value for a route's zod schema (params, querystring or body), so that a request reaches
 * the route's own checks instead of stopping at validation. Fields named like a fixture (groupId, pupilId,
 * pupilIds, column…) take the fixture's value; everything else gets the smallest valid value.
 */
type Def = { type: string; [k: string]: any };
type Schema = { _zod: { def: Def } };

export type Fixtures = Record<string, unknown>;

const checkValue = (def: Def, kind: string): number | undefined =>
  (def.checks ?? []).map((c: any) => c._zod?.def).find((d: any) => d?.check === kind)?.[kind === 'min_length' ? 'minimum' : 'value'];

export function exampleOf(schema: unknown, fixtures: Fixtures, name = ''): unknown {
  if (name && name in fixtures) return fixtures[name];
  const def = (schema as Schema)?._zod?.def;
  if (!def) return undefined;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        const value = exampleOf(field, fixtures, key);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'optional': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return exampleOf(def.innerType, fixtures, name);
    case 'nullable': {
      const inner = exampleOf(def.innerType, fixtures, name);
      return inner === undefined ? null : inner;
    }
    case 'pipe': return exampleOf(def.in, fixtures, name);
    case 'lazy': return exampleOf(def.getter(), fixtures, name);
    case 'union': return exampleOf(def.options[0], fixtures, name);
    case 'enum': return Object.values(def.entries)[0];
    case 'literal': return def.values[0];
    case 'boolean': return false;
    case 'number': case 'int': return Math.max(0, checkValue(def, 'greater_than') ?? 0);
    case 'bigint': return 0;
    case 'date': return new Date().toISOString();
    case 'array': {
      const singular = name.endsWith('Ids') ? name.slice(0, -1) : name;
      const item = exampleOf(def.element, fixtures, singular);
      return Array.from({ length: Math.max(1, checkValue(def, 'min_length') ?? 1) }, () => item);
    }
    case 'record': return {};
    case 'string': return exampleString(def);
    case 'unknown': case 'any': return null;
    default: return undefined;
  }
}

function exampleString(def: Def): string {
  const format = def.format ?? (def.checks ?? []).map((c: any) => c._zod?.def?.format).find(Boolean);
  if (format === 'uuid' || format === 'guid') return '00000000-0000-4000-8000-000000000000';
  if (format === 'email') return 'namn@example.se';
  if (format === 'regex') {
    const pattern = String((def.checks ?? []).map((c: any) => c._zod?.def?.pattern).find(Boolean) ?? '');
    if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return swedishDate(new Date());
  }
  const min = checkValue(def, 'min_length') ?? 0;
  return 'Prov'.padEnd(Math.max(4, min), 'x');
}
