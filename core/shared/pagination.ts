// Keyset (cursor) pagination shared by every list: the cursor is the sort key of the last row, opaque to
// clients (base64url JSON), so a deep page costs what the first does.
import { domainError } from './domain-error.js';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly withTotal?: boolean | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly total?: number;
}

export const MAX_PAGE_SIZE = 200;

export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor; a tampered or foreign cursor is refused with `pagination.invalid_cursor`. */
export function decodeCursor(cursor: string, arity: number): (string | number | null)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((k) => k === null || ['string', 'number'].includes(typeof k))) {
      return key as (string | number | null)[];
    }
  } catch {
    // fall through to the error below
  }
  throw domainError('pagination.invalid_cursor', 'invalid', '分页游标无效，请从第一页重新加载', 'The page cursor is not valid; reload from the first page');
}
