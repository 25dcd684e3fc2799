// Fees through HTTP (issue 16): a product's fee rule, the firm's refund rule, a line's fee computation and a
// corrected disbursement. Bad input is a 4xx problem+json with a stable code and changes nothing.
import test from 'ava';
import { testCrm } from '../support/crm.js';
import { aFirm, type TestFirm } from '../support/tenant.js';
import { serve, type ApiResponse, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { aProductInput } from '../core/products/builders.js';
import { anOrderWithProfile } from '../adapters/products/product-builders.js';

let crm: Crm;
let api: TestServer;
test.before(async () => {
  crm = await testCrm('pglite');
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

const V1 = '/api/v1';
const RULE = { split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5' } };

function problem(t: { is: (a: unknown, b: unknown, m?: string) => void; true: (a: boolean, m?: string) => void }, r: ApiResponse, status: number, code: string): void {
  t.is(r.status, status, JSON.stringify(r.body));
  t.true((r.headers.get('content-type') ?? '').includes('application/problem+json'));
  t.is(r.body.code, code);
}

async function aFirmWithProduct(): Promise<{ firm: TestFirm; ops: { token: string }; sales: Awaited<ReturnType<TestFirm['person']>>; finance: { token: string }; productId: string }> {
  const firm = await aFirm(crm);
  const ops = await firm.person(['operations']);
  const sales = await firm.person(['sales']);
  const finance = await firm.person(['finance']);
  const r = await api.call('POST', `${V1}/products`, { token: ops.token, body: aProductInput({ number: undefined, amountFen: { min: 0, max: 900_000_000 } }) });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return { firm, ops, sales, finance, productId: r.body.id };
}

test('a product\'s fee rule: read as the fixed fee, set, refused when bad (every path, nothing changed), cleared; only product managers set it', async (t) => {
  const { ops, sales, productId } = await aFirmWithProduct();
  const path = `${V1}/products/${productId}/fee-rule`;
  const before = await api.call('GET', path, { token: sales.token });
  t.is(before.status, 200);
  t.false(before.body.custom);
  t.deepEqual(before.body.rule, { split: 'parts', upFront: { kind: 'fixed', amountFen: 1_000_000 }, success: null });

  const bad = await api.call('PUT', path, { token: ops.token, body: { version: before.body.version, rule: { split: 'parts', upFront: null, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5%' } } } });
  problem(t, bad, 400, 'fee.invalid_rule');
  t.deepEqual(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['/success/ratePercent', 'not_rate']]);
  problem(t, await api.call('PUT', path, { token: ops.token, body: { version: before.body.version, rule: { ...RULE, success: { kind: 'rate', base: 'disbursed', ratePercent: '1\u00005' } } } }), 400, 'validation.failed');
  problem(t, await api.call('PUT', path, { token: ops.token, body: { version: before.body.version } }), 400, 'validation.failed');
  problem(t, await api.call('PUT', path, { token: sales.token, body: { version: before.body.version, rule: RULE } }), 403, 'auth.forbidden');
  t.deepEqual((await api.call('GET', path, { token: ops.token })).body, before.body);

  const saved = await api.call('PUT', path, { token: ops.token, body: { version: before.body.version, rule: RULE } });
  t.is(saved.status, 200);
  t.true(saved.body.custom);
  t.is(saved.body.rule.success.ratePercent, '1.5');
  problem(t, await api.call('PUT', path, { token: ops.token, body: { version: before.body.version, rule: null } }), 409, 'product.version_conflict');
  // A client that sends the product back as read (fee rule included) is not refused, and the rule stays.
  const product = (await api.call('GET', `${V1}/products/${productId}`, { token: ops.token })).body;
  t.deepEqual(product.feeRule, saved.body.rule);
  const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, ...content } = product;
  const replaced = await api.call('PUT', `${V1}/products/${productId}`, { token: ops.token, body: { ...content, name: '税E贷（新）' } });
  t.is(replaced.status, 200, JSON.stringify(replaced.body));
  t.deepEqual(replaced.body.feeRule, saved.body.rule);
  const cleared = await api.call('PUT', path, { token: ops.token, body: { version: replaced.body.version, rule: null } });
  t.false(cleared.body.custom);
  problem(t, await api.call('GET', `${V1}/products/00000000-0000-4000-8000-000000000000/fee-rule`, { token: ops.token }), 404, 'product.not_found');
});

test('the firm\'s refund rule: 不退还 by default, set by finance at the version read; a bad value changes nothing', async (t) => {
  const { sales, finance } = await aFirmWithProduct();
  const first = await api.call('GET', `${V1}/fee-settings`, { token: sales.token });
  t.is(first.status, 200);
  t.like(first.body, { rejectionRefundPolicy: 'keep', version: 0, label: { zh: '不退还' } });
  problem(t, await api.call('PUT', `${V1}/fee-settings`, { token: finance.token, body: { version: 0, rejectionRefundPolicy: 'maybe' } }), 400, 'validation.failed');
  problem(t, await api.call('PUT', `${V1}/fee-settings`, { token: sales.token, body: { version: 0, rejectionRefundPolicy: 'refund' } }), 403, 'auth.forbidden');
  t.is((await api.call('GET', `${V1}/fee-settings`, { token: finance.token })).body.version, 0);
  const saved = await api.call('PUT', `${V1}/fee-settings`, { token: finance.token, body: { version: 0, rejectionRefundPolicy: 'refund_with_approval' } });
  t.is(saved.status, 200);
  t.like(saved.body, { rejectionRefundPolicy: 'refund_with_approval', version: 1 });
  problem(t, await api.call('PUT', `${V1}/fee-settings`, { token: finance.token, body: { version: 0, rejectionRefundPolicy: 'keep' } }), 409, 'fee.settings_version_conflict');
});

test('a line\'s fee computation after 放款, and a corrected disbursed amount: checked, then the success fee follows', async (t) => {
  const { ops, sales, productId } = await aFirmWithProduct();
  const rule = await api.call('GET', `${V1}/products/${productId}/fee-rule`, { token: ops.token });
  await api.call('PUT', `${V1}/products/${productId}/fee-rule`, { token: ops.token, body: { version: rule.body.version, rule: RULE } });
  const { order } = await anOrderWithProfile(crm, sales.actor);
  const lines = await api.call('PUT', `${V1}/orders/${order.id}/product-lines`, { token: sales.token, body: { version: 0, lines: [{ productId }] } });
  t.is(lines.status, 200, JSON.stringify(lines.body));
  const line = lines.body.lines[0];
  t.is(line.serviceFeeFen, 200_000);
  const event = async (version: number, e: Record<string, unknown>) => {
    const r = await api.call('POST', `${V1}/orders/${order.id}/product-lines/${line.id}/application-events`, { token: sales.token, body: { version, event: e } });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body;
  };
  let l = await event(1, { type: 'submit' });
  const fixPath = `${V1}/orders/${order.id}/product-lines/${line.id}/disbursement-correction`;
  problem(t, await api.call('POST', fixPath, { token: sales.token, body: { version: l.version, disbursedAmountFen: 1, reason: '更正' } }), 422, 'product.not_disbursed');
  l = await event(l.version, { type: 'approve', approvedAmountFen: 200_000_000, annualRatePercent: '3.85', termMonths: 12 });
  l = await event(l.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: '2026-11-20' });
  t.is(l.totalFen, 1_700_000);

  const fee = await api.call('GET', `${V1}/orders/${order.id}/product-lines/${line.id}/fee`, { token: sales.token });
  t.is(fee.status, 200);
  t.like(fee.body, { ruleSource: 'product', dueFen: 1_700_000, upFrontDueFen: 200_000, successDueFen: 1_500_000 });
  t.like(fee.body.computation, { rounding: 'half_up_fen', bases: { approvedFen: 200_000_000, disbursedFen: 100_000_000 }, totalFen: 1_700_000 });

  problem(t, await api.call('POST', fixPath, { token: sales.token, body: { version: l.version, disbursedAmountFen: 1.5, reason: '更正' } }), 400, 'validation.failed');
  problem(t, await api.call('POST', fixPath, { token: sales.token, body: { version: l.version, disbursedAmountFen: 300_000_000, reason: '更正' } }), 400, 'validation.failed');
  problem(t, await api.call('POST', fixPath, { token: sales.token, body: { version: l.version, disbursedAmountFen: 1, reason: '更\u0000正' } }), 400, 'validation.failed');
  t.is((await api.call('GET', `${V1}/orders/${order.id}/product-lines/${line.id}/fee`, { token: sales.token })).body.dueFen, 1_700_000);

  // No collection plan yet: the fee simply follows the corrected amount (no approval needed).
  const fixed = await api.call('POST', fixPath, { token: sales.token, body: { version: l.version, disbursedAmountFen: 120_000_000, reason: '银行更正' } });
  t.is(fixed.status, 200, JSON.stringify(fixed.body));
  t.is(fixed.body.successDueFen, 1_800_000);
  const view = await api.call('GET', `${V1}/orders/${order.id}/product-lines`, { token: sales.token });
  t.is(view.body.receivableFen, 2_000_000);
});

test('a fee lowered after the plan was agreed is read as its approver reads it: order, product line, fee before and after, and why', async (t) => {
  const { firm, ops, sales, finance, productId } = await aFirmWithProduct();
  await crm.approvalFlows.create(firm.admin, { businessType: 'fee_adjustment', name: '服务费调整', nodes: [{ key: 'f', name: '财务审核', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] });
  const rule = await api.call('GET', `${V1}/products/${productId}/fee-rule`, { token: ops.token });
  await api.call('PUT', `${V1}/products/${productId}/fee-rule`, { token: ops.token, body: { version: rule.body.version, rule: RULE } });
  const { order } = await anOrderWithProfile(crm, sales.actor);
  const line = (await api.call('PUT', `${V1}/orders/${order.id}/product-lines`, { token: sales.token, body: { version: 0, lines: [{ productId }] } })).body.lines[0];
  const event = async (version: number, e: Record<string, unknown>) =>
    (await api.call('POST', `${V1}/orders/${order.id}/product-lines/${line.id}/application-events`, { token: sales.token, body: { version, event: e } })).body;
  let l = await event(1, { type: 'submit' });
  l = await event(l.version, { type: 'approve', approvedAmountFen: 200_000_000, annualRatePercent: '3.85', termMonths: 12 });
  const plan = await api.call('PUT', `${V1}/orders/${order.id}/collection-plan`, { token: finance.token, body: { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2026-12-30' } } });
  t.is(plan.status, 200, JSON.stringify(plan.body));
  l = await event(l.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: '2026-11-20' });
  const fixPath = `${V1}/orders/${order.id}/product-lines/${line.id}/disbursement-correction`;
  t.is((await api.call('POST', fixPath, { token: sales.token, body: { version: l.version, disbursedAmountFen: 80_000_000, reason: '银行回单金额有误' } })).status, 200);

  const [pending] = (await api.call('GET', `${V1}/orders/${order.id}/product-lines/${line.id}/fee`, { token: sales.token })).body.adjustments;
  const read = await api.call('GET', `${V1}/fee-adjustments/${pending.id}`, { token: finance.token });
  t.is(read.status, 200, JSON.stringify(read.body));
  t.like(read.body, {
    id: pending.id, kind: 'success_reduction', state: 'pending', orderId: order.id, orderTitle: order.title, lineId: line.id, productName: line.productName,
    fromFen: 1_500_000, toFen: 1_200_000, refundFen: 0, reason: '银行回单金额有误',
  });
  t.regex(read.body.explanation.zh, /放款 800,000\.00 元.*成功服务费由 15,000\.00 元变为 12,000\.00 元，减少 3,000\.00 元/);
  t.regex(read.body.explanation.en, /success fee from 15,000\.00 yuan to 12,000\.00 yuan/);
  const approval = (await api.call('GET', `${V1}/approvals?businessType=fee_adjustment&businessId=${pending.id}`, { token: finance.token })).body;
  t.is(approval.items?.length, 1, JSON.stringify(approval));

  // Another firm, or an id that is no adjustment, is not found; a malformed id is a 400 problem.
  problem(t, await api.call('GET', `${V1}/fee-adjustments/${pending.id}`, { token: (await aFirm(crm)).adminToken }), 404, 'fee_adjustment.not_found');
  problem(t, await api.call('GET', `${V1}/fee-adjustments/${line.id}`, { token: finance.token }), 404, 'fee_adjustment.not_found');
  problem(t, await api.call('GET', `${V1}/fee-adjustments/not-a-uuid`, { token: finance.token }), 400, 'validation.failed');
});
