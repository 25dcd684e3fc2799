// Step 13 through HTTP: an approved receipt → 申请开票 → 提交审批 → approved: issued with its number → the PDF
// (its text read back with pdftotext) → 红冲 in part → 部分红冲 and 可开票 restored; lists, export, the contract
// and plan PDFs; another firm gets 404, and data scope decides who sees an invoice.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { testCrm } from '../support/crm.js';
import { aFirm, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { pdfText } from '../adapters/pdf/pdf-tools.js';
import { aContractedOrder, aReceiptFlow, SELLER } from '../adapters/invoices/builders.js';
import { aPlan } from '../adapters/orders/order-builders.js';

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

const BUYER = { address: '苏州市高新区狮山路 88 号', phone: '0512-66889900', bank: '中国建设银行苏州高新区支行', account: '32250199753600001234', accountConfirmed: true };

interface Firm extends TestFirm {
  readonly finance: { token: string; actor: TestFirm['admin'] };
}

/** A firm set up through the API: its invoicing profile and its invoice, 红冲 and receipt flows. */
async function aFirmOverHttp(capBasis: 'received' | 'contract' = 'received'): Promise<Firm> {
  const firm = await aFirm(crm);
  const settings = await api.call('PUT', '/api/v1/invoice-settings', { token: firm.adminToken, body: { version: 0, seller: SELLER, drawer: '张犇', payee: '孙露露', capBasis } });
  if (settings.status !== 200) throw new Error(JSON.stringify(settings.body));
  for (const [businessType, name] of [['invoice', '开票审批'], ['red_invoice', '红冲审批']] as const) {
    const r = await api.call('POST', '/api/v1/approval-flows', {
      token: firm.adminToken, body: { businessType, name, nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] },
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  }
  await aReceiptFlow(crm, firm);
  const finance = await firm.person(['finance'], { name: '李淼' });
  return { ...firm, finance };
}

/** The finance person approves the invoice's open approval through the API. */
async function approveOverHttp(token: string, approvalId: string): Promise<void> {
  const instance = await api.call('GET', `/api/v1/approvals/${approvalId}`, { token });
  const taskId = instance.body.myOpenTaskIds?.[0];
  const r = await api.call('POST', `/api/v1/approvals/${approvalId}/decide`, { token, body: { taskId, decision: 'approve', opinion: '同意' } });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
}

async function issue(firm: Firm, token: string, invoiceId: string): Promise<void> {
  const submitted = await api.call('POST', `/api/v1/invoices/${invoiceId}/submit`, { token, body: {}, headers: { 'Idempotency-Key': `submit-${invoiceId}` } });
  if (submitted.status !== 200) throw new Error(JSON.stringify(submitted.body));
  await approveOverHttp(firm.finance.token, submitted.body.approvalId);
}

test('receipt approved → invoice requested → approved: issued with its number → PDF with number and 大写 → partial 红冲 → 部分红冲 and 可开票 restored', async (t) => {
  const firm = await aFirmOverHttp();
  const sales = await firm.person(['sales'], { name: '孙露露' });
  const order = await aContractedOrder(crm, sales.actor, 1_000_000);
  // 回款 through the collections area's API: a plan, a receipt asking for a special invoice, approved by finance.
  const plan = await api.call('PUT', `/api/v1/orders/${order.id}/collection-plan`, { token: sales.token, body: { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2026-12-01' } } });
  t.is(plan.status, 200, JSON.stringify(plan.body));
  const receipt = await api.call('POST', '/api/v1/receipts', {
    token: sales.token, headers: { 'Idempotency-Key': `receipt-${order.id}` },
    body: { orderId: order.id, receivedOn: '2026-11-25', amountFen: 1_000_000, paymentMethod: '转账', payer: '盛博科技有限公司', type: '服务费', invoiceWanted: true, invoiceKind: 'special', submit: true },
  });
  t.is(receipt.status, 201, JSON.stringify(receipt.body));
  const receiptId = receipt.body.id as string;
  const receiptApproval = await api.call('GET', `/api/v1/approvals?businessType=receipt&businessId=${receiptId}`, { token: sales.token });
  await approveOverHttp(firm.finance.token, receiptApproval.body.items[0].id);

  const before = await api.call('GET', `/api/v1/orders/${order.id}/invoiceable`, { token: sales.token });
  t.is(before.status, 200);
  t.deepEqual([before.body.capBasis, before.body.capFen, before.body.invoiceableFen], ['received', 1_000_000, 1_000_000]);
  t.deepEqual(before.body.receipts.map((r: { id: string; selectable: boolean; invoiceKind: string }) => [r.id, r.selectable, r.invoiceKind]), [[receiptId, true, 'special']]);

  const requested = await api.call('POST', '/api/v1/invoices', { token: sales.token, body: { orderId: order.id, receiptIds: [receiptId], buyer: BUYER } });
  t.is(requested.status, 201, JSON.stringify(requested.body));
  t.deepEqual(
    [requested.body.state, requested.body.kind, requested.body.totalFen, requested.body.amountFen, requested.body.taxFen, requested.body.totalUppercase, requested.body.receiptIds],
    ['draft', 'special', 1_000_000, 943_396, 56_604, '壹万元整', [receiptId]],
  );
  const again = await api.call('POST', '/api/v1/invoices', { token: sales.token, body: { orderId: order.id, receiptIds: [receiptId], buyer: BUYER } });
  t.is(again.status, 400);
  t.deepEqual(again.body.errors.map((e: { code: string }) => e.code), ['invoice.receipt_already_invoiced']);

  const id = requested.body.id as string;
  const submitted = await api.call('POST', `/api/v1/invoices/${id}/submit`, { token: sales.token, body: {}, headers: { 'Idempotency-Key': 'k1' } });
  t.is(submitted.status, 200, JSON.stringify(submitted.body));
  t.deepEqual([submitted.body.state, submitted.body.stateLabel], ['pending', '待审批']);
  const retried = await api.call('POST', `/api/v1/invoices/${id}/submit`, { token: sales.token, body: {}, headers: { 'Idempotency-Key': 'k1' } });
  t.deepEqual([retried.status, retried.body.approvalId], [200, submitted.body.approvalId]);
  await approveOverHttp(firm.finance.token, submitted.body.approvalId);

  const issued = await api.call('GET', `/api/v1/invoices/${id}`, { token: sales.token });
  t.is(issued.body.state, 'issued');
  const number = issued.body.number as string;
  t.regex(number, /^\d{4}00000001$/);
  t.is(issued.body.issueDate.slice(0, 4), number.slice(0, 4));

  const pdf = await api.call('GET', `/api/v1/invoices/${id}/pdf`, { token: sales.token });
  t.is(pdf.status, 200);
  t.is(pdf.headers.get('content-type'), 'application/pdf');
  t.regex(pdf.headers.get('content-disposition') ?? '', new RegExp(`filename\\*=UTF-8''%E5%8F%91%E7%A5%A8_${number}\\.pdf`));
  // A download by default, which no page may frame; disposition=inline shows it in a page of the same origin
  // only (the console embeds it), and nowhere else.
  t.is(pdf.headers.get('x-frame-options'), 'DENY');
  t.regex(pdf.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  const inline = await api.call('GET', `/api/v1/invoices/${id}/pdf?disposition=inline`, { token: sales.token });
  t.is(inline.status, 200);
  t.is(inline.headers.get('content-type'), 'application/pdf');
  t.regex(inline.headers.get('content-disposition') ?? '', /^inline; /);
  t.is(inline.headers.get('x-frame-options'), 'SAMEORIGIN');
  t.is(inline.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'self'");
  t.is((await api.call('GET', `/api/v1/invoices/${id}/pdf?disposition=window`, { token: sales.token })).status, 400);
  const bytes = Buffer.from(await (await fetch(`${api.url}/api/v1/invoices/${id}/pdf`, { headers: { authorization: `Bearer ${sales.token}` } })).arrayBuffer());
  const text = pdfText(bytes).replace(/[ \t\u3000]+/g, '');
  t.true(text.includes(number), 'the number is printed');
  t.true(text.includes('壹万元整'), 'the 大写 total is printed');
  t.true(text.includes(SELLER.name), 'the seller is printed');
  t.true(text.includes('32250199753600001234'), 'the buyer\'s account is printed on a special invoice');

  const red = await api.call('POST', `/api/v1/invoices/${id}/red-letter`, { token: sales.token, body: { reason: '服务费部分退还', lines: [{ lineNo: 1, totalFen: 300_000 }] } });
  t.is(red.status, 201, JSON.stringify(red.body));
  t.deepEqual([red.body.direction, red.body.totalFen, red.body.originalNumber, red.body.kindLabel], ['red', -300_000, number, '红字专用发票']);
  await issue(firm, sales.token, red.body.id);

  const original = await api.call('GET', `/api/v1/invoices/${id}`, { token: sales.token });
  t.deepEqual([original.body.state, original.body.stateLabel, original.body.reversedFen], ['partially_reversed', '部分红冲', 300_000]);
  const redIssued = await api.call('GET', `/api/v1/invoices/${red.body.id}`, { token: sales.token });
  t.is(redIssued.body.number, `${number.slice(0, 4)}00000002`);
  const redPdf = pdfText(Buffer.from(await (await fetch(`${api.url}/api/v1/invoices/${red.body.id}/pdf`, { headers: { authorization: `Bearer ${sales.token}` } })).arrayBuffer())).replace(/[ \t\u3000]+/g, '');
  t.true(redPdf.includes('负叁仟元整'));
  t.true(redPdf.includes(number), 'the red-letter invoice names the original');

  const after = await api.call('GET', `/api/v1/orders/${order.id}/invoiceable`, { token: sales.token });
  t.deepEqual([after.body.invoicedFen, after.body.invoiceableFen], [700_000, 300_000]);
  const reinvoice = await api.call('POST', '/api/v1/invoices', { token: sales.token, body: { orderId: order.id, kind: 'ordinary', lines: [{ totalFen: 300_000 }] } });
  t.is(reinvoice.status, 201);
  const over = await api.call('POST', '/api/v1/invoices', { token: sales.token, body: { orderId: order.id, lines: [{ totalFen: 1 }] } });
  t.deepEqual([over.status, over.body.code], [422, 'invoice.exceeds_invoiceable']);

  const list = await api.call('GET', `/api/v1/invoices?orderId=${order.id}&withTotal=true`, { token: firm.finance.token });
  t.deepEqual(list.body.items.map((i: { state: string }) => i.state), ['draft', 'issued', 'partially_reversed']);
  t.deepEqual(list.body.totals, { count: 3, amountFen: 943_396 - 283_019 + 283_019, taxFen: 56_604 - 16_981 + 16_981, totalFen: 1_000_000 });
  const filtered = await api.call('GET', `/api/v1/invoices?state=partially_reversed&kind=special&buyer=${encodeURIComponent(issued.body.buyer.name.slice(0, 4))}&number=${number.slice(0, 6)}`, { token: firm.finance.token });
  t.deepEqual(filtered.body.items.map((i: { id: string }) => i.id), [id]);
  const xlsx = await fetch(`${api.url}/api/v1/invoices/export?orderId=${order.id}`, { headers: { authorization: `Bearer ${firm.finance.token}` } });
  t.is(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  t.is(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK');
});

test('a special invoice without the buyer\'s details is a 400 listing each field', async (t) => {
  const firm = await aFirmOverHttp('contract');
  const order = await aContractedOrder(crm, firm.admin, 1_000_000);
  const r = await api.call('POST', '/api/v1/invoices', { token: firm.adminToken, body: { orderId: order.id, kind: 'special', lines: [{ totalFen: 100 }] } });
  t.is(r.status, 400);
  t.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['/buyer/address', '/buyer/phone', '/buyer/bank', '/buyer/account']);
});

test('the contract and plan PDFs of a stored order carry its contract number, the firm\'s tax id and the plan', async (t) => {
  const firm = await aFirmOverHttp();
  const order = await aContractedOrder(crm, firm.admin, 2_000_000);
  const plan = aPlan({ projectName: '盛博科技税贷方案' });
  const detail = await crm.orders.get(firm.admin, order.id);
  await crm.orderPlans.save(firm.admin, order.id, { ...plan, version: detail.order.version } as never);
  const contract = await crm.orderContracts.get(firm.admin, order.id);
  await crm.collectionPlans.save(firm.admin, order.id, { version: 0, spec: { method: 'equal', count: 2, firstDueOn: '2026-12-15' } });

  const c = await fetch(`${api.url}/api/v1/orders/${order.id}/contract.pdf`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
  t.is(c.status, 200);
  const contractText = pdfText(Buffer.from(await c.arrayBuffer())).replace(/[ \t\u3000]+/g, '');
  t.true(contractText.includes(contract.contract?.number ?? '?'));
  t.true(contractText.includes(SELLER.taxId), 'the firm\'s tax id comes from the invoicing profile');
  t.true(contractText.includes('贰万元整'));
  t.true(contractText.includes('2026年12月15日') && contractText.includes('第2期'), 'the collection plan is printed');

  const p = await fetch(`${api.url}/api/v1/orders/${order.id}/plan.pdf`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
  t.is(p.status, 200);
  t.regex(p.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
  t.true(pdfText(Buffer.from(await p.arrayBuffer())).replace(/[ \t\u3000]+/g, '').includes('盛博科技税贷方案'));

  const other = await anOrderWithoutPlan(firm);
  t.deepEqual([(await api.call('GET', `/api/v1/orders/${other}/plan.pdf`, { token: firm.adminToken })).status], [404]);
});

async function anOrderWithoutPlan(firm: Firm): Promise<string> {
  return (await aContractedOrder(crm, firm.admin, 100_00)).id;
}

test('another firm gets 404 on the invoice, its PDF and the order\'s documents, and never sees it in lists', async (t) => {
  const firm = await aFirmOverHttp('contract');
  const order = await aContractedOrder(crm, firm.admin, 1_000_000);
  const mine = await api.call('POST', '/api/v1/invoices', { token: firm.adminToken, body: { orderId: order.id, lines: [{ totalFen: 100_00 }] } });
  t.is(mine.status, 201);
  const stranger = await aFirm(crm);
  for (const path of [`/invoices/${mine.body.id}`, `/invoices/${mine.body.id}/pdf`, `/invoices/${mine.body.id}/timeline`, `/orders/${order.id}/contract.pdf`, `/orders/${order.id}/plan.pdf`, `/orders/${order.id}/invoiceable`]) {
    const r = await api.call('GET', `/api/v1${path}`, { token: stranger.adminToken });
    t.is(r.status, 404, path);
  }
  for (const [method, path, body] of [
    ['PATCH', `/invoices/${mine.body.id}`, { version: 1, remarks: 'x' }], ['POST', `/invoices/${mine.body.id}/submit`, {}], ['POST', `/invoices/${mine.body.id}/cancel`, { version: 1 }],
    ['POST', `/invoices/${mine.body.id}/red-letter`, { reason: 'x' }], ['POST', '/invoices', { orderId: order.id, lines: [{ totalFen: 1 }] }],
  ] as const) {
    t.is((await api.call(method, `/api/v1${path}`, { token: stranger.adminToken, body })).status, 404, `${method} ${path}`);
  }
  t.deepEqual((await api.call('GET', '/api/v1/invoices', { token: stranger.adminToken })).body.items, []);
});

test('data scope: a sales person sees only their orders\' invoices, a manager their department subtree', async (t) => {
  const firm = await aFirmOverHttp('contract');
  const east = await crm.organisation.createDepartment(firm.admin, { name: '华东事业部', parentId: firm.rootDepartmentId });
  const team = await crm.organisation.createDepartment(firm.admin, { name: '新媒体运营中心', parentId: east.id });
  const west = await crm.organisation.createDepartment(firm.admin, { name: '华西事业部', parentId: firm.rootDepartmentId });
  const sun = await firm.person(['sales'], { departmentId: team.id, name: '孙露露' });
  const peer = await firm.person(['sales'], { departmentId: team.id });
  const eastManager = await firm.person(['manager'], { departmentId: east.id });
  const westManager = await firm.person(['manager'], { departmentId: west.id });
  const order = await aContractedOrder(crm, sun.actor, 1_000_000);
  const inv = await api.call('POST', '/api/v1/invoices', { token: sun.token, body: { orderId: order.id, lines: [{ totalFen: 100_00 }] } });
  t.is(inv.status, 201);
  const sees = async (token: string): Promise<[number, boolean]> => [
    (await api.call('GET', `/api/v1/invoices/${inv.body.id}`, { token })).status,
    (await api.call('GET', '/api/v1/invoices', { token })).body.items.some((i: { id: string }) => i.id === inv.body.id),
  ];
  t.deepEqual(await sees(sun.token), [200, true]);
  t.deepEqual(await sees(eastManager.token), [200, true]);
  t.deepEqual(await sees(firm.finance.token), [200, true]);
  t.deepEqual(await sees(peer.token), [404, false]);
  t.deepEqual(await sees(westManager.token), [404, false]);
  t.is((await api.call('POST', `/api/v1/invoices/${inv.body.id}/cancel`, { token: peer.token, body: { version: 1 } })).status, 404);
});

test('the invoice settings are read by finance and changed by administrators only', async (t) => {
  const firm = await aFirmOverHttp();
  const read = await api.call('GET', '/api/v1/invoice-settings', { token: firm.finance.token });
  t.deepEqual([read.status, read.body.seller.taxId, read.body.generalRate, read.body.capBasis, read.body.version], [200, SELLER.taxId, '6', 'received', 1]);
  const denied = await api.call('PUT', '/api/v1/invoice-settings', { token: firm.finance.token, body: { version: 1, capBasis: 'contract' } });
  t.deepEqual([denied.status, denied.body.code], [403, 'auth.forbidden']);
  const changed = await api.call('PUT', '/api/v1/invoice-settings', { token: firm.adminToken, body: { version: 1, taxpayerKind: 'small_scale', smallScaleRate: '1' } });
  t.deepEqual([changed.status, changed.body.smallScaleRate, changed.body.version], [200, '1', 2]);
  const order = await aContractedOrder(crm, firm.admin, 1_000_000);
  await api.call('PUT', '/api/v1/invoice-settings', { token: firm.adminToken, body: { version: 2, capBasis: 'contract' } });
  const inv = await api.call('POST', '/api/v1/invoices', { token: firm.adminToken, body: { orderId: order.id, lines: [{ totalFen: 101_00 }] } });
  t.deepEqual(inv.body.lines.map((l: { taxRate: string; amountFen: number; taxFen: number }) => [l.taxRate, l.amountFen, l.taxFen]), [['1', 100_00, 1_00]]);
});
