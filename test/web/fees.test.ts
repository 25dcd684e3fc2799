// 收费规则 in a real browser at phone and desk sizes: 钱运营 (operations, product.manage) edits a product's fee
// rule — 前期 2,000 元 fixed, 成功服务费 1.5 % of the disbursed amount — sees core's computation for a sample
// amount as she types, sees a bad rate refused at its field and nothing saved, then saves. After the bank
// disburses an order's line, the order's applications screen and its products screen show the computation
// (rule, base amount, result, rounding) the server stored, and the agreed collection plan shows the success fee as
// a proposed instalment (待确认).
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { localDate } from '../../core/shared/zoned-time.js';

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

const must = (...a: ApiArgs): Promise<any> => server.must(...a);
const unexpected = (p: TestPage): string[] => p.problems.filter((m) => !/status of (400|409|422)/.test(m));

async function check(t: any, p: TestPage, name: string): Promise<void> {
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(unexpected(p), [], `console on ${name}`);
}

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;

  test.serial(`[${w}] 钱运营 sets a product's fee rule with a live computation; after 放款 the order shows the fee worked out`, async (t) => {
    const tag = String(randomInt(1e5, 1e6));
    const categories = (await must(OPS, 'GET', '/product-categories')).items as any[];
    const product = await must(OPS, 'POST', '/products', {
      name: `成功费贷${tag}`, categoryCode: categories[0].code, institution: '工商银行', defaultServiceFeeFen: 300_000,
      amountFen: { min: 0, max: 900_000_000 }, termMonths: { min: 6, max: 36 }, annualRatePercent: { min: '3.65', max: '6' },
      repaymentMethods: ['equal_installment'], requiredDocuments: [], active: true, requirements: [],
    });

    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/products/${product.id}`, OPS);
    const editor = p.page.locator('[data-fee-rule]');
    await editor.waitFor();
    await editor.locator('[data-part="upFront"] select').selectOption('fixed');
    await editor.locator('[name="fee-upFront-amount"]').fill('2000');
    await editor.locator('[data-part="success"] select').first().selectOption('rate');
    await editor.locator('[name="fee-success-rate"]').fill('1.5%');
    await editor.locator('[data-fee-save]').click();
    await editor.locator('.van-field__error-message', { hasText: '不是百分数' }).waitFor();
    t.false((await must(OPS, 'GET', `/products/${product.id}/fee-rule`)).custom, 'nothing saved');

    await editor.locator('[name="fee-success-rate"]').fill('1.5');
    t.is(await editor.locator('.van-field__error-message').count(), 0, 'typing again clears the refusal');
    await editor.locator('[data-fee-preview]').getByText('成功服务费：按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元').waitFor();
    await check(t, p, 'fee-rule-editor');
    await editor.locator('[data-fee-save]').click();
    await p.page.getByText('已保存').first().waitFor();
    const saved = await must(OPS, 'GET', `/products/${product.id}/fee-rule`);
    t.true(saved.custom);
    t.deepEqual(saved.rule, {
      split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5', minFen: null, maxFen: null },
    });
    // The product form still saves (it carries the version the fee rule moved to).
    await p.page.locator('[data-save]').click();
    await p.page.getByText('已保存').first().waitFor();
    t.deepEqual(unexpected(p), []);

    // 孙露露's order: the product chosen, approved and disbursed through the API.
    const inquiry = await must(SUN, 'POST', '/inquiries', {
      companyName: `松柏科技${tag}有限公司`, mobile: aMobile(), contactName: '柏松', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
      remark: '税贷', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const orderId = (await must(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' })).id as string;
    const line = (await must(SUN, 'PUT', `/orders/${orderId}/product-lines`, { version: 0, lines: [{ productId: product.id }] })).lines[0];
    const move = async (version: number, event: Record<string, unknown>) => must(SUN, 'POST', `/orders/${orderId}/product-lines/${line.id}/application-events`, { version, event });
    let l = await move(1, { type: 'submit' });
    l = await move(l.version, { type: 'approve', approvedAmountFen: 200_000_000, annualRatePercent: '3.85', termMonths: 12 });
    // 钱运营 agrees a plan on the up-front fee first: the success fee becomes a proposed instalment.
    const due = localDate(new Date(Date.now() + 20 * 86_400_000), 'Asia/Shanghai');
    await must(OPS, 'PUT', `/orders/${orderId}/collection-plan`, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: due } });
    await move(l.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: localDate(new Date(), 'Asia/Shanghai') });

    const s = await browser.page(size);
    await signInThroughPage(s, `${server.url}/orders/${orderId}/applications`, SUN);
    const fee = s.page.locator('[data-fee-computation]');
    await fee.getByText('成功服务费：按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元').waitFor();
    await fee.getByText('合计应收 17,000.00 元').waitFor();
    await check(t, s, 'fee-applications');
    await s.page.goto(`${server.url}/orders/${orderId}/products`);
    await s.page.locator('[data-fee-computation]').getByText('前期服务费：固定金额 2,000.00 元').waitFor();
    await check(t, s, 'fee-order-products');

    await p.page.goto(`${server.url}/orders/${orderId}/collection-plan`);
    const proposed = p.page.locator('[data-current-plan] [data-proposed]');
    await proposed.waitFor();
    t.is(await proposed.count(), 1);
    await check(t, p, 'fee-collection-plan');
  });
}

test.serial('[390] 钱运营 splits one total fee by a share (按比例拆分): a live computation, a bad share refused at its field, and the stored rule opens as it was saved', async (t) => {
  const tag = String(randomInt(1e5, 1e6));
  const categories = (await must(OPS, 'GET', '/product-categories')).items as any[];
  const product = await must(OPS, 'POST', '/products', {
    name: `比例拆分贷${tag}`, categoryCode: categories[0].code, institution: '建设银行', defaultServiceFeeFen: 300_000,
    amountFen: { min: 0, max: 900_000_000 }, termMonths: { min: 6, max: 36 }, annualRatePercent: { min: '3.65', max: '6' },
    repaymentMethods: ['equal_installment'], requiredDocuments: [], active: true, requirements: [],
  });

  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/products/${product.id}`, OPS);
  const editor = p.page.locator('[data-fee-rule]');
  const preview = editor.locator('[data-fee-preview]');
  await editor.waitFor();
  t.is(await editor.locator('[data-part="total"]').count(), 0, 'a new rule starts as two parts');
  await editor.locator('[data-split]').selectOption('share');
  await editor.locator('[data-part="total"]').waitFor();
  t.is(await editor.locator('[data-part="upFront"], [data-part="success"]').count(), 0, 'one total instead of the two parts');
  t.deepEqual(await editor.locator('[data-part="total"] select').first().locator('option').allTextContents(), ['固定金额', '按比例', '分档'], 'the total cannot be 不收取');
  await editor.locator('[name="fee-total-rate"]').fill('2');
  await editor.locator('[name="fee-upFrontShare"]').fill('130');
  await editor.locator('[data-fee-save]').click();
  await editor.locator('.van-field__error-message', { hasText: '不能超过 100%' }).waitFor();
  t.false((await must(OPS, 'GET', `/products/${product.id}/fee-rule`)).custom, 'nothing saved');

  await editor.locator('[name="fee-upFrontShare"]').fill('30');
  await preview.getByText('服务费总额：按放款金额 1,000,000.00 元 × 2% = 20,000.00 元；其中 30% 前期收取').waitFor();
  await preview.getByText('前期服务费：服务费总额 20,000.00 元 × 30%（四舍五入到分）= 6,000.00 元').waitFor();
  await preview.getByText('成功服务费：服务费总额 20,000.00 元 − 前期服务费 6,000.00 元 = 14,000.00 元').waitFor();
  await editor.locator('[name="fee-sample"]').fill('500000');
  await preview.getByText('前期服务费：服务费总额 10,000.00 元 × 30%（四舍五入到分）= 3,000.00 元').waitFor();
  await check(t, p, 'fee-rule-share');
  await editor.locator('[data-fee-save]').click();
  await p.page.getByText('已保存').first().waitFor();
  const saved = await must(OPS, 'GET', `/products/${product.id}/fee-rule`);
  t.deepEqual(saved.rule, { split: 'share', total: { kind: 'rate', base: 'disbursed', ratePercent: '2', minFen: null, maxFen: null }, upFrontSharePercent: '30' });

  // Opened again, the stored share rule is in the form as it was saved, and computes the same.
  await p.page.reload();
  await editor.locator('[data-part="total"]').waitFor();
  t.is(await editor.locator('[data-split]').inputValue(), 'share');
  t.is(await editor.locator('[name="fee-upFrontShare"]').inputValue(), '30');
  t.is(await editor.locator('[name="fee-total-rate"]').inputValue(), '2');
  await preview.getByText('前期服务费：服务费总额 20,000.00 元 × 30%（四舍五入到分）= 6,000.00 元').waitFor();

  // Back to two parts: the parts' own computation, and the share rule's fields wait for a switch back.
  await editor.locator('[data-split]').selectOption('parts');
  await editor.locator('[name="fee-upFront-amount"]').fill('2000');
  await preview.getByText('前期服务费：固定金额 2,000.00 元').waitFor();
  t.is(await preview.getByText('服务费总额').count(), 0);
  await editor.locator('[data-split]').selectOption('share');
  t.is(await editor.locator('[name="fee-upFrontShare"]').inputValue(), '30');
  t.deepEqual(unexpected(p), []);
});

