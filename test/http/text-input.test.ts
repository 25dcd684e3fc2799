// Text no route may take in: NUL and lone surrogates anywhere (body, query, path, keys, plugin routes, file
// names, the Idempotency-Key), invalid UTF-8; and a JSON `null` body meets the route's schema.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { builtInPlugins } from '../../plugins/index.js';
import { findBadText, findUndecodableQuery, isCleanText } from '../../http/text-input.js';
import { boundIntegers } from '../../http/integer-bounds.js';
import { testCrm } from '../support/crm.js';
import { aFirm, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';

let crm: Crm;
let api: TestServer;
let firm: TestFirm;

test.before(async () => {
  crm = await testCrm('pglite', { plugins: builtInPlugins(), migrate: true });
  api = await serve(crm);
  firm = await aFirm(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

const json = { 'content-type': 'application/json' };
const refusedAt = (t: any, res: { status: number; body: any }, path: string): void => {
  t.is(res.status, 400, JSON.stringify(res.body));
  t.is(res.body.code, 'validation.failed');
  t.true(res.body.errors.some((e: any) => e.path === path && e.code === 'text'), JSON.stringify(res.body.errors));
};

test('isCleanText: NUL and lone surrogates are bad; pairs, emoji, 𠮷 and U+FFFD are fine', (t) => {
  for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\udfb7\ud842', 'end\ud83d']) t.false(isCleanText(bad), JSON.stringify(bad));
  for (const ok of ['', '盛博科技', '𠮷野家', '😀👍🏽', '\ufffd', 'tab\tnewline\n', '\u0001']) t.true(isCleanText(ok), ok);
});

test('findBadText names every bad string and key by its path', (t) => {
  const errors = findBadText({ a: 'ok', b: ['x', 'y\u0000'], 'k\u0000': 1, c: { '~/': '\ud800' } }, '');
  t.deepEqual(errors.map((e) => e.path), ['/b/1', '/k\\u0000', '/c/~0~1']);
  t.deepEqual(findBadText('\u0000', ''), [{ path: '/', code: 'text', zh: '不能包含空字符或无效的 Unicode 字符', en: 'must not contain NUL or invalid Unicode characters' }]);
});

test('findUndecodableQuery refuses percent-escapes that are not UTF-8 but keeps a literal %', (t) => {
  t.deepEqual(findUndecodableQuery('keyword=%ED%A0%80&limit=5').map((e) => e.path), ['/query/keyword']);
  t.deepEqual(findUndecodableQuery('a=%FF').map((e) => e.path), ['/query/a']);
  t.deepEqual(findUndecodableQuery('keyword=100%&x=%E4%B8%AD&y=%zz'), []);
});

test('a NUL in a stored body field is 400 validation.failed naming the field, and nothing is stored', async (t) => {
  const res = await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, body: { title: '回访\u0000盛博' } });
  refusedAt(t, res, '/title');
  t.is(res.body.errors[0].message, '不能包含空字符或无效的 Unicode 字符');
  const en = await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, body: { title: 'x', description: '\u0000' }, headers: { 'accept-language': 'en' } });
  t.is(en.body.errors[0].message, 'must not contain NUL or invalid Unicode characters');
  const list = await api.call('GET', '/api/v1/tasks?view=created', { token: firm.adminToken });
  t.deepEqual(list.body.items.filter((i: any) => i.title.includes('盛博')), []);
});

test('a lone surrogate sent as the JSON escape "\\ud800" is refused; a surrogate pair (𠮷) is stored', async (t) => {
  const lone = await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, raw: '{"title":"回访\\ud800"}', headers: json });
  refusedAt(t, lone, '/title');
  const pair = await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, raw: '{"title":"回访\\ud842\\udfb7野家😀"}', headers: json });
  t.is(pair.status, 201);
  t.is(pair.body.title, '回访𠮷野家😀');
});

