// Integers a schema leaves unbounded get the range of the column they end in (docs/decisions/text-input.md):
// a count, version or sort order is a PostgreSQL integer (±2,147,483,647), money in fen (`…Fen`) a bigint kept
// to JavaScript's safe integers. Without this, `version=1e308` or `sortOrder: 2147483648` passed the schema
// and failed in the database as a 500. Applied to the routes once, so the OpenAPI document shows the bounds.
import type { JsonSchema, RouteDef } from '../adapters/composition/route-def.js';

const INT4 = 2_147_483_647;

function isInteger(s: JsonSchema): boolean {
  return s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'));
}

/** A copy of the schema with every unbounded integer bounded; `key` is the property name it sits under. */
export function boundIntegers(schema: JsonSchema, key = ''): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (isInteger(out)) {
    // A `version` is the one a change starts from: the change writes version + 1, which must fit too.
    const limit = key.endsWith('Fen') ? Number.MAX_SAFE_INTEGER : key === 'version' ? INT4 - 1 : INT4;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = limit;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = -limit;
  }
  if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, JsonSchema>).map(([k, v]) => [k, boundIntegers(v, k)]));
  if (out.items && typeof out.items === 'object') out.items = boundIntegers(out.items as JsonSchema, key);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(out[k])) out[k] = (out[k] as JsonSchema[]).map((v) => boundIntegers(v, key));
  }
  return out;
}

export function withBoundedIntegers(routes: readonly RouteDef[]): RouteDef[] {
  return routes.map((r) => {
    if (!r.schemas) return r;
    const s = r.schemas;
    return {
      ...r,
      schemas: {
        ...s,
        ...(s.body ? { body: boundIntegers(s.body) } : {}),
        ...(s.query ? { query: boundIntegers(s.query) } : {}),
        ...(s.params ? { params: boundIntegers(s.params) } : {}),
      },
    };
  });
}
