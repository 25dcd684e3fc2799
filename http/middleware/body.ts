// Reads a JSON body up to a size limit; anything larger is refused before it is buffered whole.
import type { IncomingMessage } from 'node:http';
import { domainError, validationFailed } from '../../core/shared/domain-error.js';
import { badTextError } from '../text-input.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bodies up to this size are read to the end and dropped before a 413, so the client sees the answer
 * instead of a broken pipe; a larger one has its connection closed. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

async function discard(req: IncomingMessage, already: number): Promise<void> {
  let size = already;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > DRAIN_LIMIT) {
      req.destroy();
      return;
    }
  }
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    if (declared <= DRAIN_LIMIT) await discard(req, 0);
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
    if (size <= maxBytes) chunks.push(chunk as Buffer); // past the limit: keep reading, keep nothing
  }
  if (size > maxBytes) throw tooLarge(maxBytes);
  if (size === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw domainError('http.unsupported_media_type', 'invalid', '请求体须为 JSON（Content-Type: application/json）', 'The body must be JSON (Content-Type: application/json)');
  }
  let text: string;
  try {
    text = UTF8.decode(Buffer.concat(chunks));
  } catch {
    throw validationFailed([badTextError('/')]); // invalid UTF-8 would otherwise be stored as U+FFFD
  }
  try {
    return JSON.parse(text);
  } catch {
    throw domainError('http.malformed_json', 'invalid', '请求体不是有效的 JSON', 'The body is not valid JSON');
  }
}

export function tooLarge(maxBytes: number) {
  return domainError('http.payload_too_large', 'invalid', `请求体超过 ${Math.round(maxBytes / 1024)} KB 的上限`, `The body is larger than the ${Math.round(maxBytes / 1024)} KB limit`, { maxBytes });
}
