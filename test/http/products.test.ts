// Steps 7 and 8 through HTTP on the real Koa app: the catalogue, an order from inquiry to 自动匹配 with reasons,
// 手动匹配 with warnings, lines and totals, application statuses on the timeline, the receivable and disbursed
// amount of the order, repayment calculators, the public status lookup, tenant isolation and data scope.
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { testCrm } from '../support/crm.js';
import { aFirm, aMobile, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { DEMO_PRODUCTS } from '../../core/products/demo-products.js';
import { formatStatusCode } from '../../core/products/status-code.js';
import { aProfile } from '../adapters/orders/order-builders.js';
import { daysFromNow } from '../support/dates.js';

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

/** A firm with the demo catalogue (the first three products created over HTTP by 运营) and a salesperson. */
async function aFirmWithCatalogue(names?: readonly string[]): Promise<{ firm: TestFirm; ops: string; sales: { token: string; userId: string }; ids: Map<string, string> }> {
  const firm = await aFirm(crm);
  const ops = await firm.person(['operations']);
  const sales = await firm.person(['sales']);
  const ids = new Map<string, string>();
  for (const [i, p] of DEMO_PRODUCTS.filter((x) => !names || names.includes(x.name)).entries()) {
    if (i < 3) {
      const r = await api.call('POST', `${V1}/products`, { token: ops.token, body: p });
      if (r.status !== 201) throw new Error(`product ${p.name}: ${JSON.stringify(r.body)}`);
      ids.set(p.name, r.body.id);
    } else {
      ids.set(p.name, (await crm.products.createProduct(ops.actor, p)).id);
    }
  }
  return { firm, ops: ops.token, sales: { token: sales.token, userId: sales.actor.userId }, ids };
}

/** Inquiry → order → enterprise profile, all over HTTP; returns the order id and the customer's mobile. */
async function anOrder(token: string): Promise<{ orderId: string; mobile: string }> {
  const mobile = aMobile();
  const inquiry = await api.call('POST', `${V1}/inquiries`, {
    token,
    body: { companyName: `盛博科技${randomBytes(4).toString('hex')}有限公司`, mobile, contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '税贷、发票贷都能做', nextFollowUpAt: daysFromNow(5) },
  });
  if (inquiry.status !== 201) throw new Error(JSON.stringify(inquiry.body));
  const order = await api.call('POST', `${V1}/orders`, { token, body: { inquiryId: inquiry.body.id, title: '企业信用贷' } });
  if (order.status !== 201) throw new Error(JSON.stringify(order.body));
  const profile = await api.call('PATCH', `${V1}/orders/${order.body.id}/profile`, { token, body: { version: order.body.version, ...aProfile() } });
  if (profile.status !== 200) throw new Error(JSON.stringify(profile.body));
  return { orderId: order.body.id, mobile };
}

test('the catalogue: create with requirements, list with filters and 共N条, a bad rule refused with field paths, sales may not edit', async (t) => {
  const { firm, ops, sales, ids } = await aFirmWithCatalogue();
  const all = await api.call('GET', `${V1}/products?withTotal=true&limit=5`, { token: sales.token });
  t.is(all.status, 200);
  t.is(all.body.total, DEMO_PRODUCTS.length);
  t.is(all.body.items.length, 5);
  const tax = await api.call('GET', `${V1}/products?category=tax_loan&active=true&withTotal=true`, { token: sales.token });
  t.deepEqual(tax.body.items.map((p: { name: string }) => p.name), ['税E贷', '快贷', '云税贷', '税易贷', '纳税e贷']);
  const cats = await api.call('GET', `${V1}/product-categories`, { token: sales.token });
  t.deepEqual(cats.body.items.map((c: { name: string; productCount: number }) => `${c.name}${c.productCount}`), ['个人信贷4', '税贷5', '票贷4', '诺诺票贷4', '企业经营性抵押贷4', '企业信贷6', '个人房抵押4', '车辆抵押贷4']);

  const bad = await api.call('POST', `${V1}/products`, {
    token: ops, body: { ...DEMO_PRODUCTS[0], number: 99, requirements: [{ kind: 'legalRepAge', min: 70, max: 30 }, { kind: 'annualTaxPaid', minFen: -5 }] },
  });
  t.is(bad.status, 400);
  t.is(bad.body.code, 'validation.failed');
  t.deepEqual(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['/requirements/0/min', 'min_above_max'], ['/requirements/1/minFen', 'negative']]);
  t.is((await api.call('POST', `${V1}/products`, { token: sales.token, body: DEMO_PRODUCTS[0] })).status, 403);

  const one = await api.call('GET', `${V1}/products/${ids.get('税E贷')}`, { token: sales.token });
  const edited = await api.call('PUT', `${V1}/products/${one.body.id}`, { token: ops, body: { ...DEMO_PRODUCTS[0], version: one.body.version, defaultServiceFeeFen: 1_200_000 } });
  t.is(edited.body.defaultServiceFeeFen, 1_200_000);
  t.is((await api.call('PUT', `${V1}/products/${one.body.id}`, { token: ops, body: { ...DEMO_PRODUCTS[0], version: one.body.version } })).status, 409);

  const other = await aFirm(crm);
  t.is((await api.call('GET', `${V1}/products/${one.body.id}`, { token: other.adminToken })).status, 404);
  t.is((await api.call('GET', `${V1}/products?withTotal=true`, { token: other.adminToken })).body.total, 0);
  t.truthy(firm);
});

