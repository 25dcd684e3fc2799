// 账务管理 in a real browser. 赵财务 at the desk: the lists match what the API says (应收 and its sums, 逾期,
// 发票), her drafts found with the state filter and sorted by pressing 金额 (the rows' order checked both ways),
// the filtered 回款单 exported to .xlsx through the session cookie (read back: Chinese headers, her rows), a
// column hidden through 列设置 that stays hidden after a reload, and a row opening its order. 孙露露 (sales:
// finance.read within her own orders) on a phone opens it from its home tile and sees her receipts as cards,
// sorted with the phone's sort choice. A role without finance.read gets no tile and 没有权限; the API refuses it.
import test from 'ava';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { consoleServer, DEMO_PASSWORD, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { dayFromNow } from '../support/dates.js';
import { aMobile } from '../support/tenant.js';
import { RECEIPT_SHEET } from '../../core/collections/export-sheets.js';
import { formatYuanGrouped } from '../../core/money/index.js';

let server: ConsoleServer;
let browser: Browser;
let finance: string;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  finance = await server.token('13800000004');
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const get = async (path: string, token = finance): Promise<any> => {
  const r = await server.call('GET', `/api/v1${path}`, { token });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

/** Three draft receipts on the brochure's 大道公司 order (nothing received yet), amounts chosen to sort apart. */
async function draftReceipts(payer: string): Promise<{ id: string; amountFen: number }[]> {
  const order = (await get(`/orders?keyword=${encodeURIComponent('大道公司')}&limit=5`)).items[0];
  const made = [];
  for (const [i, amountFen] of [123_456, 9_901, 500_000].entries()) {
    const r = await server.call('POST', '/api/v1/receipts', {
      token: finance, headers: { 'Idempotency-Key': `accounts-${Date.now()}-${i}` },
      body: { orderId: order.id, receivedOn: dayFromNow(-1 - i), amountFen, paymentMethod: '转账', payer, type: '服务费', invoiceWanted: false },
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    made.push({ id: r.body.id as string, amountFen });
  }
  return made;
}

const list = (p: TestPage, key: string) => p.page.locator(`[data-list="${key}"]`);
const cellTexts = async (p: TestPage, key: string, column: number): Promise<string[]> =>
  list(p, key).locator(`tbody tr td:nth-child(${column})`).allInnerTexts();

test.serial('赵财务 at the desk: lists as the API has them, filter, sort by a header, hide a column for good, export .xlsx', async (t) => {
  const payer = `测试付款${Date.now() % 100000}`;
  const drafts = await draftReceipts(payer);
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/accounts`, '13800000004');
  await p.page.waitForURL(/\/accounts/);

  // 应收: every order in her scope with the sums over all of them.
  const orders = await get('/orders?limit=50&withTotal=true');
  const totals = list(p, 'receivables').locator('[data-total]');
  await totals.waitFor();
  const owing = orders.items.filter((o: any) => o.amounts.receivableFen > 0);
  t.true(owing.length > 0 && owing.length < orders.items.length, 'the demo has orders with and without something receivable');
  t.true((await totals.innerText()).includes(`显示${owing.length}条（共${orders.total}条订单）`), await totals.innerText());
  t.true((await totals.innerText()).includes(formatYuanGrouped(orders.totals.outstandingFen)), 'the 未回款 sum over every match');
  t.deepEqual((await cellTexts(p, 'receivables', 2)).sort(), owing.map((o: any) => o.companyName).sort());
  await list(p, 'receivables').getByRole('checkbox', { name: '只看有应收的订单' }).uncheck();
  t.is(await list(p, 'receivables').locator('tbody tr').count(), orders.items.length);
  t.true((await totals.innerText()).includes(`共${orders.total}条`));
  await p.screenshot('accounts-receivables');

  // 逾期 and 发票 show what the API lists.
  await p.page.getByRole('tab', { name: '逾期' }).click();
  const overdue = await get('/instalments/overdue?limit=50');
  t.true(overdue.items.length > 0, 'the demo has an overdue instalment');
  await list(p, 'overdue').locator('tbody tr').nth(overdue.items.length - 1).waitFor();
  t.is(await list(p, 'overdue').locator('tbody tr').count(), overdue.items.length);
  t.true((await list(p, 'overdue').innerText()).includes('逾期'));
  await p.page.getByRole('tab', { name: '回款计划' }).click();
  await list(p, 'instalments').getByRole('combobox', { name: '状态' }).selectOption({ label: '逾期' });
  await t.notThrowsAsync(list(p, 'instalments').locator('[data-total]', { hasText: `共${overdue.items.length}条` }).waitFor());
  t.deepEqual(await list(p, 'instalments').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row'))), overdue.items.map((i: any) => i.id));
  await p.page.getByRole('tab', { name: '发票' }).click();
  const invoices = await get('/invoices?limit=50');
  await list(p, 'invoices').locator('tbody tr').nth(invoices.items.length - 1).waitFor();
  t.deepEqual(await cellTexts(p, 'invoices', 2), invoices.items.map((i: any) => i.number ?? '—'));

  // 回款单: her three drafts through the state filter, then sorted by 金额 both ways.
  await p.page.getByRole('tab', { name: '回款单' }).click();
  await list(p, 'receipts').getByRole('combobox', { name: '状态' }).selectOption({ label: '草稿' });
  await t.notThrowsAsync(list(p, 'receipts').locator('[data-total]', { hasText: '共3条' }).waitFor());
  const amountHeader = list(p, 'receipts').locator('th[data-column="amountFen"]');
  await amountHeader.getByRole('button').click();
  const yuan = (fens: number[]): string[] => fens.map((f) => formatYuanGrouped(f));
  t.is(await amountHeader.getAttribute('aria-sort'), 'ascending');
  t.deepEqual(await cellTexts(p, 'receipts', 4), yuan(drafts.map((d) => d.amountFen).sort((a, b) => a - b)));
  await amountHeader.getByRole('button').click();
  t.is(await amountHeader.getAttribute('aria-sort'), 'descending');
  t.deepEqual(await cellTexts(p, 'receipts', 4), yuan(drafts.map((d) => d.amountFen).sort((a, b) => b - a)));
  t.deepEqual((await cellTexts(p, 'receipts', 3)).sort(), [payer, payer, payer]);
  t.deepEqual(p.problems, []);
  t.deepEqual(await p.axe(), []);
  await p.screenshot('accounts-receipts-sorted');

  // The .xlsx export with the filter applied, downloaded through the session cookie.
  const [download] = await Promise.all([p.page.waitForEvent('download'), list(p, 'receipts').getByRole('link', { name: '导出' }).click()]);
  t.is(download.suggestedFilename(), '回款记录.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  t.deepEqual(rows[0], RECEIPT_SHEET.columns.map((c) => c.header), 'Chinese headers');
  t.is(rows.length, 4, 'only the three drafts the filter matches');
  const payerAt = RECEIPT_SHEET.columns.findIndex((c) => c.header === '付款人');
  t.deepEqual(rows.slice(1).map((r) => r[payerAt]), [payer, payer, payer]);

  // 列设置: 付款人 hidden, and still hidden after a reload.
  await list(p, 'receipts').getByText('列设置').click();
  await list(p, 'receipts').getByRole('checkbox', { name: '付款人' }).uncheck();
  t.is(await list(p, 'receipts').locator('th[data-column="payer"]').count(), 0);
  await p.page.reload();
  await list(p, 'receipts').locator('tbody tr').first().waitFor();
  t.is(await list(p, 'receipts').locator('th[data-column="payer"]').count(), 0, 'the choice stays on the device');
  t.is(await list(p, 'receipts').locator('th[data-column="amountFen"]').count(), 1);
  t.false(await list(p, 'receipts').getByRole('checkbox', { name: '付款人', includeHidden: true }).isChecked());

  // A row opens its record: an order of 应收 opens 订单详情.
  await p.page.getByRole('tab', { name: '应收' }).click();
  const first = list(p, 'receivables').locator('tbody tr').first();
  const orderId = await first.getAttribute('data-row');
  await first.click();
  await p.page.waitForURL(`${server.url}/orders/${orderId}`);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('孙露露 on a phone: the 账务管理 tile, her own receipts as cards, sorted with the phone’s sort choice', async (t) => {
  const sun = await server.token('13800000001');
  const mine = await get('/receipts?limit=50&withTotal=true', sun);
  const all = await get('/receipts?limit=50&withTotal=true');
  t.true(mine.total < all.total, 'sales see the receipts of their own orders only');
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/`, '13800000001');
  await p.page.getByRole('link', { name: /账务管理/ }).click();
  await p.page.waitForURL(/\/accounts/);
  await p.page.getByRole('tab', { name: '回款单' }).click();
  const cards = list(p, 'receipts').locator('li[data-row]');
  await t.notThrowsAsync(list(p, 'receipts').locator('[data-total]', { hasText: `共${mine.total}条` }).waitFor());
  t.is(await cards.count(), mine.items.length);
  t.is(await list(p, 'receipts').locator('table').count(), 0, 'no table on a phone');
  await list(p, 'receipts').getByLabel('排序').selectOption({ label: '金额 从大到小' });
  const amounts = await cards.locator('.pair:has(dt:text-is("金额")) dd').allInnerTexts();
  t.deepEqual(amounts, mine.items.map((r: any) => r.amountFen).sort((a: number, b: number) => b - a).map((f: number) => formatYuanGrouped(f)));
  t.deepEqual(p.problems, []);
  t.deepEqual(await p.axe(), []);
  await p.screenshot('accounts-receipts-phone');
  await p.close();
});

test.serial('a role without finance.read: no 账务管理 tile, 没有权限 at /accounts, and the API refuses; without briefing.read no 数据简报 is asked for', async (t) => {
  const admin = await server.token('13800000000');
  const role = await server.call('PUT', '/api/v1/roles/front_desk', { token: admin, body: { name: '前台', permissions: ['inquiry.read', 'inquiry.write'], dataScope: 'self' } });
  t.true(role.status < 300, JSON.stringify(role.body));
  const mobile = aMobile();
  const user = await server.call('POST', '/api/v1/users', { token: admin, body: { name: '吴前台', mobile, departmentId: null, roleCodes: ['front_desk'], password: DEMO_PASSWORD } });
  t.is(user.status, 201, JSON.stringify(user.body));
  t.is((await server.call('GET', '/api/v1/receipts', { token: await server.token(mobile) })).status, 403);

  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/`, mobile);
  await p.page.locator('[data-module="inquiries"]').waitFor();
  t.is(await p.page.getByRole('link', { name: /账务管理/ }).count(), 0);
  t.is(await p.page.getByText('数据简报').count(), 0, 'no briefing for a role that may not read it (and no refused request: problems stay empty)');
  await p.page.goto(`${server.url}/accounts`);
  await t.notThrowsAsync(p.page.getByText('没有权限使用这个页面').waitFor());
  t.deepEqual(p.problems, []);
  await p.close();
});
