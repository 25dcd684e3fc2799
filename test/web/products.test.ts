// Steps 7 and 8 in the console, in a real browser at phone and desk sizes: 孙露露 records the matching facts,
// sees 自动匹配 with its reasons, picks products from two categories by 手动匹配, edits discount and quantity
// (live totals equal the server's after saving), rolls the order back with a reason, takes 下一步, moves an
// application 申请中 → 已批核 → 已放款 and shares the status link that the customer opens without an account;
// and the repayment calculator's figures equal POST /loans/compare. The order is set up through the API
// (inquiry → profile → plan → confirmed contract → approved internal review); the screens do the rest.
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, DEMO_PASSWORD, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { makeResidentId, makeUscc } from '../../core/identity/index.js';
import { localDate } from '../../core/shared/zoned-time.js';
import { formatYuanGrouped } from '../../core/money/index.js';

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

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const yuan = (fen: number): string => formatYuanGrouped(fen, { decimals: 'auto' });

/** A signed-in person for setting up and checking through the API (never to drive a screen). */
async function person(mobile: string): Promise<{ id: string; call: (method: string, path: string, body?: unknown) => Promise<any> }> {
  const login = await server.call('POST', '/api/v1/auth/login', { body: { mobile, password: DEMO_PASSWORD } });
  const token = login.body.token as string;
  return {
    id: login.body.user.id as string,
    async call(method, path, body) {
      const r = await server.call(method, `/api/v1${path}`, { token, ...(Buffer.isBuffer(body) ? { raw: body } : body === undefined ? {} : { body }) });
      if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

/** An order of 孙露露's in 申请批核 with a confirmed contract and an approved internal review, no products yet. */
async function anOrderWithConfirmedContract(): Promise<{ orderId: string; mobile: string }> {
  const sun = await person('13800000001');
  const approver = await person('13800000003');
  const today = localDate(new Date(), 'Asia/Shanghai');
  const mobile = aMobile();
  const tag = String(randomInt(1e6, 1e7));
  const inquiry = await sun.call('POST', '/inquiries', {
    companyName: `云杉科技${tag}有限公司`, mobile, contactName: '郑杉', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
    remark: '税贷', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const orderId = (await sun.call('POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' })).id as string;
  const order = async (): Promise<any> => sun.call('GET', `/orders/${orderId}`);
  await sun.call('PATCH', `/orders/${orderId}/profile`, {
    version: (await order()).order.version, taxId: makeUscc(`91320506MA${tag}`), legalPersonName: '郑杉', legalPersonMobile: mobile,
    legalPersonIdNumber: makeResidentId({ region: '320525', birthDate: '1978-04-12', sequence: randomInt(50, 499) * 2 + 1, gender: 'male' }),
    bankBranch: '苏州市吴中区', homeAddress: '苏州市工业园区', maritalStatus: 'married',
  });
  await sun.call('POST', `/files?subjectType=order&subjectId=${orderId}&kind=id_card_front&fileName=${encodeURIComponent('身份证正面.png')}`, PNG);
  await sun.call('PUT', `/orders/${orderId}/plan`, {
    version: (await order()).order.version, projectName: '企业信用贷融资服务', overview: '企业经营五年，纳税信用 A 级', expectedCompletion: localDate(new Date(Date.now() + 30 * 86_400_000), 'Asia/Shanghai'),
    financialPlan: '经营周转', financingAdvice: '以税贷为主',
  });
  await sun.call('POST', `/files?subjectType=order&subjectId=${orderId}&kind=plan_attachment&fileName=${encodeURIComponent('融资方案.pdf')}`, PDF);
  const handed = await sun.call('POST', `/orders/${orderId}/submit`, { version: (await order()).order.version, remark: '资料齐全', nextHandlerId: sun.id });
  await sun.call('POST', `/orders/${orderId}/submit`, { version: handed.version, remark: '请匹配产品', nextHandlerId: sun.id });
  await sun.call('PUT', `/orders/${orderId}/contract`, {
    version: (await order()).order.version, number: `HT-${tag}`, amountFen: 1_000_000, signedOn: today, customerParty: `云杉科技${tag}`, firmParty: '大鑫金服',
  });
  await sun.call('POST', `/files?subjectType=order&subjectId=${orderId}&kind=contract_scan&fileName=${encodeURIComponent('服务合同.pdf')}`, PDF);
  await sun.call('POST', `/orders/${orderId}/contract/confirm`, { version: (await order()).order.version });
  const review = await sun.call('POST', '/approvals', { businessType: 'order_review', businessId: orderId, chosenApprovers: { level1: [approver.id] } });
  const waiting = (await approver.call('GET', '/workcenter/inbox?kind=approval&limit=50')).items.find((i: any) => i.link === `/api/v1/approvals/${review.id}`);
  await approver.call(waiting.action.method, waiting.action.path.replace(/^\/api\/v1/, ''), { taskId: waiting.data.taskId, decision: 'approve', opinion: '同意' });
  const detail = await order();
  if (!detail.contractConfirmed || detail.order.stageKey !== 'application_approval') throw new Error(`set-up: ${detail.stageName} ${detail.contractConfirmed}`);
  return { orderId, mobile };
}

async function signIn(p: TestPage, path: string): Promise<void> {
  await signInThroughPage(p, server.url + path, '13800000001');
  await p.page.waitForURL(server.url + path);
}

async function clean(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, p: TestPage, screen: string): Promise<void> {
  t.deepEqual(await p.axe(), [], `axe on ${screen}`);
  t.deepEqual(p.problems, [], `console on ${screen}`);
}

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`steps 7 and 8 in the console at ${size.width}px: matching with reasons, two categories, live totals, 回退, 下一步, application to 已放款, the customer's status link`, async (t) => {
    const { orderId, mobile } = await anOrderWithConfirmedContract();
    const sun = await person('13800000001');
    const p = await browser.page(size);
    const page = p.page;
    await signIn(p, `/orders/${orderId}/products`);

    // ── 匹配信息: the facts the profile has no field for ──
    await page.getByRole('tab', { name: '匹配信息' }).click();
    await page.getByLabel('成立日期').fill('2019-06-18');
    // (Vant's icon glyph comes first in a radio's name)
    await page.getByRole('radiogroup', { name: '纳税信用等级' }).getByRole('radio', { name: / A$/ }).click();
    await page.getByLabel('年纳税额（元）').fill('86000');
    await page.getByLabel('年开票额（元）').fill('6200000');
    await page.getByLabel('负债（元）').fill('800000');
    await page.getByLabel('申请金额（元）').fill('1000000');
    await page.getByRole('button', { name: '保存匹配信息' }).click();
    await page.getByText('匹配信息已保存').waitFor();
    t.like((await sun.call('GET', `/orders/${orderId}/match-facts`)).facts, { companyRegisteredOn: '2019-06-18', taxCreditRating: 'A', annualTaxPaidFen: 8_600_000, requestedAmountFen: 100_000_000 });
    await clean(t, p, 'facts');

    // ── 自动匹配: the server's ranking, each requirement with its reason ──
    await page.getByRole('tab', { name: '自动匹配' }).click();
    const matches = await sun.call('GET', `/orders/${orderId}/product-matches`);
    const shuiE = page.locator('.match[data-product="税E贷"]');
    await shuiE.getByText('完全符合').waitFor();
    t.is(await page.locator('.match').first().getAttribute('data-product'), matches.items[0].product.name);
    const expected = matches.items.find((m: any) => m.product.name === '税E贷').reasons;
    t.deepEqual(await shuiE.locator('.reasons li .reason-text').allInnerTexts(), expected.map((r: any) => r.zh), 'every reason shown');
    t.deepEqual(await shuiE.locator('.reasons li').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), expected.map((r: any) => r.status));
    t.true((await shuiE.innerText()).includes('纳税信用等级 A 级'));
    const someUnknown = matches.items.find((m: any) => m.reasons.some((r: any) => r.status === 'unknown'));
    t.is(await page.locator(`.match[data-product="${someUnknown.product.name}"] li[data-status="unknown"]`).count(), someUnknown.reasons.filter((r: any) => r.status === 'unknown').length);
    await p.screenshot('products-auto');
    await clean(t, p, 'auto match');
    await shuiE.getByRole('button', { name: '选择' }).click();

    // ── 手动匹配: a product from 税贷 and one from 企业信贷 ──
    await page.getByRole('tab', { name: '手动匹配' }).click();
    const categories = (await sun.call('GET', '/product-categories')).items;
    const codeOf = (name: string): string => categories.find((c: any) => c.name === name).code;
    await page.locator('.van-sidebar-item', { hasText: '税贷' }).first().click();
    const taxLoans = await sun.call('GET', `/products?category=${codeOf('税贷')}&active=true&withTotal=true&limit=200`);
    await page.locator('[data-counts]').getByText(`共${taxLoans.total}条`).waitFor();
    t.regex(await page.locator('[data-counts]').innerText(), new RegExp(`未选 ${taxLoans.total - 1}\\s+已选 1`), '税E贷 is a 税贷, already chosen');
    const kuai = taxLoans.items.find((x: any) => x.name === '快贷');
    await page.locator(`.catalogue [data-product="快贷"]`).getByRole('button', { name: '选择' }).click();
    await page.locator('.van-sidebar-item', { hasText: '企业信贷' }).click();
    const credit = await sun.call('GET', `/products?category=${codeOf('企业信贷')}&active=true&withTotal=true&limit=200`);
    await page.locator('[data-counts]').getByText(`共${credit.total}条`).waitFor();
    t.regex(await page.locator('[data-counts]').innerText(), new RegExp(`未选 ${credit.total}\\s+已选 0`));
    const third = credit.items[0];
    await page.locator(`.catalogue [data-product="${third.name}"]`).getByRole('button', { name: '选择' }).click();
    await p.screenshot('products-manual');
    await clean(t, p, 'manual match');

    // ── the lines: discount and quantity, totals live by core's rule ──
    const kuaiLine = page.locator('.line[data-line="快贷"]');
    await kuaiLine.getByLabel('优惠折扣（元）').fill('500');
    await kuaiLine.getByLabel('数量').fill('2');
    const kuaiTotal = kuai.defaultServiceFeeFen * 2 - 50_000;
    t.is(await kuaiLine.locator('[data-total]').innerText(), `总价 ${yuan(kuaiTotal)}`);
    const thirdLine = page.locator(`.line[data-line="${third.name}"]`);
    await thirdLine.getByLabel('优惠折扣（元）').fill(String(third.defaultServiceFeeFen / 100 + 1));
    t.is(await thirdLine.getByText('优惠折扣不能大于服务费乘以数量').count(), 1, 'a discount above the fees is refused as it is typed');
    await thirdLine.getByLabel('优惠折扣（元）').fill('100.50');
    const thirdTotal = third.defaultServiceFeeFen - 10_050;
    const shuiEFee = matches.items.find((m: any) => m.product.name === '税E贷').product.defaultServiceFeeFen;
    const live = shuiEFee + kuaiTotal + thirdTotal;
    t.is(await page.locator('[data-receivable]').innerText(), yuan(live));
    await page.locator('.line').first().scrollIntoViewIfNeeded();
    await p.screenshot('products-lines');

    // ── 回退 with a reason: the order goes back a stage ──
    await page.getByRole('button', { name: '回退' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /方案洽谈$/ }).click();
    await dialog.getByLabel('回退原因').fill('客户补充纳税资料后再申请');
    await clean(t, p, 'rollback dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator('[data-stage]').getByText('方案洽谈').waitFor();
    const back = await sun.call('GET', `/orders/${orderId}`);
    t.is(back.order.stageKey, 'plan_negotiation');
    t.true(back.timeline.some((a: any) => a.summary.includes('客户补充纳税资料后再申请')), 'the reason is on the timeline');

    // ── 下一步: the lines are saved with the totals shown, then the order moves on ──
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL(`${server.url}/orders/${orderId}/applications`);
    const lines = await sun.call('GET', `/orders/${orderId}/product-lines`);
    t.deepEqual(lines.lines.map((l: any) => [l.productName, l.totalFen]), [['税E贷', shuiEFee], ['快贷', kuaiTotal], [third.name, thirdTotal]]);
    t.is(lines.receivableFen, live);
    const advanced = await sun.call('GET', `/orders/${orderId}`);
    t.is(advanced.order.stageKey, 'application_approval');
    t.is(advanced.order.amounts.productTotalFen, live, 'the order\'s products total is the sum of the line totals');
    t.is(advanced.order.amounts.receivableFen, 1_000_000, 'with a confirmed contract, 应回款 is the contract amount (the orders area\'s rule)');

    // ── 申请: 提交申请 → 批核 (amount, rate, term) → 放款 (amount in yuan) ──
    const app = page.locator('.app[data-line="税E贷"]');
    await app.locator('[data-status]').getByText('待申请').waitFor();
    await clean(t, p, 'applications');
    await app.getByRole('button', { name: '提交申请' }).click();
    await app.locator('[data-status]').getByText('申请中').waitFor();
    await app.getByRole('button', { name: '批核通过' }).click();
    const approve = page.getByRole('dialog');
    await approve.getByLabel('批核金额（元）').fill('1000000');
    await approve.getByLabel('年化利率（%）').fill('3.85');
    await approve.getByLabel('期限（月）').fill('12');
    await approve.getByRole('button', { name: '确定' }).click();
    await app.locator('[data-status]').getByText('已批核').waitFor();
    await app.getByRole('button', { name: '放款' }).click();
    const disburse = page.getByRole('dialog');
    t.is(await disburse.getByLabel('放款金额（元）').inputValue(), '1000000', 'the approved amount is proposed');
    await disburse.getByLabel('放款金额（元）').fill('1000001');
    await disburse.getByRole('button', { name: '确定' }).click();
    await disburse.getByText(/放款金额不能超过批核金额/).waitFor();
    await disburse.getByLabel('放款金额（元）').fill('800000');
    await clean(t, p, 'disburse dialog');
    await disburse.getByRole('button', { name: '确定' }).click();
    await app.locator('[data-status]').getByText('已放款').waitFor();
    const disbursed = await sun.call('GET', `/orders/${orderId}`);
    t.is(disbursed.order.amounts.disbursedFen, 80_000_000);
    t.is(await page.locator('[data-disbursed]').innerText(), yuan(80_000_000));
    for (const action of ['application.submit', 'application.approve', 'application.disburse']) {
      t.is(await page.locator(`[data-action="${action}"]`).count(), 1, action);
    }
    t.regex(await page.locator('[data-action="application.disburse"]').innerText(), /税E贷（.+）已放款/);

    // ── the repayment comparison of the line, from the server ──
    await app.getByRole('button', { name: '还款方式对比' }).click();
    const server4 = await sun.call('POST', `/orders/${orderId}/product-lines/${lines.lines[0].id}/repayment-comparison`, {});
    await app.locator('[data-method="equal-installment"] [data-figure="total"]').waitFor();
    t.is(await app.locator('[data-method="equal-installment"] [data-figure="total"]').innerText(), yuan(server4.methods[0].totalPaymentFen));

    // ── the customer's status link: rotated here, opened without an account ──
    await page.getByRole('button', { name: '生成查询链接' }).click();
    const link = page.locator('[data-share-link]');
    await link.waitFor();
    const href = (await link.getAttribute('href')) as string;
    t.regex(href, new RegExp(`^${server.url}/status#code=[0-9A-Z-]{26,}$`));
    t.is(await page.locator('[data-digits]').innerText(), `（尾号 ${mobile.slice(-4)}）`);
    await page.getByRole('button', { name: '复制链接' }).waitFor();
    await p.screenshot('products-applications');
    await clean(t, p, 'applications with link');
    await p.close();

    const customer = await browser.page(size);
    await customer.page.goto(href);
    await customer.page.locator('#lastFour').fill(mobile.slice(-4));
    await customer.page.locator('#submit').click();
    await customer.page.locator('#applications li', { hasText: '税E贷' }).waitFor();
    t.regex(await customer.page.locator('#applications li', { hasText: '税E贷' }).innerText(), /已放款/);
    t.is(await customer.page.locator('#stage').innerText(), '申请批核');
    await customer.screenshot('status-page');
    t.deepEqual(customer.problems, []);
    await customer.close();
  });
}

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`the repayment calculator at ${size.width}px shows the four methods exactly as POST /loans/compare`, async (t) => {
    const sun = await person('13800000001');
    const p = await browser.page(size);
    await signIn(p, '/loans/calculator');
    const page = p.page;
    for (const [amount, rate, months] of [['1000000', '4.9', '360'], ['350000.50', '3.65', '24']] as const) {
      await page.getByLabel('贷款金额（元）').fill(amount);
      await page.getByLabel('年利率（%）').fill(rate);
      await page.getByLabel('期限（月）').fill(months);
      const annualRate = rate === '4.9' ? '0.049' : '0.0365';
      const principalFen = Math.round(Number(amount) * 100);
      const expected = (await sun.call('POST', '/loans/compare', { principalFen, annualRate, months: Number(months) })).items;
      for (const m of expected) {
        const card = page.locator(`[data-method="${m.method}"]`);
        t.deepEqual(
          [await card.locator('[data-figure="first"]').innerText(), await card.locator('[data-figure="last"]').innerText(), await card.locator('[data-figure="interest"]').innerText(), await card.locator('[data-figure="total"]').innerText()],
          [yuan(m.firstPaymentFen), yuan(m.lastPaymentFen), yuan(m.totalInterestFen), yuan(m.totalPaymentFen)],
          `${amount} ${rate}% ${months}: ${m.method}`,
        );
      }
    }
    await page.getByLabel('贷款金额（元）').fill('1000000');
    await page.getByLabel('年利率（%）').fill('4.9');
    await page.getByLabel('期限（月）').fill('360');
    t.is(await page.locator('[data-method="equal-installment"] [data-figure="monthly"]').innerText(), '5,307.27');
    await p.screenshot('loan-calculator');
    await clean(t, p, 'calculator');
    await page.getByLabel('年利率（%）').fill('4.9%');
    await page.getByText('请填写 0–100 之间的年利率').waitFor();
    t.is(await page.locator('[data-method]').count(), 0, 'no figures for a rate that is not one');
    t.deepEqual(p.problems, []);
    await p.close();
  });
}
