// 业绩目标 and 资料清单 through the real Koa app: every new route answers, bad input is a 4xx problem+json with a
// stable code and nothing changes, another firm's records are not found, and 提交申请 with a blocking document
// missing is refused with the list of what is missing.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { TickingClock, aFinanceFirm } from '../adapters/collections/builders.js';
import { aCatalogue, anOrderWithProfile } from '../adapters/products/product-builders.js';
import { upload } from '../adapters/orders/order-builders.js';

let crm: Crm;
let api: TestServer;
const clock = new TickingClock('2026-12-01T02:00:00Z');
test.before(async () => {
  crm = await testCrm('pglite', { clock });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('targets: set, read, remove; bad input and another firm refused with nothing changed; my attainment', async (t) => {
  const f = await aFinanceFirm(crm);
  const sun = f.sales.actor.userId;
  const token = f.firm.adminToken;
  const body = { targets: [{ subjectKind: 'person', subjectId: sun, metric: 'collected', period: '2026-12', amountFen: 900_000 }] };
  t.is((await api.call('PUT', '/api/v1/targets', { token, body })).status, 200);
  const board = await api.call('GET', '/api/v1/targets?period=2026-12', { token });
  t.is(board.status, 200);
  t.is(board.body.rows.find((r: { subjectId: string }) => r.subjectId === sun).targets.collected.setFen, 900_000);

  for (const bad of [
    { targets: [{ ...body.targets[0], amountFen: -1 }] },
    { targets: [{ ...body.targets[0], amountFen: 1.5 }] },
    { targets: [{ ...body.targets[0], period: '2026-13' }] },
    { targets: [{ ...body.targets[0], metric: 'profit' }] },
    { targets: [{ ...body.targets[0], subjectId: 'x' }] },
    { targets: [{ ...body.targets[0], amountFen: 5, extra: '\u0000' }] },
    { targets: [body.targets[0], body.targets[0]] },
    { targets: [] },
  ]) {
    const r = await api.call('PUT', '/api/v1/targets', { token, body: bad });
    t.is(r.status, 400, JSON.stringify(bad));
    t.is(r.headers.get('content-type')?.split(';')[0], 'application/problem+json');
    t.truthy(r.body.code);
  }
  t.is((await api.call('GET', '/api/v1/targets?period=2026-W1', { token })).status, 400);
  t.is((await api.call('GET', '/api/v1/targets?period=2026-12', { token })).body.rows.find((r: { subjectId: string }) => r.subjectId === sun).targets.collected.setFen, 900_000);

  const forbidden = await api.call('PUT', '/api/v1/targets', { token: f.sales.token, body });
  t.deepEqual([forbidden.status, forbidden.body.code], [403, 'auth.forbidden']);
  const other = await aFirm(crm);
  const foreign = await api.call('PUT', '/api/v1/targets', { token: other.adminToken, body });
  t.deepEqual([foreign.status, foreign.body.code], [404, 'user.not_found']);
  const foreignRemove = await api.call('DELETE', `/api/v1/targets/person/${sun}/collected/2026-12`, { token: other.adminToken });
  t.deepEqual([foreignRemove.status, foreignRemove.body.code], [404, 'target.not_found']);

  const mine = await api.call('GET', '/api/v1/briefing/mine?period=month', { token: f.sales.token });
  t.deepEqual([mine.status, mine.body.attainment.period, mine.body.attainment.collected.targetFen], [200, '2026-12', 900_000]);
  t.is((await api.call('GET', '/api/v1/briefing/mine?period=week', { token: f.sales.token })).status, 400);

  t.is((await api.call('DELETE', `/api/v1/targets/person/${sun}/collected/2026-12`, { token })).status, 204);
  t.is((await api.call('DELETE', `/api/v1/targets/person/${sun}/collected/2026-12`, { token })).status, 404);
  t.is((await api.call('GET', '/api/v1/targets?period=2026-12')).status, 401);
});

test('checklists: a product’s checklist, an order’s, marking files; bad input, another firm, and the refused submission', async (t) => {
  const f = await aFinanceFirm(crm);
  const token = f.firm.adminToken;
  const catalogue = await aCatalogue(crm, f.firm.admin, ['税E贷']);
  const product = catalogue.get('税E贷')?.id as string;
  const report = { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true };
  const saved = await api.call('PUT', `/api/v1/products/${product}/checklist`, { token, body: { version: 0, documents: [report] } });
  t.deepEqual([saved.status, saved.body.version, saved.body.documents[0].document], [200, 1, '征信报告']);
  for (const bad of [
    { version: 1, documents: [{ ...report, validity: { kind: 'days_from_document_date', days: 0 } }] },
    { version: 1, documents: [{ ...report, validity: { kind: 'for_ever' } }] },
    { version: 1, documents: [{ ...report, document: '征信\u0000报告' }] },
    { version: 1, documents: [report, report] },
    { version: 1 },
  ]) {
    const r = await api.call('PUT', `/api/v1/products/${product}/checklist`, { token, body: bad });
    t.is(r.status, 400, JSON.stringify(bad));
    t.is(r.headers.get('content-type')?.split(';')[0], 'application/problem+json');
  }
  const stale = await api.call('PUT', `/api/v1/products/${product}/checklist`, { token, body: { version: 0, documents: [report] } });
  t.deepEqual([stale.status, stale.body.code], [409, 'checklist.version_conflict']);
  t.is((await api.call('GET', `/api/v1/products/${product}/checklist`, { token })).body.version, 1);

  const { order } = await anOrderWithProfile(crm, f.sales.actor);
  const lines = await crm.orderProducts.saveLines(f.sales.actor, order.id, 0, [{ productId: product }]);
  const line = lines.lines[0]!;
  const refused = await api.call('POST', `/api/v1/orders/${order.id}/product-lines/${line.id}/application-events`, { token: f.sales.token, body: { version: line.version, event: { type: 'submit' } } });
  t.is(refused.status, 422, JSON.stringify(refused.body));
  t.is(refused.body.code, 'checklist.documents_incomplete');
  t.deepEqual(refused.body.details.documents.map((d: { document: string }) => d.document), ['征信报告']);

  const file = await upload(crm, f.sales.actor, order.id, 'other', 'pdf');
  for (const bad of [
    { fileId: file.id, document: '征信报告', documentDate: '2026-02-30' },
    { fileId: file.id, document: '征信报告', coversFrom: '2026-06-01' },
    { fileId: file.id, document: '营业执照', expiresOn: '2030-01-01', longTerm: true },
    { fileId: 'nope', document: '征信报告' },
    { fileId: file.id },
  ]) {
    const r = await api.call('POST', `/api/v1/orders/${order.id}/checklist/marks`, { token: f.sales.token, body: bad });
    t.is(r.status, 400, JSON.stringify(bad));
  }
  t.deepEqual((await api.call('GET', `/api/v1/orders/${order.id}/checklist`, { token: f.sales.token })).body.files[0].marks, []);
  const marked = await api.call('POST', `/api/v1/orders/${order.id}/checklist/marks`, { token: f.sales.token, body: { fileId: file.id, document: '征信报告', documentDate: '2026-11-20' } });
  t.deepEqual([marked.status, marked.body.products[0].documents[0].state], [200, 'collected']);
  const submitted = await api.call('POST', `/api/v1/orders/${order.id}/product-lines/${line.id}/application-events`, { token: f.sales.token, body: { version: line.version, event: { type: 'submit' } } });
  t.is(submitted.status, 200, JSON.stringify(submitted.body));

  const other = await aFirm(crm);
  for (const [method, path, body] of [
    ['GET', `/api/v1/orders/${order.id}/checklist`, undefined],
    ['POST', `/api/v1/orders/${order.id}/checklist/marks`, { fileId: file.id, document: '征信报告', documentDate: '2026-11-20' }],
    ['DELETE', `/api/v1/orders/${order.id}/checklist/marks/${file.id}?document=${encodeURIComponent('征信报告')}`, undefined],
    ['GET', `/api/v1/products/${product}/checklist`, undefined],
  ] as const) {
    const r = await api.call(method, path, { token: other.adminToken, body });
    t.is(r.status, 404, `${method} ${path}`);
  }
  const unmarked = await api.call('DELETE', `/api/v1/orders/${order.id}/checklist/marks/${file.id}?document=${encodeURIComponent('征信报告')}`, { token: f.sales.token });
  t.deepEqual([unmarked.status, unmarked.body.products[0].documents[0].state], [200, 'missing']);
});

test('checklist settings: 资料到期提醒提前天数 read and saved; bad input, a stale version, staff without product.manage and another firm change nothing', async (t) => {
  const f = await aFinanceFirm(crm);
  const token = f.firm.adminToken;
  t.deepEqual((await api.call('GET', '/api/v1/checklist-settings', { token })).body, { reminderDaysBefore: 7, version: 0 });

  for (const bad of [
    { version: 0, reminderDaysBefore: 0 },
    { version: 0, reminderDaysBefore: 91 },
    { version: 0, reminderDaysBefore: 7.5 },
    { version: 0, reminderDaysBefore: '14' },
    { version: 0 },
  ]) {
    const r = await api.call('PUT', '/api/v1/checklist-settings', { token, body: bad });
    t.is(r.status, 400, JSON.stringify(bad));
    t.is(r.headers.get('content-type')?.split(';')[0], 'application/problem+json');
    t.is(r.body.code, 'validation.failed');
    t.regex(r.body.detail, /reminderDaysBefore/);
    const en = await api.call('PUT', '/api/v1/checklist-settings', { token, body: bad, headers: { 'accept-language': 'en' } });
    t.regex(en.body.detail, /^Invalid input/, JSON.stringify(en.body));
  }
  const stale = await api.call('PUT', '/api/v1/checklist-settings', { token, body: { version: 2, reminderDaysBefore: 14 } });
  t.deepEqual([stale.status, stale.body.code], [409, 'checklist.settings_conflict']);
  const forbidden = await api.call('PUT', '/api/v1/checklist-settings', { token: f.sales.token, body: { version: 0, reminderDaysBefore: 14 } });
  t.deepEqual([forbidden.status, forbidden.body.code], [403, 'auth.forbidden']);
  t.deepEqual((await api.call('GET', '/api/v1/checklist-settings', { token })).body, { reminderDaysBefore: 7, version: 0 });

  const saved = await api.call('PUT', '/api/v1/checklist-settings', { token, body: { version: 0, reminderDaysBefore: 14 } });
  t.deepEqual([saved.status, saved.body], [200, { reminderDaysBefore: 14, version: 1 }]);
  t.deepEqual((await api.call('GET', '/api/v1/checklist-settings', { token: f.sales.token })).body, { reminderDaysBefore: 14, version: 1 });

  // Another firm sees its own default, and its save is its own.
  const other = await aFirm(crm);
  t.deepEqual((await api.call('GET', '/api/v1/checklist-settings', { token: other.adminToken })).body, { reminderDaysBefore: 7, version: 0 });
  t.is((await api.call('PUT', '/api/v1/checklist-settings', { token: other.adminToken, body: { version: 1, reminderDaysBefore: 30 } })).body.code, 'checklist.settings_conflict');
  t.is((await api.call('PUT', '/api/v1/checklist-settings', { token: other.adminToken, body: { version: 0, reminderDaysBefore: 30 } })).status, 200);
  t.deepEqual((await api.call('GET', '/api/v1/checklist-settings', { token })).body, { reminderDaysBefore: 14, version: 1 });
});
