// The checks every FileStore makes on an upload, whatever keeps the bytes: the size limit while streaming, the
// SHA-256, the content type from the bytes (an EXE refused at its first chunk; a DOCX recognised from the zip's
// central directory at its end; a DOC from its directory sector, captured as it streams past). The checked bytes
// are an async generator that throws the refusal from inside the iteration — the last check before its end —
// so a store that aborts its write when its source throws keeps nothing of a refused file.
import { createHash } from 'node:crypto';
import type { ByteSource, PutOptions, StoredFile } from '../../core/files/ports.js';
import type { IdGenerator } from '../../core/shared/ports.js';
import { checkId, newStorageKey } from './storage-key.js';
import type { ContentType } from '../../core/files/content-type.js';
import { familyMayBeAllowed, magicFamily, MAGIC_BYTES, oleDirectoryRange, sniffContentType, type SniffMore } from '../../core/files/content-type.js';
import { emptyFile, fileTooLarge, unsupportedFileType } from '../../core/files/errors.js';

const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 64 * 1024; // a zip's central directory (OOXML part names) sits at the end
const OLE_HEADER_BYTES = 512;

export interface CheckedFacts {
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly contentType: ContentType;
}

export interface CheckedUpload {
  /** The upload's bytes, passed on only once checked; the iteration throws the refusal. */
  readonly bytes: AsyncGenerator<Buffer>;
  /** What the bytes proved; only after `bytes` finished without a refusal. */
  facts(): CheckedFacts;
  /** The refusal thrown from `bytes`, if any (a store's client may wrap the error it saw). */
  failure(): unknown;
}

export function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export function checkUpload(content: ByteSource, options: PutOptions): CheckedUpload {
  let facts: CheckedFacts | null = null;
  let failure: unknown = undefined;
  async function* bytes(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    const headParts: Buffer[] = [];
    let headLength = 0;
    let tail = Buffer.alloc(0);
    let size = 0;
    let familyChecked = false;
    let ole: { offset: number; length: number; bytes: Buffer; filled: number } | null | undefined;
    const checkFamily = (): void => {
      familyChecked = true;
      if (!familyMayBeAllowed(magicFamily(Buffer.concat(headParts)), options.allowedTypes)) throw unsupportedFileType(options.allowedTypes);
    };
    try {
      for await (const raw of content) {
        const chunk = asBuffer(raw as Uint8Array | string);
        const start = size;
        size += chunk.length;
        if (size > options.maxBytes) throw fileTooLarge(options.maxBytes); // before passing a byte past the limit on
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          headParts.push(part);
          headLength += part.length;
        }
        if (!familyChecked && headLength >= MAGIC_BYTES) checkFamily(); // an EXE is refused at its first chunk
        if (ole === undefined && headLength >= OLE_HEADER_BYTES) {
          const range = oleDirectoryRange(Buffer.concat(headParts));
          ole = range ? { ...range, bytes: Buffer.alloc(range.length), filled: 0 } : null;
        }
        if (ole) {
          const from = Math.max(ole.offset, start);
          const to = Math.min(ole.offset + ole.length, size);
          if (to > from) {
            chunk.copy(ole.bytes, from - ole.offset, from - start, to - start);
            ole.filled = Math.max(ole.filled, to - ole.offset);
          }
        }
        tail = chunk.length >= TAIL_BYTES ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES)) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
        yield chunk;
      }
      if (size === 0) throw emptyFile();
      if (!familyChecked) checkFamily();
      const head = Buffer.concat(headParts);
      const more: { -readonly [K in keyof SniffMore]: SniffMore[K] } = size > head.length ? { tail } : {};
      if (ole && ole.offset + ole.length > head.length) more.oleDirectory = ole.bytes.subarray(0, ole.filled);
      const contentType = sniffContentType(head, more);
      if (!contentType || !options.allowedTypes.includes(contentType)) throw unsupportedFileType(options.allowedTypes);
      facts = { sizeBytes: size, sha256: hash.digest('hex'), contentType };
    } catch (e) {
      failure = e;
      throw e;
    }
  }
  return {
    bytes: bytes(),
    facts: () => {
      if (!facts) throw new Error('The upload has not been checked to its end');
      return facts;
    },
    failure: () => failure,
  };
}

/**
 * A new file, the same way in every store: a fresh id and tenant key, the bytes checked on their way into
 * `write` (the store's own atomic write under that key), and the refusal itself when a check failed — not
 * whatever wrapping the store's client put around it.
 */
export async function putChecked(
  ids: IdGenerator, tenantId: string, content: ByteSource, options: PutOptions, write: (storageKey: string, bytes: AsyncIterable<Buffer>) => Promise<void>,
): Promise<StoredFile> {
  checkId('tenant id', tenantId);
  const id = ids.id();
  const storageKey = newStorageKey(tenantId, id);
  const checked = checkUpload(content, options);
  try {
    await write(storageKey, checked.bytes);
  } catch (e) {
    throw checked.failure() ?? e;
  }
  return { id, storageKey, ...checked.facts() };
}
