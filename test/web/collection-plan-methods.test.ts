// 回款计划 by the two methods the editor gained: 按比例分期 (shares in percent, each with its due date) and
// 定金+放款后付清 (a deposit by amount or percent, the rest due on disbursement). For each, the server's refusal
// shows where it belongs (shares not adding up to 100% under the instalments; a deposit as large as the total
// beside the deposit), then the plan is saved and the stored instalments are checked through the API.
import test from 'ava';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { PDF_MINIMAL } from '../core/files/samples.js';
import { aCompany } from '../adapters/orders/order-builders.js';
import { formatYuan } from '../../core/money/index.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const V = '/api/v1';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

async function api(method: string, path: string, body?: unknown, raw?: Buffer): Promise<any> {
  const r = await server.call(method, V + path, {
    token: await server.token(SUN), ...(body === undefined ? {} : { body }), ...(raw ? { raw, headers: { 'content-type': 'application/octet-stream' } } : {}),
  });
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** An order of 孙露露 whose confirmed contract makes `amountFen` receivable. */
async function anOrderOwing(amountFen: number): Promise<string> {
  const company = aCompany('分期方式');
  const inquiry = await api('POST', '/inquiries', {
    companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '分期方式',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await api('POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  const saved = await api('PUT', `/orders/${order.id}/contract`, {
    version: order.version, number: `HT-${order.id.slice(0, 8)}`, amountFen, signedOn: inDays(0), customerParty: company, firmParty: '大鑫金服',
  });
  await api('POST', `/files?${new URLSearchParams({ subjectType: 'order', subjectId: order.id, kind: 'contract_scan', fileName: '服务合同.pdf' })}`, undefined, PDF_MINIMAL);
  await api('POST', `/orders/${order.id}/contract/confirm`, { version: saved.version });
  return order.id;
}

async function openEditor(p: TestPage, id: string): Promise<void> {
  const path = `/orders/${id}/collection-plan`;
  await signInThroughPage(p, server.url + path, SUN);
  await p.page.waitForURL(server.url + path);
  p.page.setDefaultTimeout(40_000);
  await p.page.locator('[data-preview] [data-instalment]').first().waitFor();
}

async function look(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, p: TestPage, name: string): Promise<void> {
  await p.page.waitForLoadState('networkidle');
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `${name}: axe`);
  // The refusals the steps cause on purpose are the only console problems.
  t.deepEqual(p.problems.filter((x) => !/status of 400/.test(x)), [], `${name}: console`);
}

const field = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) });
const stored = async (id: string) => (await api('GET', `/orders/${id}/collection-plan`));

test.serial('[390] 按比例分期: shares of 90% refused, then 30% + 70% saved', async (t) => {
  const id = await anOrderOwing(10_000_000);
  const p = await browser.page(PHONE);
  await openEditor(p, id);
  const { page } = p;
  await page.getByRole('radio', { name: '按比例分期' }).click();
  await page.locator('[name="shareDueOn-0"]').fill(inDays(30));
  await page.locator('[name="percent-0"]').fill('30');
  await page.locator('[name="shareDueOn-1"]').fill(inDays(60));
  await page.locator('[name="percent-1"]').fill('60');
  t.regex(await page.locator('[data-share-balance]').innerText(), /比例合计 90% · 还差 10%/);
  await page.locator('[data-save]').click();
  const refusal = page.locator('[data-plan-problem]');
  await refusal.filter({ hasText: '100%' }).waitFor();
  t.is((await refusal.innerText()).trim(), '各期比例合计须为 100%，现为 90%');
  t.is((await stored(id)).plan, null, 'nothing saved');
  await look(t, p, 'plan-percentages-refused');

  await page.locator('[name="percent-1"]').fill('70');
  t.regex(await page.locator('[data-share-balance]').innerText(), /合计 100%/);
  await page.locator('[data-preview] [data-instalment="2"]').filter({ hasText: '¥70,000.00' }).waitFor();
  await t.notThrowsAsync(refusal.waitFor({ state: 'detached' }));
  await page.locator('[data-save]').click();
  await page.locator('[data-revisions] [data-revision="1"]').filter({ hasText: '按比例分期' }).waitFor();
  const plan = await stored(id);
  t.is(plan.plan.method, 'percentages');
  t.deepEqual(plan.instalments.map((i: any) => [i.number, i.dueOn, i.amountFen, i.onDisbursement]), [[1, inDays(30), 3_000_000, false], [2, inDays(60), 7_000_000, false]]);
  t.is(await page.locator('[data-current-plan] [data-instalment]').count(), 2);
  await look(t, p, 'plan-percentages-saved');
  await p.close();
});

test.serial('[1280] 定金+放款后付清: a deposit of the whole total refused beside it, then ¥20,000.00 saved with the rest on disbursement', async (t) => {
  const id = await anOrderOwing(10_000_000);
  const p = await browser.page(DESK);
  await openEditor(p, id);
  const { page } = p;
  await page.getByRole('radio', { name: '定金+放款后付清' }).click();
  // By percent first: 25% of ¥100,000.00, the rest on disbursement.
  await page.locator('[name="depositPercent"]').fill('25');
  await page.locator('[name="depositDueOn"]').fill(inDays(7));
  await page.locator('[data-preview] [data-instalment="1"]').filter({ hasText: '¥25,000.00' }).waitFor();
  await page.locator('[data-preview] [data-instalment="2"]').filter({ hasText: '放款后付清' }).filter({ hasText: '¥75,000.00' }).waitFor();
  // By amount: the whole total is refused at the deposit.
  await page.getByRole('radio', { name: '金额' }).click();
  await page.locator('[name="depositFen"]').fill('100000');
  await field(p, 'depositFen').locator('.van-field__error-message').filter({ hasText: '定金须大于 0 且小于应回款' }).waitFor();
  await page.locator('[data-save]').click();
  await field(p, 'depositFen').locator('.van-field__error-message').filter({ hasText: '定金须大于 0 且小于应回款' }).waitFor();
  t.is((await stored(id)).plan, null, 'nothing saved');
  await look(t, p, 'plan-deposit-refused');

  await page.locator('[name="depositFen"]').fill('20000');
  await page.locator('[data-preview] [data-instalment="2"]').filter({ hasText: '¥80,000.00' }).waitFor();
  await page.locator('[data-save]').click();
  await page.locator('[data-revisions] [data-revision="1"]').filter({ hasText: '定金+放款后付清' }).waitFor();
  const plan = await stored(id);
  t.is(plan.plan.method, 'deposit');
  t.deepEqual(plan.instalments.map((i: any) => [i.number, i.dueOn, i.amountFen, i.onDisbursement]), [[1, inDays(7), 2_000_000, false], [2, null, 8_000_000, true]]);
  t.true((await page.locator('[data-current-plan] [data-instalment="2"]').innerText()).includes('放款后付清'));
  await look(t, p, 'plan-deposit-saved');

  // A revision starts from the saved deposit, not from rows that could not say 放款后付清.
  await page.reload();
  await page.locator('[data-preview] [data-instalment="2"]').filter({ hasText: '¥80,000.00' }).waitFor();
  t.is(await page.getByRole('radio', { name: '定金+放款后付清' }).getAttribute('aria-checked'), 'true');
  t.is(await page.locator('[name="depositFen"]').inputValue(), formatYuan(2_000_000));
  t.is(await page.locator('[name="depositDueOn"]').inputValue(), inDays(7));
  await p.close();
});
