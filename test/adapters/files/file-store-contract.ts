// The FileStore contract, run against every store (local folder, S3-compatible server, PostgreSQL, PGlite):
// checks while streaming, the bytes back identical, nothing kept of a refused upload, keys per tenant.
import type { TestFn } from 'ava';
import { createHash, randomUUID } from 'node:crypto';
import type { MovableFileStore } from '../../../adapters/files/movable-file-store.js';
import { CONTENT_TYPES } from '../../../core/files/content-type.js';
import { FILE_KIND_POLICIES } from '../../../core/files/file-kinds.js';
import type { ByteSource } from '../../../core/files/ports.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { docx, EXE_HEAD, ole2, PDF_MINIMAL, PNG_1X1, zip } from '../../core/files/samples.js';

export const IMAGES_AND_PDF = FILE_KIND_POLICIES.id_card_front.contentTypes;
export const EVERYTHING = FILE_KIND_POLICIES.plan_attachment.contentTypes;
export const MB = 1024 * 1024;

/** A store under test and everything it keeps for a tenant (finished or partial), to prove nothing is left behind. */
export interface StoreUnderTest {
  readonly store: MovableFileStore;
  kept(tenantId: string): Promise<string[]>;
}

/** A chunked stream that never declares its length, counting how many chunks were pulled from it. */
export function chunked(first: Buffer, totalBytes: number, chunkBytes = 64 * 1024): { source: ByteSource; pulled: () => number } {
  let pulled = 0;
  async function* gen(): AsyncGenerator<Uint8Array> {
    let sent = 0;
    while (sent < totalBytes) {
      const n = Math.min(chunkBytes, totalBytes - sent);
      const chunk = Buffer.alloc(n, 0x5a);
      if (sent === 0) first.copy(chunk, 0, 0, Math.min(first.length, n));
      pulled++;
      sent += n;
      yield chunk;
    }
  }
  return { source: gen(), pulled: () => pulled };
}

