// 发票 (step 13) in a real browser, at phone and desk sizes: 孙露露 requests a 专用发票 from her order's approved
// receipt (the buyer from the enterprise profile, a company account confirmed after the server's warning),
// the 价税分离 preview and the 大写 following what she types and equal to what the server stores; submits it;
// 赵财务 approves it (API); the issued invoice's PDF shows in the page and downloads; 红冲 needs a reason and
// makes the red-letter draft. A draft is cancelled from the list; the settings keep a version; people without
// the permission get 没有权限, and the server refuses them too. Setup and results through the API.
import test, { type ExecutionContext } from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany, aUscc } from '../adapters/orders/order-builders.js';
import { compactText } from '../adapters/pdf/pdf-tools.js';
import { PDF_MINIMAL } from '../core/files/samples.js';
import { separateTax } from '../../core/money/tax.js';
import { formatYuanGrouped, toChineseUppercase } from '../../core/money/index.js';

let server: ConsoleServer;
let browser: Browser;
const tokens: Record<string, string> = {};
const SUN = '13800000001';
const LI = '13800000003';
const ZHAO = '13800000004';
const QIAN = '13800000005';
const ADMIN = '13800000000';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  for (const m of [SUN, LI, ZHAO, QIAN, ADMIN]) tokens[m] = await server.token(m);
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

