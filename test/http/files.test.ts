// Files through HTTP against a test-only subject type 'test', whose records live in memory and follow the
// same permission and data-scope rules an area's records do.
import test from 'ava';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { testCrm } from '../support/crm.js';
import { aFirm, type TestFirm } from '../support/tenant.js';
import { serve, type ApiResponse, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { SubjectAccessRegistryToken } from '../../adapters/composition/areas/files.tokens.js';
import type { SubjectAccessRegistry } from '../../core/files/subject-access-registry.js';
import { inScope, requirePermission, type Actor } from '../../core/organisation/actor.js';
import { notFound } from '../../core/shared/domain-error.js';
import { Timeline, UnitOfWork } from '../../core/shared/ports.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { docx, EXE_HEAD, PDF_MINIMAL, PNG_1X1 } from '../core/files/samples.js';

const MB = 1024 * 1024;
let crm: Crm;
let api: TestServer;

/** Records of the fake subject type: who owns them, in which department, of which tenant. */
const records = new Map<string, { tenantId: string; ownerId: string; departmentId: string | null }>();

function visible(actor: Actor, id: string): void {
  const r = records.get(id);
  if (!r || r.tenantId !== actor.tenantId || !inScope(actor, r)) throw notFound('test', '测试记录', id);
}

test.before(async () => {
  crm = await testCrm('pglite');
  crm.container.get<SubjectAccessRegistry>(SubjectAccessRegistryToken).register('test', {
    assertCanRead: async (_tx, actor, _type, id) => {
      visible(actor, id);
      requirePermission(actor, 'order.read');
    },
    assertCanWrite: async (_tx, actor, _type, id) => {
      visible(actor, id);
      requirePermission(actor, 'order.write');
    },
  });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

function aRecord(owner: Actor): string {
  const id = randomUUID();
  records.set(id, { tenantId: owner.tenantId, ownerId: owner.userId, departmentId: owner.departmentId });
  return id;
}

function upload(token: string, subjectId: string, kind: string, fileName: string, bytes: Buffer, subjectType = 'test'): Promise<ApiResponse> {
  const q = new URLSearchParams({ subjectType, subjectId, kind, fileName });
  return api.call('POST', `/api/v1/files?${q}`, { token, raw: bytes, headers: { 'content-type': 'application/octet-stream' } });
}

async function download(token: string, fileId: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${api.url}/api/v1/files/${fileId}/content`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function list(token: string, subjectId: string, includeHistory = false): Promise<ApiResponse> {
  return api.call('GET', `/api/v1/files?subjectType=test&subjectId=${subjectId}&includeHistory=${includeHistory}`, { token });
}

/** Every file stored for a tenant, temporary files included. */
function storedFiles(tenantId: string): string[] {
  const dir = join(crm.config.filesDir, tenantId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
}

async function salesFirm(): Promise<{ firm: TestFirm; sales: { actor: Actor; token: string } }> {
  const firm = await aFirm(crm);
  return { firm, sales: await firm.person(['sales']) };
}

test('a PNG uploads, and downloads back byte-identical with its type, length, Chinese name and SHA-256 ETag', async (t) => {
  const { firm, sales } = await salesFirm();
  const subject = aRecord(sales.actor);
  const up = await upload(sales.token, subject, 'id_card_front', '孙露露 身份证(正面).png', PNG_1X1);
  t.is(up.status, 201);
  const sha = createHash('sha256').update(PNG_1X1).digest('hex');
  t.like(up.body, { subjectType: 'test', subjectId: subject, kind: 'id_card_front', fileName: '孙露露 身份证(正面).png', contentType: 'image/png', sizeBytes: PNG_1X1.length, sha256: sha, current: true, uploadedBy: sales.actor.userId });
  t.is(up.body.contentUrl, `/api/v1/files/${up.body.id}/content`);
  t.is(up.body.storageKey, undefined, 'where the bytes live is not the client\'s business');

  const got = await download(sales.token, up.body.id);
  t.is(got.status, 200);
  t.deepEqual(got.bytes, PNG_1X1);
  t.is(got.headers.get('content-type'), 'image/png');
  t.is(got.headers.get('content-length'), String(PNG_1X1.length));
  t.is(got.headers.get('etag'), `"${sha}"`);
  t.is(
    got.headers.get('content-disposition'),
    `attachment; filename="___ ___(__).png"; filename*=UTF-8''%E5%AD%99%E9%9C%B2%E9%9C%B2%20%E8%BA%AB%E4%BB%BD%E8%AF%81%28%E6%AD%A3%E9%9D%A2%29.png`,
  );
  t.is((await download(sales.token, up.body.id, { 'if-none-match': `"${sha}"` })).status, 304);

  const meta = await api.call('GET', `/api/v1/files/${up.body.id}`, { token: sales.token });
  t.is(meta.status, 200);
  t.deepEqual(meta.body, up.body);
  t.is(storedFiles(firm.tenantId).length, 1);
});

test('a 6 MB upload is refused with 413 file.too_large and nothing is stored, with or without a declared length', async (t) => {
  const { firm, sales } = await salesFirm();
  const subject = aRecord(sales.actor);
  const big = Buffer.concat([PNG_1X1, Buffer.alloc(6 * MB - PNG_1X1.length, 1)]);
  const declared = await upload(sales.token, subject, 'id_card_front', 'big.png', big);
  t.is(declared.status, 413);
  t.is(declared.body.code, 'file.too_large');
  t.deepEqual(declared.body.details, { maxBytes: 5 * MB });
  t.is(declared.body.detail, '文件超过 5 MB 的上限，请压缩后重新上传');

  // Chunked transfer: no Content-Length, so only the streaming limit can stop it.
  const chunks = Array.from({ length: 96 }, (_, i) => big.subarray(i * 64 * 1024, (i + 1) * 64 * 1024));
  const body = new ReadableStream<Uint8Array>({ pull(c) { const next = chunks.shift(); if (next) c.enqueue(next); else c.close(); } });
  const q = new URLSearchParams({ subjectType: 'test', subjectId: subject, kind: 'id_card_front', fileName: 'big.png' });
  const res = await fetch(`${api.url}/api/v1/files?${q}`, { method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${sales.token}` } } as RequestInit);
  t.is(res.status, 413);
  t.is(((await res.json()) as { code: string }).code, 'file.too_large');

  t.deepEqual((await list(sales.token, subject, true)).body.items, []);
  t.deepEqual(storedFiles(firm.tenantId), []);
  t.is((await upload(sales.token, subject, 'id_card_front', 'small.png', PNG_1X1)).status, 201, 'the connection and the service still work');
});

