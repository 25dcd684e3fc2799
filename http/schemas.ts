// JSON Schema pieces shared by the routes.
export const uuid = { type: 'string', format: 'uuid' } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: uuid }, additionalProperties: false } as const;
export const mobile = { type: 'string', minLength: 11, maxLength: 20, description: 'China mainland mobile (normalised: +86, spaces and dashes removed)' } as const;
export const nonEmpty = (maxLength = 200) => ({ type: 'string', minLength: 1, maxLength }) as const;
export const fen = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Money in fen (分), an integer' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const date = { type: 'string', format: 'date' } as const;

/** Query properties of every keyset-paginated list. */
export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
  cursor: { type: 'string', maxLength: 500 },
  withTotal: { type: 'boolean', default: false, description: 'Also count all matching rows (共N条)' },
} as const;

export function pageOf(q: { limit?: number; cursor?: string; withTotal?: boolean }): { limit: number; cursor?: string; withTotal: boolean } {
  return { limit: q.limit ?? 20, ...(q.cursor ? { cursor: q.cursor } : {}), withTotal: q.withTotal ?? false };
}

export function objectSchema(properties: Record<string, unknown>, required: readonly string[] = []): Record<string, unknown> {
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}