async function call(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, headers?: Record<string, string>) {
  return server.call(method, `/api/v1${path}`, { token: tokens[who] as string, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
}
async function must(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, headers?: Record<string, string>) {
  const r = await call(who, method, path, body, headers);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Approves the open task of an approval as this person (the approval screen is another area's). */
async function approve(who: string, approvalId: string): Promise<void> {
  const view = await must(who, 'GET', `/approvals/${approvalId}`);
  await must(who, 'POST', `/approvals/${approvalId}/decide`, { taskId: view.myOpenTaskIds[0], decision: 'approve', opinion: '同意' });
}

/** An order of 孙露露's with its tax id on the profile and an approved receipt asking for a 专用发票. */
async function orderWithReceipt(amountFen: number): Promise<{ id: string; company: string; taxId: string; receiptId: string }> {
  const company = aCompany('云舟开票');
  const inquiry = await must(SUN, 'POST', '/inquiries', {
    companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '开票测试',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await must(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  const taxId = aUscc();
  const detail = await must(SUN, 'GET', `/orders/${order.id}`);
  await must(SUN, 'PATCH', `/orders/${order.id}/profile`, { version: detail.order.version, taxId });
  const receivedOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  // A confirmed contract of the amount and a plan of one instalment: what a receipt is recorded against.
  const version = async () => (await must(SUN, 'GET', `/orders/${order.id}`)).order.version;
  await must(SUN, 'PUT', `/orders/${order.id}/contract`, {
    version: await version(), number: `HT-${order.id.slice(0, 8)}`, amountFen, signedOn: receivedOn, customerParty: company, firmParty: '大鑫金服',
  });
  const scan = await server.call('POST', `/api/v1/files?subjectType=order&subjectId=${order.id}&kind=contract_scan&fileName=${encodeURIComponent('服务合同.pdf')}`, {
    token: tokens[SUN] as string, raw: PDF_MINIMAL, headers: { 'content-type': 'application/pdf' },
  });
  if (scan.status !== 201) throw new Error(JSON.stringify(scan.body));
  await must(SUN, 'POST', `/orders/${order.id}/contract/confirm`, { version: await version() });
  await must(SUN, 'PUT', `/orders/${order.id}/collection-plan`, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: receivedOn } });
  const receipt = await must(SUN, 'POST', '/receipts', {
    orderId: order.id, receivedOn, amountFen, paymentMethod: '转账', payer: company, type: '服务费', invoiceWanted: true, invoiceKind: 'special', submit: true,
  }, { 'Idempotency-Key': `invoice-test-${order.id}` });
  const approvals = await must(ZHAO, 'GET', `/approvals?businessType=receipt&businessId=${receipt.receipt?.id ?? receipt.id}`);
  const receiptId = receipt.receipt?.id ?? receipt.id;
  for (const who of [ZHAO, QIAN]) await approve(who, approvals.items[0].id);
  const state = (await must(SUN, 'GET', `/receipts/${receiptId}`)).state;
  if (state !== 'approved') throw new Error(`receipt ${state}`);
  return { id: order.id, company, taxId, receiptId };
}

async function settle(p: TestPage): Promise<void> {
  await p.page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await p.page.locator('.van-toast').first().waitFor({ state: 'hidden' });
}
async function check(t: ExecutionContext, p: TestPage, name: string): Promise<void> {
  await settle(p);
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
}

const fieldError = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) }).locator('.van-field__error-message');
const text = async (p: TestPage, selector: string) => (await p.page.locator(selector).innerText()).trim();
const money = (fen: number) => formatYuanGrouped(fen, { decimals: 'auto' });

const BUYER = { address: '苏州市高新区狮山路 88 号', phone: '0512-66889900', bank: '中国建设银行苏州高新区支行', account: '32250199753600001234' };
/** The approvals area's decision screen (route 'approval'), which the invoice links to, is in this console. */
const APPROVAL_SCREEN = existsSync(join(process.cwd(), 'web/src/screens/approvals/routes.ts'));
const RECEIVED = 1_234_567; // 12,345.67 元: 壹万贰仟叁佰肆拾伍元陆角柒分

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`孙露露 requests a 专用发票 from a receipt, 赵财务 issues it, its PDF shows and downloads, 红冲 with a reason, at ${size.width}px`, async (t) => {
    const order = await orderWithReceipt(RECEIVED);
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/orders/${order.id}`, SUN);
    await p.page.waitForURL(`${server.url}/orders/${order.id}`);

    // From the order's steps to 申请开票: the receipt picked, the buyer from the enterprise profile.
    await p.page.getByRole('link', { name: /申请开票/ }).click();
    await p.page.waitForURL(`${server.url}/orders/${order.id}/invoices/new`);
    await p.page.locator('[data-preview]').waitFor();
    t.true(await p.page.locator(`[data-receipt="${order.receiptId}"] [role="checkbox"]`).getAttribute('aria-checked') === 'true');
    t.is(await p.page.locator('[name="buyer.name"]').inputValue(), order.company);
    t.is(await p.page.locator('[name="buyer.taxId"]').inputValue(), order.taxId);
    t.regex(await text(p, '[data-invoiceable]'), new RegExp(`可开票 ${money(RECEIVED)} 元`));

    // The receipt's total fills the line; the preview splits it at the firm's 6% as core does.
    t.is(await p.page.locator('[name="lines.0.total"]').inputValue(), '12345.67');
    const six = separateTax(RECEIVED, '6');
    t.is(await text(p, '[data-sum="amount"]'), money(six.excludingFen));
    t.is(await text(p, '[data-sum="tax"]'), money(six.taxFen));
    t.is(await text(p, '[data-upper]'), toChineseUppercase(RECEIVED));
    await check(t, p, 'invoice-new');

    // 专用发票 needs the buyer's address, phone, bank and account.
    await p.page.getByRole('radio', { name: '专用发票' }).click();
    for (const [f, v] of Object.entries(BUYER)) await p.page.locator(`[name="buyer.${f}"]`).fill(v);

    // Split into two lines as typed: the preview and the 大写 follow each keystroke.
    await p.page.locator('[name="lines.0.total"]').fill('10000');
    t.is(await text(p, '[data-upper]'), '壹万元整');
    t.is(await text(p, '[data-sum="tax"]'), money(separateTax(1_000_000, '6').taxFen));
    await p.page.getByRole('button', { name: '添加一行' }).click();
    await p.page.locator('[name="lines.1.total"]').pressSequentially('2345.67');
    await p.page.locator('[name="lines.1.rate"]').fill('3');
    await p.page.locator('[name="lines.1.name"]').fill('*现代服务*咨询费');
    const three = separateTax(234_567, '3');
    const ten = separateTax(1_000_000, '6');
    t.is(await text(p, '[data-preview-line="1"] [data-cell="tax"]'), money(three.taxFen));
    t.is(await text(p, '[data-sum="amount"]'), money(ten.excludingFen + three.excludingFen));
    t.is(await text(p, '[data-sum="total"]'), money(RECEIVED));
    t.is(await text(p, '[data-upper]'), toChineseUppercase(RECEIVED));
    const shown = { amount: await text(p, '[data-sum="amount"]'), tax: await text(p, '[data-sum="tax"]'), upper: await text(p, '[data-upper]') };

    // A company account is not a card number: the server's warning at the field, confirmed, then submitted.
    await p.page.getByRole('button', { name: '提交审批' }).click();
    await fieldError(p, 'buyer.account').waitFor();
    t.regex(await fieldError(p, 'buyer.account').innerText(), /确认账号/);
    await check(t, p, 'invoice-new-account');
    await p.page.getByRole('checkbox', { name: /账号无误/ }).click();
    await p.page.getByRole('button', { name: '提交审批' }).click();
    await p.page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    const invoiceId = p.page.url().split('/').pop() as string;

    // What the server stored is what the preview showed.
    const stored = await must(SUN, 'GET', `/invoices/${invoiceId}`);
    t.like(stored, { state: 'pending', kind: 'special', direction: 'blue', receiptIds: [order.receiptId], totalFen: RECEIVED, amountFen: ten.excludingFen + three.excludingFen, taxFen: ten.taxFen + three.taxFen });
    t.like(stored.buyer, { name: order.company, taxId: order.taxId, ...BUYER });
    t.deepEqual(stored.lines.map((l: { taxRate: string; totalFen: number; name: string }) => [l.taxRate, l.totalFen, l.name]), [['6', 1_000_000, '*经纪代理服务*融资服务费'], ['3', 234_567, '*现代服务*咨询费']]);
    t.deepEqual([money(stored.amountFen), money(stored.taxFen), stored.totalUppercase], [shown.amount, shown.tax, shown.upper]);

    // The detail: 待审批, and the approval (开票审批) with where it is.
    t.is(await text(p, '[data-field="state"] .van-cell__value'), '待审批');
    await p.page.locator('[data-approval] [data-status="pending"]').waitFor();
    t.regex(await text(p, '[data-approval]'), /审批中\s*开票审批\s*当前节点：财务审批/);
    t.is(await p.page.locator('[data-your-turn]').count(), 0, 'not her task');
    await check(t, p, 'invoice-pending');

    // 赵财务 sees where the approval is, with the way to her decision once the approvals area's screen exists.
    const approvals = await must(SUN, 'GET', `/approvals?businessType=invoice&businessId=${invoiceId}`);
    if (size === PHONE) {
      const zhao = await browser.page(size);
      await signInThroughPage(zhao, `${server.url}/invoices/${invoiceId}`, ZHAO);
      await zhao.page.locator('[data-approval] [data-status="pending"]').waitFor();
      t.regex(await text(zhao, '[data-your-turn]'), /轮到你审批/);
      const link = zhao.page.locator('[data-go-decide]');
      if (APPROVAL_SCREEN) t.is(await link.getAttribute('href'), `/approvals/${approvals.items[0].id}`);
      else t.is(await link.count(), 0, 'no approval screen in this console yet');
      t.deepEqual(zhao.problems, []);
      await zhao.close();
    }

    // 赵财务 approves (API): issued with its number.
    await approve(ZHAO, approvals.items[0].id);
    const issued = await must(SUN, 'GET', `/invoices/${invoiceId}`);
    t.is(issued.state, 'issued');

    // The PDF in the page: the frame loads the same-origin document as application/pdf; the download is the same invoice.
    const framed = p.page.waitForResponse((r) => r.url().includes(`/invoices/${invoiceId}/pdf?disposition=inline`));
    await p.page.reload();
    const response = await framed;
    t.is(response.status(), 200);
    t.is(response.headers()['content-type'], 'application/pdf');
    t.regex(response.headers()['content-disposition'] ?? '', /^inline/);
    t.is(await text(p, '[data-field="number"] .van-cell__value'), issued.number);
    t.is(await text(p, '[data-field="state"] .van-cell__value'), '已开具');
    await p.page.locator('[data-approval] [data-status="approved"]').waitFor();
    t.regex(await text(p, '[data-approval]'), /已通过\s*开票审批/);
    await p.page.locator('[data-pdf][data-loaded]').waitFor();
    await p.page.waitForTimeout(1500); // for the screenshot only: the PDF viewer paints a moment after the frame has loaded
    await check(t, p, 'invoice-issued');
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.locator('[data-download]').click()]);
    t.regex(download.suggestedFilename(), /\.pdf$/);
    const pdf = readFileSync(await download.path());
    t.is(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pdfText = compactText(pdf);
    t.true(pdfText.includes(issued.number), 'the number on the PDF');
    t.true(pdfText.includes(toChineseUppercase(RECEIVED)), 'the 大写 total on the PDF');

    // 红冲: the reason is required, then the red-letter draft opens; the API shows it against the original.
    await p.page.locator('[data-red-letter]').click();
    await p.page.locator('[data-red-letter-create]').click();
    t.is(await fieldError(p, 'reason').innerText(), '请填写红冲原因');
    await p.page.locator('[name="reason"]').fill('开票信息有误');
    await check(t, p, 'invoice-red-letter-form');
    await p.page.locator('[data-red-letter-create]').click();
    await p.page.waitForURL((u) => /\/invoices\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(invoiceId));
    const redId = p.page.url().split('/').pop() as string;
    await p.page.locator('[data-field="reason"]').waitFor();
    t.regex(await text(p, '[data-field="state"]'), /红字专用发票\s*草稿/);
    const red = await must(SUN, 'GET', `/invoices/${redId}`);
    t.like(red, { direction: 'red', originalId: invoiceId, state: 'draft', reason: '开票信息有误', totalFen: -RECEIVED });
    t.deepEqual((await must(SUN, 'GET', `/invoices/${invoiceId}`)).redLetters.map((r: { id: string }) => r.id), [redId]);

    // Submitted from its screen into the 红冲审批 flow.
    await p.page.locator('[data-submit]').click();
    await p.page.locator('[data-field="state"]').filter({ hasText: '待审批' }).waitFor();
    t.is((await must(SUN, 'GET', `/invoices/${redId}`)).state, 'pending');
    await p.page.locator('[data-approval] [data-status="pending"]').waitFor();
    t.regex(await text(p, '[data-approval]'), /审批中\s*红冲审批/);
    await check(t, p, 'invoice-red-letter');
    t.deepEqual(p.problems, ['console: Failed to load resource: the server responded with a status of 400 (Bad Request)'], 'only the account refused');
    await p.close();
  });
}

test.serial('a draft saved from the order is found in 发票管理 under 草稿 and cancelled: its receipt can be invoiced again', async (t) => {
  const order = await orderWithReceipt(500_000);
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/orders/${order.id}/invoices/new`, SUN);
  await p.page.locator('[data-preview]').waitFor();
  await p.page.getByRole('radio', { name: '普通发票' }).click();
  await p.page.getByRole('button', { name: '保存草稿' }).click();
  await p.page.getByRole('status', { name: '草稿已保存' }).waitFor();
  const drafts = await must(SUN, 'GET', `/invoices?orderId=${order.id}&state=draft`);
  t.is(drafts.items.length, 1);
  const draftId = drafts.items[0].id;
  t.like(drafts.items[0], { kind: 'ordinary', totalFen: 500_000 });
  t.false((await must(SUN, 'GET', `/orders/${order.id}/invoiceable`)).receipts[0].selectable);

  // The draft stays in the URL: after a reload the form is the draft's, and saving changes it (no second draft).
  await p.page.waitForURL(`${server.url}/orders/${order.id}/invoices/new?draft=${draftId}`);
  await p.page.reload();
  await p.page.getByRole('heading', { name: '修改草稿' }).or(p.page.getByText('修改草稿')).first().waitFor();
  t.is(await p.page.locator('[name="lines.0.total"]').inputValue(), '5000.00');
  t.is(await p.page.locator(`[data-receipt="${order.receiptId}"] [role="checkbox"]`).getAttribute('aria-checked'), 'true');
  await p.page.locator('[name="remarks"]').fill('三月服务费');
  await p.page.getByRole('button', { name: '保存草稿' }).click();
  await p.page.getByRole('status', { name: '草稿已保存' }).waitFor();
  const after = await must(SUN, 'GET', `/invoices?orderId=${order.id}`);
  t.deepEqual(after.items.map((i: { id: string; remarks: string; version: number }) => [i.id, i.remarks, i.version]), [[draftId, '三月服务费', 2]]);

  // 发票管理 from its home tile.
  await p.page.goto(server.url);
  await p.page.locator('[data-module="invoices"]').click();
  await p.page.waitForURL(`${server.url}/invoices`);
  await p.page.locator('[data-total]').waitFor();
  await p.page.locator('[data-filter="state"]').selectOption('draft');
  await p.page.waitForURL(/state=draft/);
  await p.page.locator(`[data-invoice="${draftId}"]`).waitFor();
  const all = await must(SUN, 'GET', '/invoices?state=draft&withTotal=true&limit=1');
  t.regex(await text(p, '[data-total]'), new RegExp(`共${all.total}条`));
  await check(t, p, 'invoices-list');
  await p.page.locator(`[data-invoice="${draftId}"]`).click();
  await p.page.waitForURL(`${server.url}/invoices/${draftId}`);
  t.is(await p.page.locator('[data-edit]').getAttribute('href'), `/orders/${order.id}/invoices/new?draft=${draftId}`);
  await p.page.locator('[data-cancel]').click();
  await p.page.locator('[data-cancel-confirm]').click();
  await p.page.locator('[data-field="state"]').filter({ hasText: '已作废' }).waitFor();
  t.is((await must(SUN, 'GET', `/invoices/${draftId}`)).state, 'cancelled');
  t.true((await must(SUN, 'GET', `/orders/${order.id}/invoiceable`)).receipts[0].selectable, 'the receipt is free again');
  await check(t, p, 'invoice-cancelled');
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('发票设置: the administrator saves the payee; someone else\'s save in between shows the conflict and a reload', async (t) => {
  // From 系统设置's index.
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/settings`, ADMIN);
  await p.page.locator('[data-section="invoices"]').click();
  await p.page.waitForURL(`${server.url}/settings/invoices`);
  await p.page.locator('[name="payee"]').waitFor();
  const before = await must(ADMIN, 'GET', '/invoice-settings');
  t.is(await p.page.locator('[name="seller.name"]').inputValue(), before.seller.name);
  t.is(await p.page.locator('[name="generalRate"]').inputValue(), before.generalRate);
  await check(t, p, 'invoice-settings');

  await p.page.locator('[name="payee"]').fill('钱出纳');
  await p.page.getByRole('button', { name: '保存' }).click();
  await p.page.getByRole('status', { name: '已保存' }).waitFor();
  const saved = await must(ADMIN, 'GET', '/invoice-settings');
  t.like(saved, { payee: '钱出纳', version: before.version + 1, seller: before.seller });

  // Someone else saves first: the server's message, and a reload brings their change.
  await must(ADMIN, 'PUT', '/invoice-settings', { version: saved.version, reviewer: '王复核' });
  await p.page.locator('[name="drawer"]').fill('赵财务');
  await p.page.getByRole('button', { name: '保存' }).click();
  await p.page.locator('[data-form-error]').waitFor();
  t.is(await text(p, '[data-form-error]'), '发票设置已被他人修改，请刷新后重试');
  await check(t, p, 'invoice-settings-conflict');
  await p.page.locator('[data-reload]').click();
  await p.page.locator('[data-form-error]').waitFor({ state: 'detached' });
  t.is(await p.page.locator('[name="reviewer"]').inputValue(), '王复核');

  // A field the server refuses shows its message at the field.
  await p.page.locator('[name="generalRate"]').fill('6.1234567');
  await p.page.getByRole('button', { name: '保存' }).click();
  await fieldError(p, 'generalRate').waitFor();
  t.not(await fieldError(p, 'generalRate').innerText(), '');
  t.is((await must(ADMIN, 'GET', '/invoice-settings')).generalRate, before.generalRate);
  t.deepEqual(p.problems.filter((x) => !/status of (409|400)/.test(x)), [], 'only the conflict and the refused rate');
  await p.close();
});

test.serial('without the permission: 孙露露 gets 没有权限 on 发票设置, 李审批 cannot request an invoice, another firm finds no invoice', async (t) => {
  const order = await orderWithReceipt(300_000);
  // 孙露露 (销售) may not change the settings: the screen says so and the server refuses.
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/settings/invoices`, SUN);
  await p.page.getByText('没有权限').waitFor();
  t.is((await call(SUN, 'PUT', '/invoice-settings', { version: 0, payee: '孙露露' })).status, 403);
  await check(t, p, 'invoice-settings-forbidden');
  await p.close();

  // 李审批 (审批人) reads invoices but may not request one: no step on the order, 没有权限 on the URL, 403 from the API.
  const li = await browser.page(PHONE);
  await signInThroughPage(li, `${server.url}/orders/${order.id}`, LI);
  await li.page.getByRole('link', { name: /完善信息/ }).waitFor();
  t.is(await li.page.getByRole('link', { name: /申请开票/ }).count(), 0);
  await li.page.goto(`${server.url}/orders/${order.id}/invoices/new`);
  await li.page.getByText('没有权限').waitFor();
  t.is((await call(LI, 'POST', '/invoices', { orderId: order.id, receiptIds: [order.receiptId] })).status, 403);
  await li.page.goto(`${server.url}/invoices`);
  await li.page.locator('[data-total]').waitFor();
  t.deepEqual(li.problems, []);
  await li.close();

  // 大熹金服's administrator opens an invoice of 大鑫金服: the server's message, no error page.
  const draft = await must(SUN, 'POST', '/invoices', { orderId: order.id, receiptIds: [order.receiptId], kind: 'ordinary' });
  const other = await browser.page(DESK);
  await signInThroughPage(other, `${server.url}/invoices/${draft.id}`, '13900000000');
  await other.page.getByRole('alert').waitFor();
  t.regex(await other.page.getByRole('alert').innerText(), /不存在|找不到|未找到/);
  await check(t, other, 'invoice-not-found');
  t.deepEqual(other.problems.filter((x) => !/status of 404/.test(x)), []);
  await other.close();
});
