// Files through HTTP on each shared store (the S3-compatible server and PostgreSQL; the local folder is
// test/http/files.test.ts): upload streamed in, download streamed out byte for byte, the 5 MB limit with and
// without a declared length, content sniffing, and another tenant's 404 — the same answers as on local disk.
import test from 'ava';
import { createHash, randomUUID } from 'node:crypto';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { startLocalS3, type LocalS3 } from '../support/s3-server.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { FileStoreSettings } from '../../adapters/files/file-store-config.js';
import { SubjectAccessRegistryToken } from '../../adapters/composition/areas/files.tokens.js';
import type { SubjectAccessRegistry } from '../../core/files/subject-access-registry.js';
import { EXE_HEAD, PDF_MINIMAL, PNG_1X1 } from '../core/files/samples.js';

const MB = 1024 * 1024;
let s3: LocalS3;
const open: { crm: Crm; api: TestServer }[] = [];
test.before(async () => {
  s3 = await startLocalS3();
});
test.after.always(async () => {
  for (const o of open) {
    await o.api.close();
    await o.crm.close();
  }
  await s3?.stop();
});

async function withStore(files: FileStoreSettings): Promise<{ crm: Crm; api: TestServer }> {
  const crm = await testCrm('pglite', { config: { secret: 'test-secret', filesDir: '/nonexistent/yunzhou-files', files } });
  crm.container.get<SubjectAccessRegistry>(SubjectAccessRegistryToken).register('test', { assertCanRead: async () => undefined, assertCanWrite: async () => undefined });
  const o = { crm, api: await serve(crm) };
  open.push(o);
  return o;
}

for (const kind of ['s3', 'pg'] as const) {
  test(`${kind}: upload, download byte for byte, the 5 MB limit, sniffing and tenancy answer as on local disk`, async (t) => {
    const { crm, api } = await withStore(kind === 's3' ? { kind, ...s3.settings } : { kind });
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const subject = randomUUID();
    const upload = (token: string, name: string, body: Buffer | ReadableStream<Uint8Array>, kindOfFile = 'plan_attachment'): Promise<Response> =>
      fetch(`${api.url}/api/v1/files?${new URLSearchParams({ subjectType: 'test', subjectId: subject, kind: kindOfFile, fileName: name })}`, {
        method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, duplex: 'half',
      } as RequestInit);

    const content = Buffer.concat([PDF_MINIMAL, Buffer.from(Array.from({ length: 4 * MB }, (_, i) => (i * 13) % 256))]);
    const up = await upload(firm.adminToken, '方案.pdf', content);
    t.is(up.status, 201);
    const file = (await up.json()) as { id: string; contentType: string; sha256: string; sizeBytes: number };
    t.like(file, { contentType: 'application/pdf', sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    const got = await fetch(`${api.url}/api/v1/files/${file.id}/content`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
    t.is(got.status, 200);
    t.is(got.headers.get('content-length'), String(content.length));
    t.true(Buffer.from(await got.arrayBuffer()).equals(content));

    const big = Buffer.concat([PNG_1X1, Buffer.alloc(6 * MB - PNG_1X1.length, 1)]);
    const declared = await upload(firm.adminToken, 'big.png', big);
    t.is(declared.status, 413);
    t.is(((await declared.json()) as { code: string }).code, 'file.too_large');
    const chunks = Array.from({ length: 96 }, (_, i) => big.subarray(i * 64 * 1024, (i + 1) * 64 * 1024));
    const chunked = await upload(firm.adminToken, 'big.png', new ReadableStream<Uint8Array>({ pull(c) { const next = chunks.shift(); if (next) c.enqueue(next); else c.close(); } }));
    t.is(chunked.status, 413);

    const exe = await upload(firm.adminToken, 'setup.pdf', Buffer.concat([EXE_HEAD, Buffer.alloc(1000)]));
    t.is(((await exe.json()) as { code: string }).code, 'file.unsupported_type');
    const list = await fetch(`${api.url}/api/v1/files?subjectType=test&subjectId=${subject}&includeHistory=true`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
    t.deepEqual(((await list.json()) as { items: { id: string }[] }).items.map((f) => f.id), [file.id], 'the refused uploads left no file');

    t.is((await fetch(`${api.url}/api/v1/files/${file.id}/content`, { headers: { authorization: `Bearer ${other.adminToken}` } })).status, 404);
  });
}
