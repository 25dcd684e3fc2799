// 产品管理 in a real browser at phone and desk sizes: 钱运营 (operations, product.manage) opens it from its home tile,
// adds a category, renames and moves it, creates a product in it with a fee and 准入条件 (an impossible rule is
// refused at its field first), disables it — after which an order's 手动匹配 list (active products of the
// category) and 自动匹配 no longer offer it — and sees a stale 启用 refused with the server's message. 孙露露
// (sales) has no tile, the URL says 没有权限 and the API refuses her write.
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';

const OPS = '13800000005';
const SUN = '13800000001';
let server: ConsoleServer;
let browser: Browser;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<{ status: number; body: any }> => server.as(...a);
/** Refusals the test provokes on purpose show as failed requests in the console. */
const unexpected = (p: TestPage): string[] => p.problems.filter((m) => !/status of (400|409|422)/.test(m));

async function check(t: any, p: TestPage, name: string): Promise<void> {
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(unexpected(p), [], `console on ${name}`);
}

/** An order of 孙露露's to match products to (matching reads the active catalogue). */
async function anOrder(): Promise<string> {
  const inquiry = await api(SUN, 'POST', '/inquiries', {
    companyName: `松柏科技${randomInt(1e6)}有限公司`, mobile: aMobile(), contactName: '柏松', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
    remark: '税贷', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  return (await api(SUN, 'POST', '/orders', { inquiryId: inquiry.body.id, title: '企业信用贷' })).body.id as string;
}

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;

  test.serial(`[${w}] 钱运营 adds a category and a product with a rule and a fee; disabled, it leaves 手动匹配 and 自动匹配`, async (t) => {
    const tag = String(randomInt(1e5, 1e6));
    const code = `test_${w}_${tag}`;
    const p = await browser.page(size);
    await signInThroughPage(p, server.url + '/', OPS);
    await p.page.locator('[data-module="products"]').click();
    await p.page.waitForURL((u) => u.pathname === '/products');
    await p.page.locator('[data-total]').waitFor();
    await check(t, p, 'catalog-list');

    // 产品分类: add, rename, move up.
    await p.page.getByRole('tab', { name: '产品分类' }).click();
    await p.page.locator('[data-new-category]').click();
    await p.page.getByLabel('分类名称').fill(`试贷${tag}`);
    await p.page.getByLabel('分类编码').fill(code);
    await p.page.getByRole('button', { name: '保存' }).click();
    await p.page.locator(`[data-category="${code}"]`).waitFor();
    let cats = (await api(OPS, 'GET', '/product-categories')).body.items as any[];
    t.like(cats.find((c) => c.code === code), { name: `试贷${tag}`, productCount: 0 });
    await p.page.getByRole('button', { name: `修改分类「试贷${tag}」` }).click();
    await p.page.getByLabel('分类名称').fill(`测贷${tag}`);
    await p.page.getByRole('button', { name: '保存' }).click();
    await p.page.locator(`[data-category="${code}"]`).getByText(`测贷${tag}`).waitFor();
    const before = (await api(OPS, 'GET', '/product-categories')).body.items.map((c: any) => c.code) as string[];
    t.is(before.at(-1), code, 'a new category goes last');
    await p.page.getByRole('button', { name: `上移「测贷${tag}」` }).click();
    await p.page.getByText('已保存').waitFor();
    cats = (await api(OPS, 'GET', '/product-categories')).body.items;
    t.deepEqual(cats.map((c) => c.code), [...before.slice(0, -2), code, before.at(-2)], 'moved one place up');
    await check(t, p, 'catalog-categories');

    // 新建产品 in it: fee, ranges, a method, a document and two rules, one impossible.
    await p.page.getByRole('tab', { name: '产品', exact: true }).click();
    await p.page.locator('#category-filter').selectOption(code);
    await p.page.locator('[data-total]').getByText('共0条').waitFor();
    await p.page.locator('[data-new-product]').click();
    await p.page.waitForURL((u) => u.pathname === '/products/new');
    const name = `测试税贷${tag}`;
    await p.page.getByLabel('产品名称').fill(name);
    // The categories arrive after the form: the select shows the list's category once its option is there.
    await p.page.getByLabel('产品分类').locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
    t.is(await p.page.getByLabel('产品分类').inputValue(), code, 'the category the list showed');
    await p.page.getByLabel('放款机构').fill('测试银行');
    await p.page.getByLabel('默认服务费（元）').fill('1,234.50');
    await p.page.getByLabel('最低额度（元）').fill('100000');
    await p.page.getByLabel('最高额度（元）').fill('2000000');
    await p.page.getByLabel('最短期限（月）').fill('12');
    await p.page.getByLabel('最长期限（月）').fill('36');
    await p.page.getByLabel('最低年化利率（%）').fill('3.65');
    await p.page.getByLabel('最高年化利率（%）').fill('12');
    await p.page.getByRole('checkbox', { name: '等额本息' }).click();
    await p.page.getByLabel('新增材料').fill('营业执照');
    await p.page.getByRole('button', { name: '添加', exact: true }).click();
    await p.page.locator('#rule-kind').selectOption({ label: '年纳税额' });
    await p.page.getByRole('button', { name: '添加条件' }).click();
    await p.page.locator('[data-rule="annualTaxPaid"]').getByLabel('金额（元）').fill('50000');
    await p.page.locator('#rule-kind').selectOption({ label: '法人年龄' });
    await p.page.getByRole('button', { name: '添加条件' }).click();
    const age = p.page.locator('[data-rule="legalRepAge"]');
    t.is(await age.locator('[data-operator]').innerText(), '介于');
    await age.getByLabel('最小年龄（岁）').fill('60');
    await age.getByLabel('最大年龄（岁）').fill('30');
    await p.page.locator('[data-save]').click();
    await age.getByText('下限不能大于上限').waitFor();
    t.is((await api(OPS, 'GET', `/products?category=${code}&withTotal=true`)).body.total, 0, 'nothing saved while a rule is wrong');
    await check(t, p, 'catalog-rule-refused');
    await age.getByLabel('最大年龄（岁）').fill('65');
    await p.page.locator('[data-save]').click();
    await p.page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    const id = p.page.url().split('/').pop() as string;
    const saved = (await api(OPS, 'GET', `/products/${id}`)).body;
    t.like(saved, {
      name, categoryCode: code, institution: '测试银行', defaultServiceFeeFen: 123_450, amountFen: { min: 10_000_000, max: 200_000_000 },
      termMonths: { min: 12, max: 36 }, annualRatePercent: { min: '3.65', max: '12' }, active: true,
    });
    t.deepEqual([saved.repaymentMethods, saved.requiredDocuments, saved.requirements], [
      ['equal_installment'], ['营业执照'], [{ kind: 'annualTaxPaid', minFen: 5_000_000 }, { kind: 'legalRepAge', min: 60, max: 65 }],
    ]);
    t.is(await p.page.getByLabel('默认服务费（元）').inputValue(), '1,234.50', 'fen shown as yuan with two decimals');

    // Offered to orders while enabled; not once disabled.
    const orderId = await anOrder();
    const offered = async (): Promise<[boolean, boolean]> => [
      (await api(SUN, 'GET', `/products?category=${code}&active=true&limit=50`)).body.items.some((x: any) => x.id === id),
      (await api(SUN, 'GET', `/orders/${orderId}/product-matches`)).body.items.some((m: any) => m.product.id === id),
    ];
    t.deepEqual(await offered(), [true, true], 'enabled: in 手动匹配 and 自动匹配');
    await p.page.locator('[data-toggle]').click();
    await p.page.locator('[data-state]').getByText('停用', { exact: true }).waitFor();
    t.is((await api(OPS, 'GET', `/products/${id}`)).body.active, false);
    t.deepEqual(await offered(), [false, false], 'disabled: offered nowhere');
    await check(t, p, 'catalog-product');

    // Someone else changes it meanwhile: 启用 at the old version is refused with the server's message.
    const fresh = (await api(OPS, 'GET', `/products/${id}`)).body;
    const { id: _i, tenantId: _t, version, createdAt: _c, updatedAt: _u, ...content } = fresh;
    t.is((await api(OPS, 'PUT', `/products/${id}`, { ...content, name: `${name}改`, version })).status, 200);
    await p.page.locator('[data-toggle]').click();
    await p.page.locator('[data-problem]').getByText('产品已被他人修改，请刷新后重试').waitFor();
    t.is((await api(OPS, 'GET', `/products/${id}`)).body.active, false, 'the stale 启用 changed nothing');

    // The list: a table at a desk, cards on a phone; found by search.
    await p.page.goto(`${server.url}/products`);
    await p.page.getByRole('searchbox').fill(tag);
    await p.page.locator('[data-total]').getByText('共1条').waitFor();
    const row = p.page.locator(`[data-product="${name}改"]`);
    await row.waitFor();
    t.true((await row.innerText()).includes('停用'));
    t.is(await p.page.locator('[data-products-table]').count(), w === DESK.width ? 1 : 0, 'a table only at a desk');
    if (w === DESK.width) t.true((await row.innerText()).includes('1,234.50'), 'the fee column in yuan');
    await check(t, p, 'catalog-search');
    await p.close();
  });
}

test.serial('删除: a product an order has chosen is refused with the server’s message; an unused one is deleted', async (t) => {
  const tag = String(randomInt(1e5, 1e6));
  const product = async (name: string): Promise<string> => (await api(OPS, 'POST', '/products', {
    name, categoryCode: 'tax_loan', institution: '测试银行', defaultServiceFeeFen: 100_000, amountFen: { min: 1_000_000, max: 10_000_000 },
    termMonths: { min: 6, max: 12 }, annualRatePercent: { min: '4', max: '6' }, repaymentMethods: ['interest_first'], requiredDocuments: [], active: true, requirements: [],
  })).body.id as string;
  const used = await product(`已选贷${tag}`);
  const unused = await product(`未选贷${tag}`);
  const orderId = await anOrder();
  const lines = (await api(SUN, 'GET', `/orders/${orderId}/product-lines`)).body;
  t.is((await api(SUN, 'PUT', `/orders/${orderId}/product-lines`, { version: lines.version, lines: [{ productId: used }] })).status, 200);

  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/products/${used}`, OPS);
  await p.page.getByLabel('产品名称').and(p.page.locator('input')).waitFor();
  await p.page.locator('[data-delete]').click();
  await p.page.getByRole('dialog', { name: '删除产品' }).getByRole('button', { name: '删除产品' }).click();
  await p.page.locator('[data-problem]').getByText(`「已选贷${tag}」已被 1 个订单选用，不能删除；可将其停用`).waitFor();
  t.is((await api(OPS, 'GET', `/products/${used}`)).status, 200);
  await p.page.getByRole('dialog', { name: '删除产品' }).waitFor({ state: 'hidden' });
  await check(t, p, 'catalog-delete-refused');

  await p.page.goto(`${server.url}/products/${unused}`);
  await p.page.locator('[data-delete]').click();
  await p.page.getByRole('dialog', { name: '删除产品' }).getByRole('button', { name: '删除产品' }).click();
  await p.page.waitForURL((u) => u.pathname === '/products');
  t.is((await api(OPS, 'GET', `/products/${unused}`)).status, 404);
  await p.close();
});

test.serial('孙露露 (sales) has no 产品管理: no tile, 没有权限 at the URL, and the API refuses her write', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, server.url + '/', SUN);
  await p.page.locator('[data-module="orders"]').waitFor();
  t.is(await p.page.locator('[data-module="products"]').count(), 0);
  await p.page.goto(`${server.url}/products/new`);
  await p.page.getByText('没有权限').waitFor();
  const r = await api(SUN, 'POST', '/product-categories', { code: `sales_${randomInt(1e6)}`, name: '偷建', sortOrder: 99 });
  t.is(r.status, 403);
  t.deepEqual(p.problems, []);
  t.deepEqual(await p.axe(), []);
  await p.close();
});
