// Steps 10 to 12 through the real Koa app: plan, receipt with an Idempotency-Key, 回款办理 and approval, the
// order's amounts, 结单 through its flow, read-only afterwards; parallel requests (one receipt per key, no
// overpayment); exports; problem+json codes; tenant isolation and data scope on every resource.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { backends } from '../support/database.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { TickingClock, aFinanceFirm, aReceipt, anOrderOwing, anOrderWithPlan } from '../adapters/collections/builders.js';

for (const backend of backends()) {
  let crm: Crm;
  let api: TestServer;
  test.before(async () => {
    crm = await testCrm(backend, { clock: new TickingClock() });
    api = await serve(crm);
  });
  test.after.always(async () => {
    await api?.close();
    await crm?.close();
  });

  /** The person's pending approval task on a record, decided through HTTP. */
  async function decideOver(token: string, businessId: string, decision: 'approve' | 'reject' = 'approve'): Promise<number> {
    const tasks = await api.call('GET', '/api/v1/approval-tasks?limit=100', { token });
    const task = tasks.body.items.find((x: { businessId: string }) => x.businessId === businessId);
    if (!task) throw new Error(`no task on ${businessId}`);
    return (await api.call('POST', `/api/v1/approvals/${task.instanceId}/decide`, { token, body: { taskId: task.taskId, decision, opinion: '同意' } })).status;
  }

  test.serial(`[${backend}] steps 10 to 12 end to end: plan, receipt, 回款办理 and approval, received amount, 结单 and read-only`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderOwing(crm, f.firm, f.sales.actor, 20_000_000, '大道科技有限公司');
    const preview = await api.call('POST', `/api/v1/orders/${order.id}/collection-plan/preview`, { token: f.sales.token, body: { method: 'deposit', depositPercent: 30, depositDueOn: '2026-12-01' } });
    t.is(preview.status, 200);
    t.deepEqual(preview.body.instalments.map((i: { amountFen: number }) => i.amountFen), [6_000_000, 14_000_000]);
    const bad = await api.call('PUT', `/api/v1/orders/${order.id}/collection-plan`, { token: f.sales.token, body: { version: 0, spec: { method: 'manual', instalments: [{ dueOn: '2026-12-01', amountFen: 100 }] } } });
    t.deepEqual([bad.status, bad.body.code], [422, 'collection.plan_total_mismatch']);
    const plan = await api.call('PUT', `/api/v1/orders/${order.id}/collection-plan`, { token: f.sales.token, body: { version: 0, spec: { method: 'equal', count: 2, firstDueOn: '2026-12-01' } } });
    t.is(plan.status, 200);
    t.deepEqual(plan.body.instalments.map((i: { stateLabel: string }) => i.stateLabel), ['未回款', '未回款']);

    const body = { ...aReceipt(order.id, 20_000_000), submit: true };
    const created = await api.call('POST', '/api/v1/receipts', { token: f.sales.token, body, headers: { 'Idempotency-Key': 'hk-001' } });
    t.is(created.status, 201);
    t.is(created.body.state, 'pending');
    const again = await api.call('POST', '/api/v1/receipts', { token: f.sales.token, body, headers: { 'Idempotency-Key': 'hk-001' } });
    t.deepEqual([again.status, again.body.id, again.headers.get('idempotent-replayed')], [200, created.body.id, 'true']);
    const waiting = await api.call('GET', '/api/v1/receipts/awaiting-me', { token: f.finance.token });
    t.deepEqual(waiting.body.items.map((w: { companyName: string; amountFen: number }) => [w.companyName, w.amountFen]), [['大道科技有限公司', 20_000_000]]);
    t.is(await decideOver(f.finance.token, created.body.id), 200);
    const detail = await api.call('GET', `/api/v1/orders/${order.id}`, { token: f.sales.token });
    t.deepEqual([detail.body.order.amounts.receivedFen, detail.body.order.amounts.outstandingFen], [20_000_000, 0]);

    const close = await api.call('POST', `/api/v1/orders/${order.id}/close`, { token: f.finance.token, body: {} });
    t.is(close.status, 201);
    t.is(await decideOver(f.operations.token, order.id), 200);
    const closed = await api.call('GET', `/api/v1/orders/${order.id}`, { token: f.sales.token });
    t.deepEqual([closed.body.status, closed.body.progress], ['completed', 100]);
    const late = await api.call('POST', '/api/v1/receipts', { token: f.finance.token, body: aReceipt(order.id, 1) });
    t.deepEqual([late.status, late.body.code], [422, 'collection.order_completed']);
    const reversal = await api.call('POST', `/api/v1/receipts/${created.body.id}/reversal`, { token: f.finance.token, body: { reason: '客户退款' } });
    t.deepEqual([reversal.status, reversal.body.state, reversal.body.stateLabel], [200, 'reversing', '冲销中']);
  });

  test.serial(`[${backend}] parallel requests: one receipt per Idempotency-Key, and never more than is owed`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 2);
    const body = aReceipt(order.id, 400_000);
    const same = await Promise.all(Array.from({ length: 4 }, () => api.call('POST', '/api/v1/receipts', { token: f.finance.token, body, headers: { 'Idempotency-Key': 'same' } })));
    t.deepEqual(same.map((r) => r.status).sort(), [200, 200, 200, 201]);
    t.is(new Set(same.map((r) => r.body.id)).size, 1);
    const many = await Promise.all(Array.from({ length: 5 }, (_, i) => api.call('POST', '/api/v1/receipts', { token: f.finance.token, body: aReceipt(order.id, 300_000), headers: { 'Idempotency-Key': `k${i}` } })));
    t.deepEqual(many.map((r) => r.status).sort(), [201, 201, 422, 422, 422]);
    t.true(many.filter((r) => r.status === 422).every((r) => r.body.code === 'collection.overpayment'));
    const reused = await api.call('POST', '/api/v1/receipts', { token: f.finance.token, body: { ...body, amountFen: 1 }, headers: { 'Idempotency-Key': 'same' } });
    t.deepEqual([reused.status, reused.body.code], [409, 'collection.idempotency_key_reused']);
  });

  test.serial(`[${backend}] lists with totals, .xlsx exports with Chinese names, settings, and field errors`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 2, '2026-11-01');
    await api.call('POST', '/api/v1/receipts', { token: f.finance.token, body: aReceipt(order.id, 250_000, { paymentMethod: '支付宝' }) });
    const list = await api.call('GET', '/api/v1/receipts?withTotal=true&paymentMethod=%E6%94%AF%E4%BB%98%E5%AE%9D', { token: f.finance.token });
    t.deepEqual([list.body.total, list.body.totals.amountFen, list.body.items[0].instalmentNumbers], [1, 250_000, [1]]);
    const overdue = await api.call('GET', '/api/v1/instalments/overdue?withTotal=true', { token: f.finance.token });
    t.deepEqual([overdue.body.total, overdue.body.totals.outstandingFen], [1, 500_000]);
    const xlsx = await fetch(`${api.url}/api/v1/receipts/export?period=month`, { headers: { authorization: `Bearer ${f.finance.token}` } });
    t.is(xlsx.status, 200);
    t.is(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    t.regex(xlsx.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E5%9B%9E%E6%AC%BE%E8%AE%B0%E5%BD%95\.xlsx/);
    t.is(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    const overdueSheet = await fetch(`${api.url}/api/v1/instalments/export?state=overdue`, { headers: { authorization: `Bearer ${f.finance.token}` } });
    t.regex(overdueSheet.headers.get('content-disposition') ?? '', /%E9%80%BE%E6%9C%9F/); // 逾期
    const noDept = await api.call('GET', '/api/v1/receipts/export?departmentId=00000000-0000-4000-8000-000000000000', { token: f.finance.token });
    t.deepEqual([noDept.status, noDept.body.code], [404, 'department.not_found']);

    const settings = await api.call('GET', '/api/v1/collection-settings', { token: f.sales.token });
    t.deepEqual(settings.body.paymentMethods.map((m: { name: string }) => m.name).slice(0, 4), ['转账', '现金', '微信', '支付宝']);
    const put = await api.call('PUT', '/api/v1/collection-settings', { token: f.finance.token, body: { version: 0, reminderDaysBefore: 5 } });
    t.deepEqual([put.status, put.body.reminderDaysBefore, put.body.version], [200, 5, 1]);
    const invalid = await api.call('POST', '/api/v1/receipts', { token: f.finance.token, body: { ...aReceipt(order.id, 1), paymentMethod: '比特币', invoiceWanted: true } });
    t.deepEqual([invalid.status, invalid.body.errors.map((e: { path: string }) => e.path)], [400, ['/paymentMethod', '/invoiceKind']]);
  });

  test.serial(`[${backend}] another firm gets 404 on every collections resource and sees none in lists; sales see only their own orders’`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 1);
    const r = await api.call('POST', '/api/v1/receipts', { token: f.sales.token, body: aReceipt(order.id, 100_000) });
    const other = await aFirm(crm);
    const colleague = await f.firm.person(['sales']);
    for (const token of [other.adminToken, colleague.token]) {
      for (const path of [`/api/v1/receipts/${r.body.id}`, `/api/v1/orders/${order.id}/collection-plan`, `/api/v1/orders/${order.id}/collection-plan/revisions`, `/api/v1/orders/${order.id}/receipts`, `/api/v1/orders/${order.id}/close`]) {
        t.is((await api.call('GET', path, { token })).status, 404, path);
      }
      t.is((await api.call('PATCH', `/api/v1/receipts/${r.body.id}`, { token, body: { version: 1, amountFen: 1 } })).status, 404);
      t.is((await api.call('POST', '/api/v1/receipts', { token, body: aReceipt(order.id, 1) })).status, 404);
      t.is((await api.call('GET', '/api/v1/receipts', { token })).body.items.length, 0);
      t.is((await api.call('GET', '/api/v1/instalments', { token })).body.items.length, 0);
    }
    t.is((await api.call('POST', `/api/v1/orders/${order.id}/close`, { token: other.adminToken, body: {} })).status, 404);
    t.is((await api.call('GET', `/api/v1/receipts/${r.body.id}`, { token: f.sales.token })).status, 200);
  });
}
