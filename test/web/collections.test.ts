// 回款 in the console (steps 10–12), at phone and desk sizes. 孙露露 makes the 回款计划 by hand (a total that
// does not match the receivable is refused by the server beside the amounts, then saved), records a receipt
// with its bank slip (the first answer lost on the way and the second tap doubled: recorded once), 赵财务 and
// 钱运营 confirm it (through the API: deciding is the approvals area's screen) and the order's 已回款/未回款
// follow; 孙露露 sees no 冲销 and, were the screen to offer it, the server's refusal shows cleanly; 赵财务
// reverses it with a required reason. 结单 of the demo's order paid by instalments is refused with its reasons,
// then requested once everything is collected and closed through its approval. The API sets up orders and
// decides approvals, and checks what the screens stored.
import test from 'ava';
import type { Route } from 'playwright-core';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { PDF_MINIMAL, PNG_1X1 } from '../core/files/samples.js';
import { aCompany } from '../adapters/orders/order-builders.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const FINANCE = '13800000004';
const OPERATIONS = '13800000005';
const V = '/api/v1';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<any> => server.must(...a);

const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** An order of 孙露露 whose confirmed contract makes `amountFen` receivable (steps 1–6 through the API). */
async function anOrderOwing(amountFen: number): Promise<{ id: string; company: string }> {
  const company = aCompany('回款测试');
  const inquiry = await api(SUN, 'POST', '/inquiries', {
    companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '回款测试',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await api(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  const saved = await api(SUN, 'PUT', `/orders/${order.id}/contract`, {
    version: order.version, number: `HT-${order.id.slice(0, 8)}`, amountFen, signedOn: inDays(0), customerParty: company, firmParty: '大鑫金服',
  });
  await api(SUN, 'POST', `/files?${new URLSearchParams({ subjectType: 'order', subjectId: order.id, kind: 'contract_scan', fileName: '服务合同.pdf' })}`, undefined, PDF_MINIMAL);
  await api(SUN, 'POST', `/orders/${order.id}/contract/confirm`, { version: saved.version });
  return { id: order.id, company };
}

/** Decides the person's open task on a record through the API (the approvals area owns the decision screen). */
async function approve(mobile: string, businessId: string): Promise<void> {
  const tasks = await api(mobile, 'GET', '/approval-tasks?limit=100');
  const task = tasks.items.find((x: { businessId: string }) => x.businessId === businessId);
  if (!task) throw new Error(`${mobile} has no task on ${businessId}`);
  await api(mobile, 'POST', `/approvals/${task.instanceId}/decide`, { taskId: task.taskId, decision: 'approve', opinion: '同意' });
}

async function signIn(p: TestPage, path: string, mobile: string): Promise<void> {
  await signInThroughPage(p, server.url + path, mobile);
  await p.page.waitForURL(server.url + path);
}

/** Problems other than the ones a step caused on purpose. */
const unexpected = (p: TestPage, expected: RegExp[] = []) => p.problems.filter((x) => !expected.some((e) => e.test(x)));

async function look(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, p: TestPage, name: string, expected: RegExp[] = []): Promise<void> {
  await p.page.waitForLoadState('networkidle');
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `${name}: axe`);
  t.deepEqual(unexpected(p, expected), [], `${name}: console`);
}

const field = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) });

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;
  test.serial(`[${w}] 回款计划 refused then saved; a receipt with its slip recorded once; confirmed by 财务 and 运营; reversed by 财务`, async (t) => {
    const { id, company } = await anOrderOwing(10_000_000);
    // Her page's console shows the refusals the steps cause: the plan's 422s and the lost answer.
    const caused = [/status of 422/, /ERR_FAILED/];

    // ── 10. 回款计划 by hand: 90,000 of 100,000 refused beside the amounts, then 100,000 saved. ──
    const sun = await browser.page(size);
    const page = sun.page;
    page.setDefaultTimeout(40_000);
    await signIn(sun, `/orders/${id}`, SUN);
    await page.getByRole('link', { name: /回款计划/ }).click();
    await page.waitForURL(/\/collection-plan$/);
    t.is((await page.locator('[data-open-fen]').textContent())?.trim(), '¥100,000.00');
    // 平均分期 first: the server's preview of two monthly halves.
    await page.locator('[data-preview] [data-instalment="2"]').filter({ hasText: '¥50,000.00' }).waitFor();
    await page.locator('[name="count"]').fill('4');
    await page.locator('[data-preview] [data-instalment="4"]').filter({ hasText: '¥25,000.00' }).waitFor();
    await page.getByRole('radio', { name: '手工录入' }).click();
    await page.locator('[name="dueOn-0"]').fill(inDays(30));
    await page.locator('[name="amount-0"]').fill('40000');
    await page.locator('[data-add-row]').click();
    await page.locator('[name="dueOn-1"]').fill(inDays(60));
    await page.locator('[name="amount-1"]').fill('50000');
    t.regex(await page.locator('[data-balance]').innerText(), /合计 ¥90,000\.00 · 还差 ¥10,000\.00/);
    await page.locator('[data-save]').click();
    const refusal = page.locator('[data-plan-problem]');
    await refusal.filter({ hasText: '不一致' }).waitFor();
    t.is((await refusal.innerText()).trim(), '回款计划合计 ¥90,000.00 与应回款 ¥100,000.00 不一致，相差 ¥10,000.00');
    t.is((await api(SUN, 'GET', `/orders/${id}/collection-plan`)).plan, null, 'nothing saved');
    await look(t, sun, 'collections-plan-refused', caused);

    await page.locator('[name="amount-1"]').fill('60000');
    t.regex(await page.locator('[data-balance]').innerText(), /与待安排金额一致/);
    await page.locator('[data-preview] [data-instalment="2"]').filter({ hasText: '¥60,000.00' }).waitFor();
    await t.notThrowsAsync(refusal.waitFor({ state: 'detached' }));
    await page.locator('[data-save]').click();
    await page.locator('[data-revisions] [data-revision="1"]').waitFor();
    const plan = await api(SUN, 'GET', `/orders/${id}/collection-plan`);
    t.deepEqual(plan.instalments.map((i: any) => [i.number, i.dueOn, i.amountFen]), [[1, inDays(30), 4_000_000], [2, inDays(60), 6_000_000]]);
    t.is(await page.locator('[data-current-plan] [data-instalment]').count(), 2);
    await look(t, sun, 'collections-plan-saved', caused);

    // ── 11. 回款单 with its bank slip: the first answer is lost, then a double tap — recorded once. ──
    await page.goto(`${server.url}/orders/${id}/receipts`);
    await page.locator('[data-new-receipt]').click();
    await page.waitForURL(/\/receipts\/new$/);
    t.is(await page.locator('[name="payer"]').inputValue(), company, 'the payer starts as the customer');
    await page.locator('[name="amountFen"]').fill('40000');
    await page.getByRole('radio', { name: '转账' }).click();
    await page.getByRole('radio', { name: '服务费' }).click();
    await page.locator('#receipt-instalment').selectOption({ index: 1 });
    await page.locator('[name="remark"]').fill('首期服务费');
    await page.locator('#file-bank_slip').setInputFiles({ name: '回单.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.locator('[data-slip-preview]').waitFor();
    await look(t, sun, 'collections-receipt-new', caused);

    let lost = 0;
    const loseFirstAnswer = async (route: Route): Promise<void> => {
      if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
      lost++;
      await route.fetch(); // the server records it …
      await route.abort('failed'); // … and the answer never arrives
    };
    await page.route(`${server.url}/api/v1/receipts`, loseFirstAnswer);
    await page.locator('[data-submit]').click();
    await page.locator('[data-problem]').filter({ hasText: '不会重复登记' }).waitFor();
    await page.locator('[data-submit]').dblclick();
    await page.waitForURL(/\/receipts\/[0-9a-f-]{36}$/);
    await page.unroute(`${server.url}/api/v1/receipts`, loseFirstAnswer);
    const receipts = await api(SUN, 'GET', `/orders/${id}/receipts`);
    t.is(receipts.items.length, 1, 'one receipt however often it was sent');
    const receipt = receipts.items[0];
    t.like(receipt, { amountFen: 4_000_000, paymentMethod: '转账', type: '服务费', payer: company, remark: '首期服务费', state: 'pending', instalmentId: plan.instalments[0].id });
    const slips = await api(FINANCE, 'GET', `/files?subjectType=receipt&subjectId=${receipt.id}`);
    t.deepEqual(slips.items.map((f: any) => [f.kind, f.contentType]), [['bank_slip', 'image/png']]);
    t.true(page.url().endsWith(`/receipts/${receipt.id}`));
    t.is((await page.locator('[data-receipt-state] .van-cell__value').innerText()).trim(), '待审批');
    await page.locator('[data-approval] [data-status="pending"]').waitFor();
    t.is(await page.locator('[data-your-turn]').count(), 0, 'not her decision');
    t.is(await page.locator('[data-reverse]').count(), 0);
    await page.locator('[data-slip-download]').waitFor();
    await look(t, sun, 'collections-receipt-pending', caused);

    // ── 12. 赵财务 then 钱运营 confirm: it is their turn on the receipt; the order's amounts follow. ──
    const zhao = await browser.page(size);
    zhao.page.setDefaultTimeout(40_000);
    await signIn(zhao, `/receipts/${receipt.id}`, FINANCE);
    await zhao.page.locator('[data-your-turn]').waitFor();
    const go = zhao.page.locator('[data-go-decide]');
    if (await go.count()) t.regex((await go.getAttribute('href')) ?? '', /\/approvals\/[0-9a-f-]{36}$/);
    await look(t, zhao, 'collections-receipt-your-turn');
    await approve(FINANCE, receipt.id);
    await approve(OPERATIONS, receipt.id);
    await page.reload();
    await page.locator('[data-approval] [data-status="approved"]').waitFor();
    t.is((await page.locator('[data-receipt-state] .van-cell__value').innerText()).trim(), '已确认');
    t.is(await page.locator('[data-reverse]').count(), 0, 'sales: no 冲销');
    await page.goto(`${server.url}/orders/${id}`);
    t.is((await page.locator('[data-amount="received"] strong').innerText()).trim(), '40,000');
    t.is((await page.locator('[data-amount="outstanding"] strong').innerText()).trim(), '60,000');
    await look(t, sun, 'collections-order-amounts', caused);

    // 结单 while 60,000 is owed: the reason in plain words, and no button for sales.
    await page.getByRole('link', { name: /结单/ }).click();
    await page.locator('[data-reason="fully_collected"]').filter({ hasText: '尚有未回款 ¥60,000' }).waitFor();
    t.is(await page.locator('[data-request-close]').count(), 0);
    t.true(await page.getByText('结单由财务或运营申请').isVisible());

    // ── 冲销 by finance: the reason is required. ──
    await zhao.page.reload();
    await zhao.page.locator('[data-reverse]').click();
    await zhao.page.locator('[data-submit-reversal]').click();
    t.is((await field(zhao, 'reason').locator('.van-field__error-message').innerText()).trim(), '请填写冲销原因');
    await zhao.page.locator('[name="reason"]').fill('客户退款，重新登记');
    await zhao.page.locator('[data-submit-reversal]').click();
    await zhao.page.locator('[data-reversal-reason]').waitFor();
    t.is((await zhao.page.locator('[data-receipt-state] .van-cell__value').innerText()).trim(), '冲销中');
    t.like(await api(FINANCE, 'GET', `/receipts/${receipt.id}`), { state: 'reversing', reversalReason: '客户退款，重新登记' });
    await look(t, zhao, 'collections-receipt-reversing');
    await sun.close();
    await zhao.close();
  });
}

test.serial('[390] a sales person has no 冲销; forced, the server refuses and the screen says why', async (t) => {
  const { id } = await anOrderOwing(1_000_000);
  await api(SUN, 'PUT', `/orders/${id}/collection-plan`, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: inDays(10) } });
  const r = await server.call('POST', `${V}/receipts`, { token: await server.token(SUN), body: { orderId: id, receivedOn: inDays(0), amountFen: 1_000_000, paymentMethod: '转账', payer: '付款公司', type: '服务费', invoiceWanted: false, submit: true } });
  await approve(FINANCE, r.body.id);
  await approve(OPERATIONS, r.body.id);

  const p = await browser.page(PHONE);
  // A screen that believes she holds finance.write (a stale session): only the server's answer can stop her.
  await p.page.route(`${server.url}/api/v1/auth/session`, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    if (body.me) body.me.permissions = [...body.me.permissions, 'finance.write'];
    await route.fulfill({ response: res, json: body });
  });
  await signIn(p, `/receipts/${r.body.id}`, SUN);
  await p.page.locator('[data-reverse]').click();
  await p.page.locator('[name="reason"]').fill('想要冲销');
  await p.page.locator('[data-submit-reversal]').click();
  const refusal = p.page.locator('[data-problem]');
  await refusal.waitFor();
  t.regex(await refusal.innerText(), /权限/);
  t.is((await api(FINANCE, 'GET', `/receipts/${r.body.id}`)).state, 'approved', 'nothing reversed');
  await look(t, p, 'collections-reversal-refused', [/403/]);
  await p.close();
});