test('steps 7 and 8 end to end: auto match with reasons, manual match with warnings, lines and totals, applications, receivable and disbursed amount', async (t) => {
  const { firm, sales, ids } = await aFirmWithCatalogue();
  const { orderId } = await anOrder(sales.token);
  const token = sales.token;
  const facts = await api.call('PUT', `${V1}/orders/${orderId}/match-facts`, {
    token, body: { version: 0, facts: { companyRegisteredOn: '2019-06-01', taxCreditRating: 'A', annualTaxPaidFen: 6_000_000, annualInvoicingFen: 800_000_000, existingDebtFen: 50_000_000, requestedAmountFen: 100_000_000 } },
  });
  t.is(facts.status, 200);
  const matches = await api.call('GET', `${V1}/orders/${orderId}/product-matches`, { token });
  t.is(matches.status, 200);
  const shuiE = matches.body.items.find((i: { product: { name: string } }) => i.product.name === '税E贷');
  t.true(shuiE.matched);
  t.deepEqual(shuiE.reasons.map((r: { status: string }) => r.status), ['met', 'met', 'met', 'met', 'met']);
  const first = matches.body.items[0];
  t.true(first.matched);
  const vehicle = matches.body.items.find((i: { product: { name: string } }) => i.product.name === '车主贷');
  t.false(vehicle.matched);
  t.deepEqual(vehicle.reasons.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`), ['needsVehicle:unknown', 'legalRepAge:met']);

  const saved = await api.call('PUT', `${V1}/orders/${orderId}/product-lines`, {
    token, body: { version: 0, lines: [{ productId: ids.get('税E贷'), discountFen: 100_000 }, { productId: ids.get('车主贷'), serviceFeeFen: 200_000, quantity: 2 }] },
  });
  t.is(saved.status, 200);
  t.deepEqual(saved.body.lines.map((l: { totalFen: number }) => l.totalFen), [900_000, 400_000]);
  t.deepEqual(saved.body.lines[1].warnings.map((w: { kind: string; status: string }) => `${w.kind}:${w.status}`), ['needsVehicle:unknown']);
  t.is(saved.body.receivableFen, 1_300_000);
  t.deepEqual(saved.body.counts, { unselected: DEMO_PRODUCTS.length - 1 - 2, selected: 2 });
  const negative = await api.call('PUT', `${V1}/orders/${orderId}/product-lines`, { token, body: { version: 1, lines: [{ productId: ids.get('税E贷'), discountFen: 1_000_001 }] } });
  t.is(negative.status, 400);
  t.deepEqual(negative.body.errors.map((e: { path: string }) => e.path), ['/lines/0/discountFen']);
  t.is((await api.call('GET', `${V1}/orders/${orderId}`, { token })).body.order.amounts.receivableFen, 1_300_000);

  const line = saved.body.lines[0];
  const step = async (version: number, event: Record<string, unknown>) => {
    const r = await api.call('POST', `${V1}/orders/${orderId}/product-lines/${line.id}/application-events`, { token, body: { version, event } });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body as { version: number; status: string; statusLabel: string };
  };
  let a = await step(line.version, { type: 'submit' });
  t.is(a.statusLabel, '申请中');
  const skip = await api.call('POST', `${V1}/orders/${orderId}/product-lines/${line.id}/application-events`, { token, body: { version: a.version, event: { type: 'disburse', disbursedAmountFen: 1, disbursedOn: '2026-11-01' } } });
  t.is(skip.status, 422);
  t.is(skip.body.code, 'application.transition_not_allowed');
  a = await step(a.version, { type: 'approve', approvedAmountFen: 100_000_000, annualRatePercent: '3.85', termMonths: 12 });
  a = await step(a.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: '2026-11-20' });
  t.is(a.statusLabel, '已放款');

  const detail = await api.call('GET', `${V1}/orders/${orderId}`, { token });
  t.is(detail.body.order.amounts.disbursedFen, 100_000_000);
  const timeline = await api.call('GET', `${V1}/orders/${orderId}/timeline`, { token });
  const summaries = (timeline.body.items ?? timeline.body).map((e: { summary: string }) => e.summary);
  t.true(summaries.includes('税E贷（工商银行）提交申请，状态：申请中'));
  t.true(summaries.includes('税E贷（工商银行）已放款 100万元（2026-11-20）'));
  t.truthy(firm);

  const comparison = await api.call('POST', `${V1}/orders/${orderId}/product-lines/${line.id}/repayment-comparison`, { token, body: {} });
  t.is(comparison.status, 200);
  t.deepEqual(comparison.body.terms.sources, { principal: 'approved', rate: 'approved', months: 'approved' });
  t.deepEqual(comparison.body.methods.map((m: { method: string; offered: boolean }) => `${m.method}:${m.offered}`), ['equal-installment:true', 'equal-principal:false', 'interest-first:true', 'bullet:false']);
});

test('the repayment calculators answer over HTTP with the published figures and refuse bad terms', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const s = await api.call('POST', `${V1}/loans/schedule`, { token: sales.token, body: { principalFen: 100_000_000, annualRate: '0.049', months: 360, method: 'equal-installment' } });
  t.is(s.status, 200);
  t.is(s.body.rows.length, 360);
  t.is(s.body.rows[0].paymentFen, 530_727); // 100万, 30 years, 4.90%: 5307.27 a month, as published
  const c = await api.call('POST', `${V1}/loans/compare`, { token: sales.token, body: { principalFen: 10_000_000, annualRate: '0.0435', months: 12 } });
  t.deepEqual(c.body.items.map((m: { method: string }) => m.method), ['equal-installment', 'equal-principal', 'interest-first', 'bullet']);
  t.is(c.body.items[0].firstPaymentFen, 853_099); // 10万, 1 year, 4.35%: 8530.99 a month
  const bad = await api.call('POST', `${V1}/loans/compare`, { token: sales.token, body: { principalFen: 10_000_000, annualRate: '4.35', months: 12 } });
  t.is(bad.status, 400);
  t.is(bad.body.code, 'loan.invalid_terms');
  t.is((await api.call('POST', `${V1}/loans/compare`, { body: { principalFen: 1, annualRate: '0.01', months: 1 } })).status, 401);
});

// Serial, so that no other test's requests disturb the timing comparison.
test.serial('the public lookup needs no account, answers an unknown code and wrong digits alike, and throttles with Retry-After', async (t) => {
  const { sales, ids } = await aFirmWithCatalogue(['税E贷', '快贷']);
  const { orderId } = await anOrder(sales.token);
  await api.call('PUT', `${V1}/orders/${orderId}/product-lines`, { token: sales.token, body: { version: 0, lines: [{ productId: ids.get('税E贷') }] } });
  const issued = await api.call('POST', `${V1}/orders/${orderId}/status-code`, { token: sales.token });
  t.is(issued.status, 201);
  const profile = await api.call('GET', `${V1}/orders/${orderId}/profile`, { token: sales.token });
  const mobile = String(profile.body.profile?.legalPersonMobile ?? profile.body.legalPersonMobile ?? '');
  const digits = mobile.slice(-4);
  t.regex(digits, /^\d{4}$/);

  const ok = await api.call('POST', `${V1}/public/order-status`, { body: { code: issued.body.code, lastFour: digits } });
  t.is(ok.status, 200);
  t.is(ok.body.stage, '初次沟通');
  t.deepEqual(ok.body.applications.map((a: { statusLabel: string }) => a.statusLabel), ['待申请']);
  t.false(JSON.stringify(ok.body).includes(mobile));

  const time = async (body: unknown) => {
    const started = process.hrtime.bigint();
    const r = await api.call<Record<string, unknown>>('POST', `${V1}/public/order-status`, { body });
    return { r, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };
  const unknown: Awaited<ReturnType<typeof time>>[] = [];
  const wrong = [] as typeof unknown;
  for (let i = 0; i < 4; i++) {
    unknown.push(await time({ code: formatStatusCode(randomBytes(16)), lastFour: digits }));
    wrong.push(await time({ code: issued.body.code, lastFour: String(1000 + i) }));
  }
  t.deepEqual(unknown.map((x) => [x.r.status, x.r.body.code]), Array(4).fill([404, 'status.not_found']));
  t.deepEqual(wrong.map((x) => x.r.body), unknown.map((x) => x.r.body));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  // Same queries either way: the medians differ by noise only (bounded loosely, as other tests share the machine).
  const [mu, mw] = [median(unknown.map((x) => x.ms)), median(wrong.map((x) => x.ms))];
  t.true(Math.abs(mu - mw) < Math.max(50, 0.5 * Math.max(mu, mw)), `an unknown code (${mu} ms) and wrong digits (${mw} ms) take about the same time`);

  await api.call('POST', `${V1}/public/order-status`, { body: { code: issued.body.code, lastFour: '9999' } });
  const locked = await api.call('POST', `${V1}/public/order-status`, { body: { code: issued.body.code, lastFour: digits } });
  t.is(locked.status, 429);
  t.is(locked.body.code, 'status.throttled');
  t.true(Number(locked.headers.get('retry-after')) > 0);
});

test('every order resource of products is 404 for another tenant and for a colleague outside the data scope', async (t) => {
  const { firm, sales, ids } = await aFirmWithCatalogue(['税E贷', '快贷']);
  const { orderId } = await anOrder(sales.token);
  const saved = await api.call('PUT', `${V1}/orders/${orderId}/product-lines`, { token: sales.token, body: { version: 0, lines: [{ productId: ids.get('快贷') }] } });
  const lineId = saved.body.lines[0].id;
  const colleague = await firm.person(['sales']);
  const manager = await firm.person(['manager']);
  const stranger = await aFirm(crm);
  const requests: [string, string, unknown?][] = [
    ['GET', `/orders/${orderId}/match-facts`],
    ['PUT', `/orders/${orderId}/match-facts`, { version: 0, facts: {} }],
    ['GET', `/orders/${orderId}/product-matches`],
    ['GET', `/orders/${orderId}/product-lines`],
    ['PUT', `/orders/${orderId}/product-lines`, { version: 1, lines: [] }],
    ['POST', `/orders/${orderId}/product-lines/${lineId}/application-events`, { version: 1, event: { type: 'submit' } }],
    ['POST', `/orders/${orderId}/product-lines/${lineId}/repayment-comparison`, {}],
    ['GET', `/orders/${orderId}/status-code`],
    ['POST', `/orders/${orderId}/status-code`],
  ];
  for (const token of [colleague.token, stranger.adminToken]) {
    const statuses = [];
    for (const [method, path, body] of requests) statuses.push((await api.call(method, V1 + path, { token, ...(body === undefined ? {} : { body }) })).status);
    t.deepEqual(statuses, Array(requests.length).fill(404));
  }
  const seen = await api.call('GET', `${V1}/orders/${orderId}/product-lines`, { token: manager.token });
  t.is(seen.status, 200);
  t.is(seen.body.lines.length, 1);
  t.is((await api.call('GET', `${V1}/products/${ids.get('快贷')}`, { token: stranger.adminToken })).status, 404);
});
