// Text that no route may take in (docs/decisions/text-input.md): NUL (U+0000), which PostgreSQL cannot store
// in text or jsonb, and lone UTF-16 surrogates, which would silently become U+FFFD. Checked here, at the
// validation boundary, for every string and object key of a request's body, query and path parameters,
// whatever the route's schemas say; the refusal names each field like the schema validator does.
import { validationFailed, type FieldError } from '../core/shared/domain-error.js';
import { BAD_TEXT_MESSAGE, isCleanText } from '../core/shared/clean-text.js';

export { isCleanText };

export function badTextError(path: string): FieldError {
  return { path, code: 'text', ...BAD_TEXT_MESSAGE };
}

/** A JSON pointer segment (RFC 6901), with a bad character of a key shown as its \u escape. */
function segment(key: string): string {
  // eslint-disable-next-line no-control-regex -- shows NUL as its escape
  const shown = key.replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.replace(/~/g, '~0').replace(/\//g, '~1');
}

const MAX_DEPTH = 64;

/** Collects a field error for every string or key under `value` that holds bad text. */
export function findBadText(value: unknown, path: string, out: FieldError[] = [], depth = 0): FieldError[] {
  if (typeof value === 'string') {
    if (!isCleanText(value)) out.push(badTextError(path || '/'));
  } else if (Array.isArray(value)) {
    if (depth < MAX_DEPTH) value.forEach((v, i) => findBadText(v, `${path}/${i}`, out, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = `${path}/${segment(k)}`;
      if (!isCleanText(k)) out.push(badTextError(p));
      if (depth < MAX_DEPTH) findBadText(v, p, out, depth + 1);
    }
  }
  return out;
}

/**
 * The query parameters whose raw percent-escapes are not UTF-8 (e.g. `%ED%A0%80`, an encoded surrogate, or a
 * stray `%FF`): Node would decode them to U+FFFD and the server would store a character the client never sent.
 */
export function findUndecodableQuery(rawQuery: string, out: FieldError[] = []): FieldError[] {
  if (!rawQuery.includes('%')) return out;
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const decode = (s: string): string | null => {
      try {
        // A '%' without two hex digits stays literal, as Node's own parser keeps it: only bad UTF-8 is refused.
        return decodeURIComponent(s.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
      } catch {
        return null;
      }
    };
    const key = decode(rawKey);
    const val = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (key === null || val === null) out.push(badTextError(`/query/${segment(key ?? rawKey)}`));
  }
  return out;
}

/** Refuses the request with `validation.failed` when any part of it holds text that cannot be stored. */
export function refuseBadText(parts: { body?: unknown; query: unknown; params: unknown; rawQuery: string }): void {
  const errors = findBadText(parts.params, '/params');
  findUndecodableQuery(parts.rawQuery, errors);
  findBadText(parts.query, '/query', errors);
  if (parts.body !== undefined) findBadText(parts.body, '', errors);
  if (errors.length) throw validationFailed(dedupe(errors));
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && seen.add(e.path));
}

/** The longest Idempotency-Key header taken, as long as the body's requestId may be. */
export const MAX_IDEMPOTENCY_KEY = 100;

/** Header values that routes store: the Idempotency-Key (Node's parser already refuses NUL in headers). */
export function refuseBadHeaders(headers: Readonly<Record<string, string | undefined>>): void {
  const key = headers['idempotency-key'];
  if (key === undefined) return;
  const path = '/headers/idempotency-key';
  if (!isCleanText(key)) throw validationFailed([badTextError(path)]);
  if (key.length > MAX_IDEMPOTENCY_KEY) {
    throw validationFailed([{ path, code: 'maxLength', zh: `最多 ${MAX_IDEMPOTENCY_KEY} 个字符`, en: `must be at most ${MAX_IDEMPOTENCY_KEY} characters long` }]);
  }
}
