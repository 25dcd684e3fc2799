import test from 'ava';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStore } from '../../../adapters/files/local-file-store.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import { CONTENT_TYPES } from '../../../core/files/content-type.js';
import { FILE_KIND_POLICIES } from '../../../core/files/file-kinds.js';
import type { ByteSource } from '../../../core/files/ports.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { docx, EXE_HEAD, ole2, PDF_MINIMAL, PNG_1X1, zip } from '../../core/files/samples.js';

const IMAGES_AND_PDF = FILE_KIND_POLICIES.id_card_front.contentTypes;
const EVERYTHING = FILE_KIND_POLICIES.plan_attachment.contentTypes;
const MB = 1024 * 1024;

function aStore(): { store: LocalFileStore; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'yunzhou-store-'));
  return { store: new LocalFileStore(root, new RandomIds()), root };
}

/** A chunked stream that never declares its length, counting how many chunks were pulled from it. */
function chunked(first: Buffer, totalBytes: number, chunkBytes = 64 * 1024): { source: ByteSource; pulled: () => number } {
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

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Every file under a folder, recursively (temporary files included). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
}

async function readAll(source: ByteSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

test('a file is stored under its tenant with its size, SHA-256 and the type its bytes prove, and reads back identical', async (t) => {
  const { store, root } = aStore();
  const tenant = randomUUID();
  const content = Buffer.concat([PDF_MINIMAL, Buffer.alloc(300 * 1024, 7)]);
  const stored = await store.put(tenant, once(content), { maxBytes: 5 * MB, allowedTypes: IMAGES_AND_PDF });
  t.is(stored.sizeBytes, content.length);
  t.is(stored.sha256, createHash('sha256').update(content).digest('hex'));
  t.is(stored.contentType, CONTENT_TYPES.pdf);
  t.regex(stored.storageKey, new RegExp(`^${tenant}/[0-9a-f]{2}/${stored.id}$`));
  t.deepEqual(readFileSync(join(root, stored.storageKey)), content);
  t.deepEqual(await readAll(await store.open(tenant, stored.storageKey)), content);
  t.deepEqual(filesUnder(join(root, tenant, '.partial')), []);
});

test('the size limit is enforced while streaming: refused soon after the limit, the partial file removed', async (t) => {
  const { store, root } = aStore();
  const tenant = randomUUID();
  const upload = chunked(PNG_1X1, 6 * MB); // 96 chunks of 64 KB, no declared length
  const e = await t.throwsAsync(store.put(tenant, upload.source, { maxBytes: 5 * MB, allowedTypes: IMAGES_AND_PDF }));
  t.true(isDomainError(e));
  t.is((e as { code?: string }).code, 'file.too_large');
  t.deepEqual((e as { details?: unknown }).details, { maxBytes: 5 * MB });
  t.is(upload.pulled(), 81, 'stops at the first chunk past 5 MB (80 × 64 KB = 5 MB), not at the end');
  t.deepEqual(filesUnder(join(root, tenant)), []);
});

test('exactly the limit is accepted', async (t) => {
  const { store } = aStore();
  const stored = await store.put(randomUUID(), chunked(PNG_1X1, 1 * MB).source, { maxBytes: 1 * MB, allowedTypes: IMAGES_AND_PDF });
  t.is(stored.sizeBytes, 1 * MB);
});

test('an executable is refused at its first chunk, whatever follows, and nothing is kept', async (t) => {
  const { store, root } = aStore();
  const tenant = randomUUID();
  const upload = chunked(EXE_HEAD, 2 * MB);
  const e = await t.throwsAsync(store.put(tenant, upload.source, { maxBytes: 5 * MB, allowedTypes: EVERYTHING }));
  t.is((e as { code?: string }).code, 'file.unsupported_type');
  t.is(upload.pulled(), 1);
  t.deepEqual(filesUnder(join(root, tenant)), []);
});

test('a type outside the allowed list is refused even when recognised (a DOCX as an ID card)', async (t) => {
  const { store, root } = aStore();
  const tenant = randomUUID();
  const e = await t.throwsAsync(store.put(tenant, once(docx()), { maxBytes: 5 * MB, allowedTypes: IMAGES_AND_PDF }));
  t.is((e as { code?: string }).code, 'file.unsupported_type');
  t.deepEqual((e as { details?: { allowed?: unknown } }).details?.allowed, [...IMAGES_AND_PDF]);
  t.deepEqual(filesUnder(join(root, tenant)), []);
});

test('an empty upload is refused with file.empty', async (t) => {
  const { store } = aStore();
  const e = await t.throwsAsync(store.put(randomUUID(), once(Buffer.alloc(0)), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF }));
  t.is((e as { code?: string }).code, 'file.empty');
});

test('a large DOCX whose word/ part comes after 64 KB is recognised from the central directory at its end', async (t) => {
  const { store } = aStore();
  const big = zip([{ name: '[Content_Types].xml' }, { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(400 * 1024, 1) }, { name: 'word/document.xml' }]);
  const stored = await store.put(randomUUID(), inPieces(big, 16 * 1024), { maxBytes: 5 * MB, allowedTypes: EVERYTHING });
  t.is(stored.contentType, CONTENT_TYPES.docx);
});

test('a legacy DOC whose directory lies beyond the first 64 KB is recognised by reading that sector back', async (t) => {
  const { store } = aStore();
  const doc = ole2(['WordDocument'], 300);
  const stored = await store.put(randomUUID(), inPieces(doc, 10_000), { maxBytes: 5 * MB, allowedTypes: EVERYTHING });
  t.is(stored.contentType, CONTENT_TYPES.doc);
  t.is(stored.sizeBytes, doc.length);
});

test('tenants have separate folders and one tenant cannot open or remove another tenant\'s key', async (t) => {
  const { store, root } = aStore();
  const a = randomUUID();
  const b = randomUUID();
  const fa = await store.put(a, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
  const fb = await store.put(b, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
  t.deepEqual(filesUnder(join(root, a)), [fa.storageKey.slice(a.length + 1)]);
  t.deepEqual(filesUnder(join(root, b)), [fb.storageKey.slice(b.length + 1)]);
  await t.throwsAsync(store.open(b, fa.storageKey), { message: /not this tenant's/ });
  await t.throwsAsync(store.remove(b, fa.storageKey), { message: /not this tenant's/ });
  await t.throwsAsync(store.open(a, `${a}/../${b}/x`), { message: /not this tenant's/ });
  t.true(existsSync(join(root, fa.storageKey)));
});

test('remove deletes the content and removing it again is not an error', async (t) => {
  const { store, root } = aStore();
  const tenant = randomUUID();
  const f = await store.put(tenant, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
  await store.remove(tenant, f.storageKey);
  await store.remove(tenant, f.storageKey);
  t.false(existsSync(join(root, f.storageKey)));
  await t.throwsAsync(store.open(tenant, f.storageKey), { code: 'ENOENT' });
});