test.serial('[390] 赵财务 decides a lowered success fee on the approval screen, which says which order and product, the fee before and after, and why', async (t) => {
  const FINANCE = '13800000004';
  const ADMIN = '13800000000';
  const flows = await must(ADMIN, 'GET', '/approval-flows');
  if (!flows.items.some((f: { businessType: string }) => f.businessType === 'fee_adjustment')) {
    await must(ADMIN, 'POST', '/approval-flows', {
      businessType: 'fee_adjustment', name: '服务费调整', noApproverRule: 'admin',
      nodes: [{ key: 'finance', name: '财务审核', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
    });
  }
  const tag = String(randomInt(1e5, 1e6));
  const categories = (await must(OPS, 'GET', '/product-categories')).items as any[];
  const product = await must(OPS, 'POST', '/products', {
    name: `调减贷${tag}`, categoryCode: categories[0].code, institution: '招商银行', defaultServiceFeeFen: 300_000,
    amountFen: { min: 0, max: 900_000_000 }, termMonths: { min: 6, max: 36 }, annualRatePercent: { min: '3.65', max: '6' },
    repaymentMethods: ['equal_installment'], requiredDocuments: [], active: true, requirements: [],
  });
  const rule = await must(OPS, 'GET', `/products/${product.id}/fee-rule`);
  await must(OPS, 'PUT', `/products/${product.id}/fee-rule`, {
    version: rule.version, rule: { split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5' } },
  });
  const inquiry = await must(SUN, 'POST', '/inquiries', {
    companyName: `青松贸易${tag}有限公司`, mobile: aMobile(), contactName: '松青', gender: 'female', level: 'A', source: '电销', propertyType: '按揭房',
    remark: '流水贷', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const title = `经营贷${tag}`;
  const orderId = (await must(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title })).id as string;
  const line = (await must(SUN, 'PUT', `/orders/${orderId}/product-lines`, { version: 0, lines: [{ productId: product.id }] })).lines[0];
  const move = async (version: number, event: Record<string, unknown>) => must(SUN, 'POST', `/orders/${orderId}/product-lines/${line.id}/application-events`, { version, event });
  let l = await move(1, { type: 'submit' });
  l = await move(l.version, { type: 'approve', approvedAmountFen: 200_000_000, annualRatePercent: '3.85', termMonths: 12 });
  await must(OPS, 'PUT', `/orders/${orderId}/collection-plan`, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: localDate(new Date(Date.now() + 20 * 86_400_000), 'Asia/Shanghai') } });
  l = await move(l.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: localDate(new Date(), 'Asia/Shanghai') });
  // The bank's figure was 800,000 元: the customer would owe 3,000 元 less, after the plan was agreed.
  await must(SUN, 'POST', `/orders/${orderId}/product-lines/${line.id}/disbursement-correction`, { version: l.version, disbursedAmountFen: 80_000_000, reason: '银行回单金额有误' });
  const [adjustment] = (await must(SUN, 'GET', `/orders/${orderId}/product-lines/${line.id}/fee`)).adjustments;
  const task = (await must(FINANCE, 'GET', '/approval-tasks?limit=100')).items.find((x: { businessId: string }) => x.businessId === adjustment.id);
  t.truthy(task, 'a task for finance');

  const zhao = await browser.page(PHONE);
  await signInThroughPage(zhao, `${server.url}/approvals/${task.instanceId}`, FINANCE);
  const business = zhao.page.locator('[data-business]');
  await business.locator('[data-field="title"]').getByText(title).waitFor();
  const field = async (key: string) => ((await business.locator(`[data-field="${key}"]`).textContent()) ?? '').trim();
  t.is(await field('product'), `调减贷${tag}（招商银行）`);
  t.is(await field('feeKind'), '成功服务费调减');
  t.is(await field('feeBefore'), '15,000');
  t.is(await field('feeAfter'), '12,000');
  t.is(await field('reason'), '银行回单金额有误');
  t.regex(await field('explanation'), /放款 800,000\.00 元.*成功服务费由 15,000\.00 元变为 12,000\.00 元，减少 3,000\.00 元/);
  t.is(await business.locator('[data-field="refund"]').count(), 0, 'nothing was collected, so nothing to refund');
  await check(t, zhao, 'fee-adjustment-approval');
  await zhao.page.locator('[data-act="approve"]').click();
  await zhao.page.locator('[data-field="instance-status"]').getByText('已通过').waitFor();
  t.is((await must(SUN, 'GET', `/orders/${orderId}/product-lines/${line.id}/fee`)).successDueFen, 1_200_000, 'the lower fee is owed once approved');
});