test("the tenant's maxUploadBytes setting is the limit", async (t) => {
  const { firm, sales } = await salesFirm();
  const org = crm.container.get<OrganisationRepository>(OrganisationRepository);
  await crm.container.get<UnitOfWork>(UnitOfWork).run((tx) => org.updateTenantSettings(tx, firm.tenantId, { maxUploadBytes: 100 * 1024 }));
  const subject = aRecord(sales.actor);
  const refused = await upload(sales.token, subject, 'contract_scan', '合同.pdf', Buffer.concat([PDF_MINIMAL, Buffer.alloc(150 * 1024)]));
  t.is(refused.status, 413);
  t.deepEqual(refused.body.details, { maxBytes: 100 * 1024 });
  t.is((await upload(sales.token, subject, 'contract_scan', '合同.pdf', Buffer.concat([PDF_MINIMAL, Buffer.alloc(50 * 1024)]))).status, 201);
});

test('the type comes from the bytes: a PDF named .png is stored and served as application/pdf', async (t) => {
  const { sales } = await salesFirm();
  const up = await upload(sales.token, aRecord(sales.actor), 'business_licence', '营业执照.png', PDF_MINIMAL);
  t.is(up.status, 201);
  t.is(up.body.contentType, 'application/pdf');
  t.is(up.body.fileName, '营业执照.png');
  const got = await download(sales.token, up.body.id);
  t.is(got.headers.get('content-type'), 'application/pdf');
  t.deepEqual(got.bytes, PDF_MINIMAL);
});

test('executable bytes are refused whatever the name, listing what the kind accepts; nothing is stored', async (t) => {
  const { firm, sales } = await salesFirm();
  const subject = aRecord(sales.actor);
  const r = await upload(sales.token, subject, 'id_card_front', 'photo.jpg', Buffer.concat([EXE_HEAD, Buffer.alloc(200 * 1024)]));
  t.is(r.status, 400);
  t.is(r.body.code, 'file.unsupported_type');
  t.deepEqual(r.body.details, { allowed: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], kind: 'id_card_front' });
  t.is(r.body.detail, '身份证正面只能上传 JPEG、PNG、WebP、PDF 文件（按文件内容识别，与文件名无关）');
  t.deepEqual(storedFiles(firm.tenantId), []);
  t.deepEqual((await list(sales.token, subject, true)).body.items, []);
});

