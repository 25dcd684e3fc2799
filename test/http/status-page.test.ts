// The customer status page (/status) in a real browser: Debian's chromium driven by playwright-core, headless,
// with a fresh profile and no network beyond the test server. The customer types the code and the last four
// digits and sees the stage and the applications; a wrong answer shows the refusal; a link fills in the code.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { DEMO_PRODUCTS } from '../../core/products/demo-products.js';
import { testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import { aFirm } from '../support/tenant.js';
import { anOrderWithProfile } from '../adapters/products/product-builders.js';

let crm: Crm;
let api: TestServer;
let browser: BrowserContext;
let profileDir: string;
let code: string;
let path: string;
let digits: string;

test.before(async () => {
  crm = await testCrm('pglite');
  api = await serve(crm);
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const product = await crm.products.createProduct(firm.admin, DEMO_PRODUCTS[0]);
  const made = await anOrderWithProfile(crm, sales.actor);
  digits = made.legalPersonMobile.slice(-4);
  const [line] = (await crm.orderProducts.saveLines(sales.actor, made.order.id, 0, [{ productId: product.id }])).lines;
  if (!line) throw new Error('a line expected');
  await crm.orderProducts.changeApplication(sales.actor, made.order.id, line.id, line.version, { type: 'submit' });
  ({ code, path } = await crm.statusLookup.issueCode(sales.actor, made.order.id));

  profileDir = mkdtempSync(join(tmpdir(), 'yunzhou-chromium-'));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 }, // a phone
  });
});

test.after.always(async () => {
  await browser?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await api?.close();
  await crm?.close();
});

test.serial('the customer types the code and the last four digits and sees the stage and the application', async (t) => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const res = await page.goto(`${api.url}/status`);
  t.is(res?.status(), 200);
  t.true((res?.headers()['content-security-policy'] ?? '').includes("script-src 'self'"));
  await page.fill('#code', code.toLowerCase());
  await page.fill('#lastFour', digits);
  await page.click('#submit');
  await page.waitForSelector('#result:not([hidden])');
  t.is(await page.textContent('#stage'), '初次沟通');
  t.is(await page.textContent('#progress-text'), '20%');
  t.is(await page.textContent('#applications .app-name'), '税E贷（工商银行）');
  t.is(await page.textContent('#applications .app-status'), '申请中');
  t.deepEqual(problems, []); // the page's own script ran under its CSP without errors
  await page.close();
});

test.serial('wrong digits show the refusal and no result', async (t) => {
  const page = await browser.newPage();
  await page.goto(`${api.url}/status`);
  await page.fill('#code', code);
  await page.fill('#lastFour', digits === '0000' ? '1111' : '0000');
  await page.click('#submit');
  await page.waitForSelector('#message:not([hidden])');
  t.is(await page.textContent('#message'), '查询码或手机号后四位不正确，请核对后重试');
  t.true(await page.isHidden('#result'));
  await page.close();
});

test.serial('the link the sales person sends fills in the code and drops it from the address bar', async (t) => {
  const page = await browser.newPage();
  await page.goto(`${api.url}${path}`);
  t.is(await page.inputValue('#code'), code);
  t.false(page.url().includes(code));
  await page.fill('#lastFour', digits);
  await page.press('#lastFour', 'Enter');
  await page.waitForSelector('#result:not([hidden])');
  t.is(await page.textContent('#stage'), '初次沟通');
  await page.close();
});
