// The manager's lists at the desk. 王经理 (manager) opens 订单管理 at 1280 px: a table of the orders the API
// gives him, sorted by pressing a header (the rows' order checked against the API's page sorted the same way,
// both ways), a column hidden through 列设置 that stays hidden after a reload, and a row opening its order.
// On a phone the same list is cards. The same for 咨询: a table of the department's records (others' mobiles
// as the API gives them), sorted by 下次跟进 and 客户级别, a column hidden for good; cards on a phone. 员工管理 and 产品管理 use the same
// table, sorted by a header.
import test from 'ava';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany } from '../adapters/orders/order-builders.js';
import { formatYuanGrouped } from '../../core/money/index.js';

let server: ConsoleServer;
let browser: Browser;
let manager: string;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  manager = await server.token('13800000002');
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const get = async (path: string): Promise<any> => {
  const r = await server.call('GET', `/api/v1${path}`, { token: manager });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

/** An inquiry of 孙露露 (in 王经理's department) and an order from it, through the API. */
async function newOrder(): Promise<void> {
  const sales = await server.token('13800000001');
  const inquiry = await server.call('POST', '/api/v1/inquiries', {
    token: sales,
    body: {
      companyName: aCompany('桌面测试'), mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '桌面列表测试',
      nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  if (inquiry.status !== 201) throw new Error(JSON.stringify(inquiry.body));
  const order = await server.call('POST', '/api/v1/orders', { token: sales, body: { inquiryId: inquiry.body.id, title: '企业信用贷' } });
  if (order.status !== 201) throw new Error(JSON.stringify(order.body));
}

const table = (p: TestPage, id: string) => p.page.locator(`[data-table="${id}"]`);
/** The texts of one column, found by its header's key (so hidden columns do not shift the count). */
async function column(p: TestPage, id: string, key: string): Promise<string[]> {
  const keys = await table(p, id).locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
  return table(p, id).locator(`tbody tr td:nth-child(${keys.indexOf(key) + 1})`).allInnerTexts();
}
const byNumber = <R>(rows: R[], of: (r: R) => number, dir: 1 | -1): R[] => [...rows].sort((a, b) => dir * (of(a) - of(b)));

test.serial('王经理 at the desk: 订单 as a table, sorted by a header, a column hidden for good, a row opens', async (t) => {
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/orders`, '13800000002');
  const page = await get('/orders?limit=20&withTotal=true');
  t.true(page.items.length > 1, 'the demo gives the manager orders');
  await table(p, 'orders').locator('tbody tr').nth(page.items.length - 1).waitFor();
  t.regex(await p.page.locator('[data-total]').innerText(), new RegExp(`共${page.total}条`));
  t.deepEqual(await column(p, 'orders', 'title'), page.items.map((o: any) => o.title), 'the rows as the API gives them');
  t.deepEqual(await column(p, 'orders', 'departmentName'), page.items.map((o: any) => o.departmentName ?? '—'));
  await p.screenshot('desk-orders');
  t.deepEqual(await p.axe(), []);
  t.true(await p.page.locator('#app').evaluate((e) => e.getBoundingClientRect().width) > 1100, 'a table at a desk gets the width its columns need');

  // 应回款 pressed: ascending, then descending; the rows loaded sorted as the API's page sorted the same way.
  const receivable = table(p, 'orders').locator('th[data-column="receivable"]');
  const fen = (o: any): number => o.amounts.receivableFen;
  await receivable.getByRole('button').click();
  t.is(await receivable.getAttribute('aria-sort'), 'ascending');
  t.deepEqual(await column(p, 'orders', 'title'), byNumber(page.items, fen, 1).map((o: any) => o.title));
  t.deepEqual(await column(p, 'orders', 'receivable'), byNumber(page.items, fen, 1).map((o: any) => formatYuanGrouped(fen(o))));
  await receivable.getByRole('button').click();
  t.is(await receivable.getAttribute('aria-sort'), 'descending');
  t.deepEqual(await column(p, 'orders', 'title'), byNumber(page.items, fen, -1).map((o: any) => o.title));
  // 更新时间 ascending: ISO text order.
  const updated = table(p, 'orders').locator('th[data-column="updatedAt"]');
  await updated.getByRole('button').click();
  t.is(await updated.getAttribute('aria-sort'), 'ascending');
  t.deepEqual(await column(p, 'orders', 'title'), byNumber(page.items, (o: any) => Date.parse(o.updatedAt), 1).map((o: any) => o.title));
  await p.screenshot('desk-orders-sorted');

  // 列设置: 部门 hidden, still hidden after a reload; the others stay.
  await table(p, 'orders').getByText('列设置').click();
  await table(p, 'orders').getByRole('checkbox', { name: '归属部门' }).uncheck();
  t.is(await table(p, 'orders').locator('th[data-column="departmentName"]').count(), 0);
  await p.screenshot('desk-orders-columns');
  await p.page.reload();
  await table(p, 'orders').locator('tbody tr').first().waitFor();
  t.is(await table(p, 'orders').locator('th[data-column="departmentName"]').count(), 0, 'the choice stays on the device');
  t.is(await table(p, 'orders').locator('th[data-column="outstanding"]').count(), 1);

  // A row pressed opens its order.
  const first = page.items[0];
  await table(p, 'orders').locator(`tr[data-row="${first.id}"] td`).last().click();
  await p.page.waitForURL(`${server.url}/orders/${first.id}`);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('王经理 at the desk: more than a page of orders comes with 加载更多', async (t) => {
  while ((await get('/orders?limit=1&withTotal=true')).total <= 20) await newOrder();
  const all = await get('/orders?limit=100');
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/orders`, '13800000002');
  await table(p, 'orders').locator('tbody tr').nth(19).waitFor();
  t.is(await table(p, 'orders').locator('tbody tr').count(), 20, 'one page until the person asks for more');
  await p.page.getByRole('button', { name: '加载更多' }).click();
  await table(p, 'orders').locator('tbody tr').nth(all.items.length - 1).waitFor();
  t.deepEqual(await column(p, 'orders', 'title'), all.items.map((o: any) => o.title));
  await p.page.getByRole('button', { name: '加载更多' }).waitFor({ state: 'detached' });
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('王经理 on a phone: 订单 as cards', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/orders`, '13800000002');
  const page = await get('/orders?limit=20');
  await p.page.locator('[data-order]').nth(page.items.length - 1).waitFor();
  t.is(await p.page.locator('table').count(), 0);
  t.deepEqual(await p.page.locator('.item .title').allInnerTexts(), page.items.map((o: any) => o.title));
  await p.screenshot('phone-orders');
  t.deepEqual(await p.axe(), []);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('王经理 at the desk: 咨询 as a table, sorted by a header, a column hidden for good, a row opens', async (t) => {
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/inquiries`, '13800000002');
  const page = await get('/inquiries?limit=20&view=all&withTotal=true');
  t.true(page.items.length > 1, 'the department has records');
  await table(p, 'inquiries').locator('tbody tr').nth(page.items.length - 1).waitFor();
  await p.page.locator('[data-total]').getByText(`共${page.total}条`).waitFor();
  t.deepEqual(await column(p, 'inquiries', 'companyName'), page.items.map((i: any) => i.companyName), 'the rows as the API gives them');
  // The mobile exactly as the API gives it to him ([模糊] marking a masked one), a call link only for a full one.
  t.deepEqual(await column(p, 'inquiries', 'mobile'), page.items.map((i: any) => `${i.mobile}${i.mobileMasked ? '[模糊]' : ''}`));
  t.is(await table(p, 'inquiries').locator('[data-action="call"]').count(), page.items.filter((i: any) => !i.mobileMasked).length);
  await p.screenshot('desk-inquiries');
  t.deepEqual(await p.axe(), []);

  // 下次跟进 pressed twice: descending; the rows loaded as the API's page sorted the same way.
  const next = table(p, 'inquiries').locator('th[data-column="nextFollowUpAt"]');
  await next.getByRole('button').click();
  await next.getByRole('button').click();
  t.is(await next.getAttribute('aria-sort'), 'descending');
  const when = (i: any): number => Date.parse(i.nextFollowUpAt);
  t.deepEqual(await column(p, 'inquiries', 'companyName'), byNumber(page.items, when, -1).map((i: any) => i.companyName));
  // 客户级别 ascending: by the level's code (A before B before C).
  const level = table(p, 'inquiries').locator('th[data-column="levelLabel"]');
  await level.getByRole('button').click();
  t.is(await level.getAttribute('aria-sort'), 'ascending');
  const byLevel = [...page.items].sort((a: any, b: any) => (a.level < b.level ? -1 : a.level > b.level ? 1 : 0));
  t.deepEqual(await column(p, 'inquiries', 'levelLabel'), byLevel.map((i: any) => i.levelLabel));
  await p.screenshot('desk-inquiries-sorted');

  // 列设置: 客户来源 hidden, still hidden after a reload.
  await table(p, 'inquiries').getByText('列设置').click();
  await table(p, 'inquiries').getByRole('checkbox', { name: '客户来源' }).uncheck();
  t.is(await table(p, 'inquiries').locator('th[data-column="source"]').count(), 0);
  await p.page.reload();
  await table(p, 'inquiries').locator('tbody tr').first().waitFor();
  t.is(await table(p, 'inquiries').locator('th[data-column="source"]').count(), 0, 'the choice stays on the device');
  t.is(await table(p, 'inquiries').locator('th[data-column="ownerName"]').count(), 1);

  // A row pressed opens the record; 跟进 in its row opens the follow-up form instead.
  const first = page.items[0];
  await table(p, 'inquiries').locator(`[data-inquiry="${first.id}"] [data-action="follow-up"]`).click();
  await p.page.waitForURL(`${server.url}/inquiries/${first.id}/follow-up`);
  await p.page.goBack();
  await table(p, 'inquiries').locator(`[data-inquiry="${first.id}"] td`).first().click();
  await p.page.waitForURL(`${server.url}/inquiries/${first.id}`);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('王经理 on a phone: 咨询 as cards', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/inquiries`, '13800000002');
  const page = await get('/inquiries?limit=20&view=all');
  await p.page.locator('[data-inquiry]').nth(page.items.length - 1).waitFor();
  t.is(await p.page.locator('table').count(), 0);
  t.deepEqual(await p.page.locator('[data-inquiry]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-inquiry'))), page.items.map((i: any) => i.id));
  await p.screenshot('phone-inquiries');
  t.deepEqual(await p.axe(), []);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('系统管理员 at the desk: 员工管理 and 产品管理 are the same table, sorted by a header', async (t) => {
  const admin = await server.token('13800000000');
  const as = async (path: string): Promise<any> => (await server.call('GET', `/api/v1${path}`, { token: admin })).body;
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/settings/users`, '13800000000');
  const users = (await as('/users?limit=30')).items as { name: string; mobile: string }[];
  await table(p, 'users').locator('tbody tr').nth(users.length - 1).waitFor();
  t.deepEqual(await column(p, 'users', 'name'), users.map((u) => u.name));
  const mobile = table(p, 'users').locator('th[data-column="mobile"]');
  await mobile.getByRole('button').click();
  await mobile.getByRole('button').click();
  t.is(await mobile.getAttribute('aria-sort'), 'descending');
  t.deepEqual(await column(p, 'users', 'mobile'), users.map((u) => u.mobile).sort().reverse());
  t.deepEqual(await p.axe(), []);
  await p.screenshot('desk-users-sorted');

  await p.page.goto(`${server.url}/products`);
  const products = (await as('/products?limit=50')).items as { number: number; defaultServiceFeeFen: number }[];
  t.true(products.length > 1);
  await table(p, 'products').locator('tbody tr').nth(products.length - 1).waitFor();
  const fee = table(p, 'products').locator('th[data-column="fee"]');
  await fee.getByRole('button').click();
  t.is(await fee.getAttribute('aria-sort'), 'ascending');
  const sorted = byNumber(products, (x) => x.defaultServiceFeeFen, 1);
  t.deepEqual(await column(p, 'products', 'number'), sorted.map((x) => String(x.number)));
  t.deepEqual(await column(p, 'products', 'fee'), sorted.map((x) => formatYuanGrouped(x.defaultServiceFeeFen)));
  t.deepEqual(await p.axe(), []);
  await p.screenshot('desk-products-sorted');
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('王经理 at the desk: while the first page is on its way the table says 加载中, never 暂无数据', async (t) => {
  const p = await browser.page(DESK);
  let release: () => void = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await p.page.route(/\/api\/v1\/orders\?/, async (route) => {
    await held;
    await route.continue();
  });
  await signInThroughPage(p, `${server.url}/orders`, '13800000002');
  await table(p, 'orders').getByText('加载中').waitFor();
  t.is(await table(p, 'orders').getByText('暂无数据').count(), 0);
  release();
  await table(p, 'orders').locator('tbody tr').first().waitFor();
  t.is(await table(p, 'orders').getByText('加载中').count(), 0);
  t.deepEqual(p.problems, []);
  await p.close();
});