test.serial('[1280] 结单 is refused with its reasons while money is owed or unconfirmed, then requested and closed', async (t) => {
  // The demo's order paid by instalments: one receipt confirmed, one (30,000) waiting on 赵财务.
  const waiting = (await api(FINANCE, 'GET', '/receipts/awaiting-me')).items.find((x: any) => x.amountFen === 3_000_000);
  t.truthy(waiting, 'the demo receipt awaiting 赵财务');
  const orderId = waiting.orderId as string;

  const p = await browser.page(DESK);
  p.page.setDefaultTimeout(40_000);
  await signIn(p, `/orders/${orderId}/close`, FINANCE);
  await p.page.locator('[data-reason="fully_collected"]').waitFor();
  t.regex(await p.page.locator('[data-reason="fully_collected"]').innerText(), /尚有未回款 ¥[\d,]+/);
  t.regex(await p.page.locator('[data-reason="awaiting"]').innerText(), /1 笔回款单待确认，合计 ¥30,000\.00/);
  t.true(await p.page.locator('[data-request-close]').isDisabled());
  await look(t, p, 'collections-close-refused');

  // Everything collected: the waiting receipt confirmed, the rest received and confirmed.
  await approve(FINANCE, waiting.receiptId);
  await approve(OPERATIONS, waiting.receiptId);
  const owed = (await api(FINANCE, 'GET', `/orders/${orderId}/close`));
  const rest = await api(FINANCE, 'POST', '/receipts', {
    orderId, receivedOn: inDays(0), amountFen: owed.receivableFen - owed.receivedFen, paymentMethod: '转账', payer: '付款公司', type: '服务费', invoiceWanted: false, submit: true,
  });
  await approve(FINANCE, rest.id);
  await approve(OPERATIONS, rest.id);

  await p.page.reload();
  await p.page.locator('[data-close-ready]').waitFor();
  await p.page.locator('[data-request-close]').click();
  await p.page.locator('[data-approval] [data-status="pending"]').waitFor();
  const closes = await api(FINANCE, 'GET', `/approvals?businessType=order_close&businessId=${orderId}`);
  t.deepEqual(closes.items.map((x: any) => x.status), ['pending']);
  t.true(await p.page.locator('[data-request-close]').isDisabled(), 'one close request at a time');
  await look(t, p, 'collections-close-requested');

  await approve(OPERATIONS, orderId);
  await p.page.reload();
  await p.page.locator('[data-closed]').waitFor();
  await p.page.locator('[data-approval] [data-status="approved"]').waitFor();
  t.is((await api(FINANCE, 'GET', `/orders/${orderId}`)).status, 'completed');
  await look(t, p, 'collections-closed');
  await p.close();
});