export async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function readAll(source: ByteSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Registers the contract's tests under `name` for stores made by `aStore` (one per test). */
export function fileStoreContract(test: TestFn, name: string, aStore: () => Promise<StoreUnderTest>): void {
  test(`${name}: a file is stored under its tenant with its size, SHA-256 and the type its bytes prove, and reads back identical`, async (t) => {
    const { store, kept } = await aStore();
    const tenant = randomUUID();
    const content = Buffer.concat([PDF_MINIMAL, Buffer.alloc(300 * 1024, 7)]);
    const stored = await store.put(tenant, inPieces(content, 50_000), { maxBytes: 5 * MB, allowedTypes: IMAGES_AND_PDF });
    t.is(stored.sizeBytes, content.length);
    t.is(stored.sha256, createHash('sha256').update(content).digest('hex'));
    t.is(stored.contentType, CONTENT_TYPES.pdf);
    t.regex(stored.storageKey, new RegExp(`^${tenant}/[0-9a-f]{2}/${stored.id}$`));
    t.deepEqual(await readAll(await store.open(tenant, stored.storageKey)), content);
    t.is((await kept(tenant)).length, 1);
  });

  test(`${name}: a file larger than one part or chunk (6 MB) streams in and out byte for byte`, async (t) => {
    const { store } = await aStore();
    const tenant = randomUUID();
    const content = Buffer.concat([PNG_1X1, Buffer.from(Array.from({ length: 6 * MB }, (_, i) => (i * 31) % 251))]);
    const stored = await store.put(tenant, inPieces(content, 100_000), { maxBytes: 64 * MB, allowedTypes: IMAGES_AND_PDF });
    t.is(stored.sizeBytes, content.length);
    const back = await readAll(await store.open(tenant, stored.storageKey));
    t.true(back.equals(content));
  });

  test(`${name}: the size limit is enforced while streaming: refused soon after the limit, nothing kept`, async (t) => {
    const { store, kept } = await aStore();
    const tenant = randomUUID();
    const upload = chunked(PNG_1X1, 6 * MB); // 96 chunks of 64 KB, no declared length
    const e = await t.throwsAsync(store.put(tenant, upload.source, { maxBytes: 5 * MB, allowedTypes: IMAGES_AND_PDF }));
    t.true(isDomainError(e));
    t.is((e as { code?: string }).code, 'file.too_large');
    t.deepEqual((e as { details?: unknown }).details, { maxBytes: 5 * MB });
    t.is(upload.pulled(), 81, 'stops at the first chunk past 5 MB (80 × 64 KB = 5 MB), not at the end');
    t.deepEqual(await kept(tenant), []);
  });

  test(`${name}: exactly the limit is accepted`, async (t) => {
    const { store } = await aStore();
    const stored = await store.put(randomUUID(), chunked(PNG_1X1, 1 * MB).source, { maxBytes: 1 * MB, allowedTypes: IMAGES_AND_PDF });
    t.is(stored.sizeBytes, 1 * MB);
  });

  test(`${name}: an executable is refused at its first chunk, whatever follows, and nothing is kept`, async (t) => {
    const { store, kept } = await aStore();
    const tenant = randomUUID();
    const upload = chunked(EXE_HEAD, 2 * MB);
    const e = await t.throwsAsync(store.put(tenant, upload.source, { maxBytes: 5 * MB, allowedTypes: EVERYTHING }));
    t.is((e as { code?: string }).code, 'file.unsupported_type');
    t.is(upload.pulled(), 1);
    t.deepEqual(await kept(tenant), []);
  });

  test(`${name}: a type outside the allowed list is refused even when recognised (a DOCX as an ID card), nothing kept`, async (t) => {
    const { store, kept } = await aStore();
    const tenant = randomUUID();
    const e = await t.throwsAsync(store.put(tenant, once(docx()), { maxBytes: 5 * MB, allowedTypes: IMAGES_AND_PDF }));
    t.is((e as { code?: string }).code, 'file.unsupported_type');
    t.deepEqual((e as { details?: { allowed?: unknown } }).details?.allowed, [...IMAGES_AND_PDF]);
    t.deepEqual(await kept(tenant), []);
  });

  test(`${name}: an empty upload is refused with file.empty`, async (t) => {
    const { store } = await aStore();
    const e = await t.throwsAsync(store.put(randomUUID(), once(Buffer.alloc(0)), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF }));
    t.is((e as { code?: string }).code, 'file.empty');
  });

  test(`${name}: a large DOCX whose word/ part comes after 64 KB is recognised from the central directory at its end`, async (t) => {
    const { store } = await aStore();
    const big = zip([{ name: '[Content_Types].xml' }, { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(400 * 1024, 1) }, { name: 'word/document.xml' }]);
    const stored = await store.put(randomUUID(), inPieces(big, 16 * 1024), { maxBytes: 5 * MB, allowedTypes: EVERYTHING });
    t.is(stored.contentType, CONTENT_TYPES.docx);
  });

  test(`${name}: a legacy DOC whose directory lies beyond the first 64 KB is recognised from that sector as it streams past`, async (t) => {
    const { store } = await aStore();
    const doc = ole2(['WordDocument'], 300);
    const stored = await store.put(randomUUID(), inPieces(doc, 10_000), { maxBytes: 5 * MB, allowedTypes: EVERYTHING });
    t.is(stored.contentType, CONTENT_TYPES.doc);
    t.is(stored.sizeBytes, doc.length);
  });

  test(`${name}: a tenant's keys are its own: another tenant cannot open or remove them`, async (t) => {
    const { store, kept } = await aStore();
    const a = randomUUID();
    const b = randomUUID();
    const fa = await store.put(a, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
    const fb = await store.put(b, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
    t.deepEqual(await kept(a), [fa.storageKey]);
    t.deepEqual(await kept(b), [fb.storageKey]);
    await t.throwsAsync(store.open(b, fa.storageKey), { message: /not this tenant's/ });
    await t.throwsAsync(store.remove(b, fa.storageKey), { message: /not this tenant's/ });
    await t.throwsAsync(store.open(a, `${a}/../${b}/x`), { message: /not this tenant's/ });
    t.deepEqual(await readAll(await store.open(a, fa.storageKey)), PNG_1X1);
  });

  test(`${name}: a missing file is an error on open; remove deletes and removing again is not an error`, async (t) => {
    const { store, kept } = await aStore();
    const tenant = randomUUID();
    const f = await store.put(tenant, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
    await store.remove(tenant, f.storageKey);
    await store.remove(tenant, f.storageKey);
    t.deepEqual(await kept(tenant), []);
    await t.throwsAsync(async () => readAll(await store.open(tenant, f.storageKey)));
  });

  test(`${name}: write puts bytes under an existing key, replacing what was there`, async (t) => {
    const { store } = await aStore();
    const tenant = randomUUID();
    const key = `${tenant}/ab/${randomUUID().replace(/^../, 'ab')}`;
    await store.write(tenant, key, inPieces(Buffer.alloc(300 * 1024, 1), 70_000));
    await store.write(tenant, key, once(Buffer.from('second')));
    t.deepEqual(await readAll(await store.open(tenant, key)), Buffer.from('second'));
    await t.throwsAsync(store.write(randomUUID(), key, once(Buffer.from('x'))), { message: /not this tenant's/ });
  });
}