test('office documents are accepted as plan attachments and refused as ID cards', async (t) => {
  const { sales } = await salesFirm();
  const subject = aRecord(sales.actor);
  const plan = await upload(sales.token, subject, 'plan_attachment', '融资方案.docx', docx());
  t.is(plan.status, 201);
  t.is(plan.body.contentType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const id = await upload(sales.token, subject, 'id_card_back', '身份证反面.docx', docx());
  t.is(id.status, 400);
  t.is(id.body.code, 'file.unsupported_type');
});

test('a user of another tenant gets 404 on the file id, its content and the record\'s list', async (t) => {
  const { sales } = await salesFirm();
  const subject = aRecord(sales.actor);
  const up = await upload(sales.token, subject, 'id_card_front', 'a.png', PNG_1X1);
  const stranger = await aFirm(crm);
  const meta = await api.call('GET', `/api/v1/files/${up.body.id}`, { token: stranger.adminToken });
  t.is(meta.status, 404);
  t.is(meta.body.code, 'file.not_found');
  const content = await download(stranger.adminToken, up.body.id);
  t.is(content.status, 404);
  t.is(content.bytes.length > 0 && JSON.parse(content.bytes.toString('utf8')).code, 'file.not_found');
  t.is((await list(stranger.adminToken, subject)).status, 404);
  t.is((await upload(stranger.adminToken, subject, 'other', 'x.png', PNG_1X1)).status, 404);
});

test('data scope: another salesperson gets 404, the manager of the department sees it, a reader without write cannot upload', async (t) => {
  const { firm, sales } = await salesFirm();
  const colleague = await firm.person(['sales']);
  const manager = await firm.person(['manager']);
  const approver = await firm.person(['approver']);
  const subject = aRecord(sales.actor);
  const up = await upload(sales.token, subject, 'contract_scan', '合同.pdf', PDF_MINIMAL);
  t.is((await api.call('GET', `/api/v1/files/${up.body.id}`, { token: colleague.token })).body.code, 'file.not_found');
  t.is((await download(colleague.token, up.body.id)).status, 404);
  t.is((await list(colleague.token, subject)).body.code, 'test.not_found');
  t.is((await upload(colleague.token, subject, 'other', 'x.png', PNG_1X1)).status, 404);
  t.is((await download(manager.token, up.body.id)).status, 200);
  t.deepEqual((await list(manager.token, subject)).body.items.map((f: { id: string }) => f.id), [up.body.id]);
  t.is((await download(approver.token, up.body.id)).status, 200);
  const refused = await upload(approver.token, subject, 'other', 'x.png', PNG_1X1);
  t.is(refused.status, 403);
  t.is(refused.body.code, 'auth.forbidden');
});

test('a new plan attachment replaces the current one; the earlier version stays in history and on the timeline', async (t) => {
  const { sales } = await salesFirm();
  const subject = aRecord(sales.actor);
  const v1 = (await upload(sales.token, subject, 'plan_attachment', '方案v1.pdf', PDF_MINIMAL)).body;
  const v2 = (await upload(sales.token, subject, 'plan_attachment', '方案v2.docx', docx())).body;
  const extra = (await upload(sales.token, subject, 'other', '补充.png', PNG_1X1)).body;
  t.is(v2.current, true);

  const current = await list(sales.token, subject);
  t.deepEqual(current.body.items.map((f: { id: string }) => f.id), [extra.id, v2.id]);
  const history = await list(sales.token, subject, true);
  t.deepEqual(history.body.items.map((f: { id: string }) => f.id), [extra.id, v2.id, v1.id]);
  t.like(history.body.items[2], { id: v1.id, current: false, supersededBy: v2.id });
  t.deepEqual((await download(sales.token, v1.id)).bytes, PDF_MINIMAL, 'old versions stay downloadable');

  const timeline = crm.container.get<Timeline>(Timeline);
  const entries = await crm.container.get<UnitOfWork>(UnitOfWork).read((tx) => timeline.list(tx, sales.actor.tenantId, 'test', subject));
  t.deepEqual(entries.map((e) => [e.action, e.summary]), [
    ['file.uploaded', '上传了方案附件：方案v1.pdf'],
    ['file.replaced', '更新了方案附件：方案v2.docx'],
    ['file.uploaded', '上传了其他附件：补充.png'],
  ]);
  t.deepEqual(entries[1]?.data?.replaced, [v1.id]);
});

test('files of an unregistered subject type and unknown kinds are refused', async (t) => {
  const { sales } = await salesFirm();
  const unknownType = await upload(sales.token, randomUUID(), 'other', 'a.png', PNG_1X1, 'customer');
  t.is(unknownType.status, 400);
  t.is(unknownType.body.code, 'file.unknown_subject_type');
  const unknownKind = await upload(sales.token, aRecord(sales.actor), 'passport', 'a.png', PNG_1X1);
  t.is(unknownKind.status, 400);
  t.is(unknownKind.body.code, 'validation.failed');
  t.deepEqual(unknownKind.body.errors.map((e: { path: string }) => e.path), ['/query/kind']);
});

test('the upload is documented in OpenAPI as a binary body with its query parameters', async (t) => {
  const doc = (await api.call('GET', '/api/v1/openapi.json')).body;
  const op = doc.paths['/api/v1/files'].post;
  t.deepEqual(op.requestBody.content['application/octet-stream'].schema, { type: 'string', format: 'binary' });
  t.deepEqual(op.parameters.map((p: { name: string }) => p.name), ['subjectType', 'subjectId', 'kind', 'fileName']);
  t.truthy(doc.paths['/api/v1/files/{id}/content'].get);
});