test('a body that is not UTF-8 is refused rather than stored with U+FFFD', async (t) => {
  const raw = Buffer.concat([Buffer.from('{"title":"回访'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
  refusedAt(t, await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, raw, headers: json }), '/');
});

test('a raw %00 or a non-UTF-8 escape in a query parameter is refused, naming the parameter', async (t) => {
  refusedAt(t, await api.call('GET', '/api/v1/inquiries?keyword=%00', { token: firm.adminToken }), '/query/keyword');
  refusedAt(t, await api.call('GET', '/api/v1/inquiries?keyword=%ED%A0%80', { token: firm.adminToken }), '/query/keyword');
  // a parameter the route does not declare is refused too (no schema sees it otherwise)
  refusedAt(t, await api.call('GET', '/api/v1/plugins/import-export/imports/columns?x=a%00', { token: firm.adminToken }), '/query/x');
  const fine = await api.call('GET', `/api/v1/inquiries?keyword=${encodeURIComponent('𠮷')}`, { token: firm.adminToken });
  t.is(fine.status, 200);
});

test('a NUL in a path parameter is refused before the route looks it up', async (t) => {
  refusedAt(t, await api.call('GET', '/api/v1/tasks/%00', { token: firm.adminToken }), '/params/id');
});

test('plugin routes are held to the same rule', async (t) => {
  const res = await api.call('POST', '/api/v1/plugins/webhooks/endpoints', {
    token: firm.adminToken, body: { url: 'https://example.com/hook', events: ['inquiry.created'], description: '推送\u0000' },
  });
  refusedAt(t, res, '/description');
});

test('an uploaded file name with a NUL is refused', async (t) => {
  const res = await api.call('POST', `/api/v1/files?subjectType=order&subjectId=${randomUUID()}&kind=other&fileName=a%00.pdf`, {
    token: firm.adminToken, raw: Buffer.from('%PDF-1.4\n'), headers: { 'content-type': 'application/pdf' },
  });
  refusedAt(t, res, '/query/fileName');
});

test('an Idempotency-Key longer than a requestId may be is refused', async (t) => {
  const res = await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, body: { title: 'x' }, headers: { 'idempotency-key': 'k'.repeat(101) } });
  t.is(res.status, 400);
  t.deepEqual(res.body.errors.map((e: any) => [e.path, e.code]), [['/headers/idempotency-key', 'maxLength']]);
});

test('a JSON null body meets the route schema: read-all refuses it; no body at all is still taken', async (t) => {
  const nul = await api.call('POST', '/api/v1/messages/read-all', { token: firm.adminToken, raw: 'null', headers: json });
  t.is(nul.status, 400);
  t.is(nul.body.code, 'validation.failed');
  t.deepEqual(nul.body.errors.map((e: any) => [e.path, e.code]), [['/', 'type']]);
  const none = await api.call('POST', '/api/v1/messages/read-all', { token: firm.adminToken });
  t.true(none.status < 300, JSON.stringify(none.body));
  const empty = await api.call('POST', '/api/v1/messages/read-all', { token: firm.adminToken, body: {} });
  t.true(empty.status < 300);
  // a route without a body schema ignores whatever body it gets, null included
  const logout = await api.call('POST', '/api/v1/auth/logout', { token: (await firm.person(['sales'])).token, raw: 'null', headers: json });
  t.true(logout.status < 300, JSON.stringify(logout.body));
});

test('an integer the schema leaves unbounded is held to its column: a version of 1e308 or 2^31 is 400, not 500', async (t) => {
  const flows = await api.call('GET', '/api/v1/approval-flows', { token: firm.adminToken });
  const flowId = (flows.body.items[0]?.id as string | undefined) ?? randomUUID();
  for (const v of ['1e308', '2147483648']) {
    const res = await api.call('GET', `/api/v1/approval-flows/${flowId}/versions/${v}`, { token: firm.adminToken });
    t.is(res.status, 400, v);
    t.deepEqual(res.body.errors.map((e: any) => [e.path, e.code]), [['/params/version', 'maximum']]);
  }
  // The highest int4 as the version a change starts from: the change would write one more (the fuzz's 500).
  const top = await api.call('PATCH', `/api/v1/departments/${randomUUID()}`, { token: firm.adminToken, body: { version: 2 ** 31 - 1, name: '版本' } });
  t.deepEqual([top.status, top.body.errors.map((e: any) => [e.path, e.code])], [400, [['/version', 'maximum']]]);
  const sort = await api.call('POST', '/api/v1/departments', { token: firm.adminToken, body: { name: '大排序', parentId: null, sortOrder: -(2 ** 31) - 1 } });
  t.deepEqual(sort.body.errors.map((e: any) => [e.path, e.code]), [['/sortOrder', 'minimum']]);
});

test('boundIntegers: int4 for counts and versions, safe integers for money in fen, explicit bounds kept', (t) => {
  const s = boundIntegers({ type: 'object', properties: { version: { type: 'integer', minimum: 1 }, minFen: { type: 'integer' }, days: { anyOf: [{ type: 'integer' }, { type: 'null' }] }, id: { type: 'integer', minimum: 1, maximum: 9 }, list: { type: 'array', items: { type: 'integer' } } } });
  const p = s.properties as Record<string, any>;
  // A change writes version + 1, so the version it starts from leaves room for it (the fuzz found the 500).
  t.like(p.version, { minimum: 1, maximum: 2_147_483_646 });
  t.like(p.minFen, { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
  t.like(p.days.anyOf[0], { minimum: -2_147_483_647, maximum: 2_147_483_647 });
  t.like(p.id, { minimum: 1, maximum: 9 });
  t.like(p.list.items, { maximum: 2_147_483_647 });
});

test('the OpenAPI document shows the bounds the validator applies', async (t) => {
  const doc = (await api.call('GET', '/api/v1/openapi.json')).body;
  const version = doc.paths['/api/v1/approval-flows/{id}/versions/{version}'].get.parameters.find((p: any) => p.name === 'version');
  t.like(version.schema, { type: 'integer', minimum: 1, maximum: 2_147_483_646 });
});
