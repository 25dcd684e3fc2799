// The whole sales flow, steps 1–8, walked by 孙露露 through the screens alone, at phone and desk sizes: from the
// home screen she opens 咨询 → 新建咨询, fills every field and 生成, follows up (type, 常用语, re-grade, 生成),
// creates the 订单 from the inquiry, completes the profile with the ID card photo, writes the plan with an
// attachment, submits it to herself, records, uploads and confirms the contract, matches products
// automatically and by hand, and takes an application 提交申请 → 批核 → 放款. Nothing is set up through the
// API: it is used only at the end, to check what the screens saved. Every screen the walk passes through is
// checked with axe (one known finding named below); the console stays clean but for the one refusal named.
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, DEMO_PASSWORD, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { makeResidentId, makeUscc, parseResidentId } from '../../core/identity/index.js';
import { PDF_MINIMAL } from '../core/files/samples.js';

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

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A bank card number whose check digit passes Luhn, so no warning needs confirming. */
function luhnCard(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

async function api(method: string, path: string, body?: unknown): Promise<any> {
  const r = await server.call(method, V + path, { token: await server.token(SUN), ...(body === undefined ? {} : { body }) });
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const fieldError = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) }).locator('.van-field__error-message');

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;
  test.serial(`[${w}] 孙露露 takes a new inquiry to a disbursed application through the screens alone (steps 1–8)`, async (t) => {
    const started = Date.now();
    const p = await browser.page(size);
    const page = p.page;
    page.setDefaultTimeout(40_000); // the shared 2-core machine: a lazy screen may take a while to arrive
    const axe: string[] = [];
    const screens: string[] = [];
    /** The screen as it is now: a screenshot and axe's serious/critical findings, kept for the end. */
    const look = async (name: string): Promise<void> => {
      await page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
      await page.locator('.van-toast').first().waitFor({ state: 'hidden' }).catch(() => {});
      // Dialogs fade in and out: judge the colours once every transition has finished.
      await page.evaluate(() => Promise.all((globalThis as any).document.getAnimations().map((a: any) => a.finished.catch(() => {}))));
      await p.screenshot(`walk-${name}`);
      screens.push(name);
      for (const v of await p.axe()) axe.push(`${name}: ${v}`);
    };
    const tag = String(randomInt(1e6, 1e7));
    const v = { company: `云舟走查${tag}有限公司`, mobile: aMobile(), name: `郑${w}` };

    // ── sign in, home ──
    await page.goto(server.url + '/');
    await page.waitForURL(/\/login/);
    await look('login');
    await page.getByLabel('手机号').fill(SUN);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('[data-module="inquiries"]').waitFor();
    await look('home');

    // ── step 1: 咨询 → 新建咨询, every field, 生成, save ──
    await page.locator('[data-module="inquiries"]').click();
    await page.waitForURL((u) => u.pathname === '/inquiries');
    await page.locator('[data-total]').waitFor();
    await look('inquiries');
    await page.locator('[data-new-inquiry]').click();
    await page.waitForURL(/\/inquiries\/new$/);
    await page.getByLabel('企业名称').fill(v.company);
    await page.getByLabel('客户手机号码').fill(v.mobile);
    await page.getByLabel('客户姓名').fill(v.name);
    await page.getByRole('radio', { name: '男' }).click();
    await page.getByRole('radio', { name: /B类/ }).click();
    await page.getByRole('radio', { name: '电销' }).click();
    await page.getByRole('radio', { name: '按揭房' }).click();
    await page.getByLabel('客户备注').fill('需要额度高');
    t.is(await page.getByLabel('负责人').inputValue(), '孙露露', 'a sales person owns what she creates');
    const department = (await page.locator('#inquiry-department option:not([value=""])').first().innerText()).trim();
    await page.getByLabel('所属部门').selectOption({ label: department });
    await page.locator('[data-duplicates]').getByText('未发现重复').waitFor();
    await page.locator('[data-generate]').click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector('input[type=datetime-local]').value !== '');
    await look('inquiry-new');
    await page.locator('[data-submit]').click();
    await page.waitForURL(/\/inquiries\/[0-9a-f-]{36}$/);
    const inquiryId = page.url().split('/').pop() as string;
    await page.getByText(v.company).first().waitFor();
    await look('inquiry-detail');

    // ── step 2: 跟进 with a type, a 常用语, a re-grade and 生成 ──
    await page.locator('[data-action="follow-up"]').click();
    await page.waitForURL(/\/follow-up$/);
    await page.waitForFunction((name) => (globalThis as any).document.querySelector('[name=customer]')?.value.startsWith(name), v.name);
    await page.getByRole('radio', { name: '产品方案' }).click();
    await page.getByLabel('跟进内容').fill('介绍了税贷产品');
    await page.locator('[data-phrases]').click();
    await page.getByRole('button', { name: '税贷、发票贷都能做' }).click();
    t.is(await page.getByLabel('跟进内容').inputValue(), '介绍了税贷产品，税贷、发票贷都能做');
    await page.getByRole('radio', { name: /A类/ }).click();
    await page.locator('[data-generate]').click();
    // 生成 gives the server's next time for an A-level customer (checked within two minutes, shown in Beijing time).
    const aNext = new Date((await api('GET', '/inquiries/next-follow-up?level=A')).nextFollowUpAt).getTime();
    await page.waitForFunction((expected) => {
      const value = (globalThis as any).document.querySelector('input[type=datetime-local]').value as string;
      return value !== '' && Math.abs(new Date(`${value}:00+08:00`).getTime() - expected) < 120_000;
    }, aNext);
    const followNext = await page.getByLabel('下次跟进时间').inputValue();
    await look('follow-up-new');
    await page.locator('[data-submit]').click();
    await page.waitForURL(new RegExp(`/inquiries/${inquiryId}$`));
    await page.locator('[data-follow-up]').first().waitFor();
    await look('inquiry-after-follow-up');

    // ── step 3: 订单 from the inquiry → the order screen ──
    await page.locator('[data-action="order"]').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = page.url().split('/').pop() as string;
    await page.locator('[data-stage="initial_contact"][aria-current="step"]').waitFor();
    await look('order-new');

    // ── step 4: 完善信息 with a valid ID number and tax id, the ID card photo ──
    await page.getByRole('link', { name: /完善信息/ }).click();
    await page.waitForURL(/\/profile$/);
    const idNumber = makeResidentId({ region: '320525', birthDate: `${new Date().getFullYear() - 46}-03-15`, sequence: randomInt(50, 499) * 2 + 1, gender: 'male' });
    const age = parseResidentId(idNumber, new Date()).age;
    const taxId = makeUscc(`91320506MA${tag}`);
    await page.locator('[name="taxId"]').fill(taxId);
    await page.locator('[name="legalPersonIdNumber"]').fill(idNumber);
    await page.locator('[data-field="age"]').filter({ hasText: `${age} 岁（男）` }).waitFor();
    t.is(await fieldError(p, 'taxId').count(), 0);
    t.is(await fieldError(p, 'legalPersonIdNumber').count(), 0);
    await page.locator('[name="legalPersonName"]').fill('郑盛');
    await page.locator('[name="legalPersonMobile"]').fill(v.mobile);
    const card = luhnCard('622202020000123456');
    await page.locator('[name="bankCard"]').fill(card);
    await page.locator('[name="bankBranch"]').fill('招商银行苏州分行');
    await page.locator('[name="homeAddress"]').fill('江苏省苏州市吴中区');
    await page.getByRole('radio', { name: '已婚' }).click();
    await page.locator('[name="contactName"]').fill('郑小明');
    await page.locator('[name="contactRelationship"]').fill('财务');
    t.is(await page.locator('[data-luhn-warning]').count(), 0, 'a card that passes Luhn needs no confirmation');
    await page.locator('#file-id_card_front').setInputFiles({ name: '身份证正面.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('[data-file="id_card_front"] [data-current]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await look('order-profile');
    await page.getByRole('button', { name: '订单详情' }).click();
    await page.waitForURL(`${server.url}/orders/${orderId}`);
    await page.getByRole('button', { name: '下一步：方案洽谈' }).click();
    await page.locator('[data-stage="plan_negotiation"][aria-current="step"]').waitFor();
    await look('order-plan-negotiation');

    // ── step 5: 编写方案 with an attachment, 提交到下一步 to herself ──
    await page.getByRole('link', { name: /编写方案/ }).click();
    await page.waitForURL(/\/plan$/);
    await page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
    await page.locator('[name="projectName"]').fill(`${v.company} 流动资金贷款`);
    await page.locator('[name="overview"]').fill('成立五年，年开票 3000 万，纳税 A 级，征信良好。');
    await page.locator('[name="expectedCompletion"]').fill(inDays(60));
    await page.locator('[name="financialPlan"]').fill('采购原材料 150 万，周转 50 万。');
    await page.locator('[name="financingAdvice"]').fill('先做税贷 100 万，再配抵押贷 100 万。');
    await page.locator('#file-plan_attachment').setInputFiles({ name: '方案说明.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
    await page.locator('[data-file="plan_attachment"] [data-current]').filter({ hasText: '方案说明.pdf' }).waitFor();
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.getByText('已保存').waitFor();
    await look('order-plan');
    await page.getByRole('button', { name: '提交到下一步' }).click();
    await page.waitForURL(/\/submit$/);
    await page.locator('#next-handler option', { hasText: '孙露露' }).waitFor({ state: 'attached' });
    await page.locator('[name="remark"]').fill('方案已写好，由我继续签合同和匹配产品');
    await page.locator('#next-handler').selectOption({ label: '孙露露' });
    await look('order-submit');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(`${server.url}/orders/${orderId}`);
    await page.locator('[data-stage="application_approval"][aria-current="step"]').waitFor();
    t.regex(await page.locator('[data-field="handler"]').innerText(), /孙露露/);
    await look('order-submitted');

    // ── step 6: 合同, fill, upload the scan, confirm ──
    await page.getByRole('link', { name: /^合同\s*未确认/ }).click();
    await page.waitForURL(/\/contract$/);
    await page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
    const contractNumber = `HT-${tag}-${w}`;
    await page.locator('[name="number"]').fill(contractNumber);
    await page.locator('[name="amount"]').fill('200000');
    await page.locator('[data-upper]').filter({ hasText: '贰拾万元整' }).waitFor();
    await page.locator('[name="firmParty"]').fill('大鑫金服');
    await page.getByRole('button', { name: '保存合同' }).click();
    await page.getByText('已保存').waitFor();
    await page.locator('#file-contract_scan').setInputFiles({ name: '服务合同.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
    await page.locator('[data-file="contract_scan"] [data-current]').waitFor();
    await page.getByRole('button', { name: '确认合同' }).click();
    await page.locator('[data-confirmed]').waitFor();
    await look('order-contract');
    await page.locator('.van-nav-bar__left').getByText('返回').click();
    await page.waitForURL(`${server.url}/orders/${orderId}`);

    // ── step 7: 产品匹配, 自动匹配 with reasons, one by 手动匹配, 下一步 ──
    await page.getByRole('link', { name: /产品匹配/ }).click();
    await page.waitForURL(/\/products$/);
    const first = page.locator('.match').first();
    await first.locator('.reasons li').first().waitFor();
    const matches = (await api('GET', `/orders/${orderId}/product-matches`)).items;
    const autoPick = matches[0];
    t.is(await first.getAttribute('data-product'), autoPick.product.name, 'the server’s ranking');
    t.deepEqual(await first.locator('.reasons li .reason-text').allInnerTexts(), autoPick.reasons.map((r: any) => r.zh), 'every reason shown');
    await look('products-auto');
    await first.getByRole('button', { name: '选择' }).click();
    await page.getByRole('tab', { name: '手动匹配' }).click();
    await page.locator('.van-sidebar-item', { hasText: '企业信贷' }).click();
    await page.locator('[data-counts]').waitFor();
    const manual = page.locator('.catalogue [data-product]').filter({ has: page.getByRole('button', { name: '选择' }) }).first();
    const manualName = (await manual.getAttribute('data-product')) as string;
    await manual.getByRole('button', { name: '选择' }).click();
    await page.locator(`.line[data-line="${manualName}"]`).waitFor();
    await look('products-manual');
    await page.getByRole('button', { name: '下一步' }).click();
    // 下一步 saves the lines first; moving on then needs the internal review (step 9, the approver's), so the
    // server refuses it and its message is shown; she goes on to the applications from the order detail.
    const refused = page.locator('.yz-notice').filter({ hasText: '内部审核尚未通过' });
    const advanced = page.waitForURL(/\/applications$/, { timeout: 20_000 }).then(() => 'advanced' as const);
    const outcome = await Promise.race([advanced, refused.waitFor().then(() => 'refused' as const)]);
    advanced.catch(() => {});
    if (outcome === 'refused') {
      t.is(await refused.innerText(), '「申请批核」还不能「下一步」：内部审核尚未通过，请等待审批完成', 'the server’s message');
      await look('products-refused');
      await page.locator('.van-nav-bar__left').getByText('返回').click();
      await page.waitForURL(`${server.url}/orders/${orderId}`);
      await page.getByRole('link', { name: /产品申请/ }).click();
      await page.waitForURL(/\/applications$/);
    }

    // ── step 8: 提交申请 → 批核 → 放款 with an amount ──
    const app = page.locator('.app').first();
    await app.locator('[data-status]').getByText('待申请').waitFor();
    await look('applications');
    await app.getByRole('button', { name: '提交申请' }).click();
    await app.locator('[data-status]').getByText('申请中').waitFor();
    await app.getByRole('button', { name: '批核通过' }).click();
    const approve = page.getByRole('dialog');
    await approve.getByLabel('批核金额（元）').fill('1000000');
    await approve.getByLabel('年化利率（%）').fill('3.85');
    await approve.getByLabel('期限（月）').fill('12');
    await look('applications-approve');
    await approve.getByRole('button', { name: '确定' }).click();
    await app.locator('[data-status]').getByText('已批核').waitFor();
    await app.getByRole('button', { name: '放款' }).click();
    const disburse = page.getByRole('dialog');
    await disburse.getByLabel('放款金额（元）').fill('876543.21');
    await look('applications-disburse');
    await disburse.getByRole('button', { name: '确定' }).click();
    await app.locator('[data-status]').getByText('已放款').waitFor();
    await page.locator('[data-disbursed]').filter({ hasText: '876,543.21' }).waitFor();
    await look('applications-disbursed');
    await p.close();
    const walked = Date.now() - started;

    // ── the results, through the API only ──
    const inquiry = await api('GET', `/inquiries/${inquiryId}`);
    t.like(inquiry, { companyName: v.company, mobile: v.mobile, contactName: v.name, gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '需要额度高', ownerName: '孙露露' });
    const departments = (await api('GET', '/departments')).items as { id: string; name: string }[];
    t.is(inquiry.departmentId, departments.find((d) => d.name === department)?.id, 'the department she chose');
    t.is(inquiry.nextFollowUpAt.slice(0, 16), new Date(`${followNext}:00+08:00`).toISOString().slice(0, 16), 'the next time 生成 filled at the follow-up');
    t.is(inquiry.lifecycle, 'customer', 'a confirmed contract made the record a customer');
    const followUps = (await api('GET', `/inquiries/${inquiryId}/follow-ups`)).items;
    t.deepEqual(followUps.map((f: any) => [f.type, f.content, f.levelBefore, f.levelAfter]), [['产品方案', '介绍了税贷产品，税贷、发票贷都能做', 'B', 'A']]);

    const profile = await api('GET', `/orders/${orderId}/profile`);
    t.like(profile, { taxId, legalPersonName: '郑盛', legalPersonAge: age, legalPersonGender: 'male', maritalStatus: 'married', contactRelationship: '财务', bankCardLuhnValid: true });
    t.is(profile.bankCard, `****${card.slice(-4)}`);
    t.true(profile.completeness.complete);
    const files = (await api('GET', `/files?subjectType=order&subjectId=${orderId}`)).items;
    t.deepEqual(files.map((f: any) => f.kind).sort(), ['contract_scan', 'id_card_front', 'plan_attachment']);
    const plan = await api('GET', `/orders/${orderId}/plan`);
    t.like(plan.plan, { expectedCompletion: inDays(60), financingAdvice: '先做税贷 100 万，再配抵押贷 100 万。' });
    t.is(plan.attachment.originalName, '方案说明.pdf');
    const contract = (await api('GET', `/orders/${orderId}/contract`)).contract;
    t.like(contract, { number: contractNumber, amountFen: 20_000_000, firmParty: '大鑫金服' });
    t.truthy(contract.confirmedAt);
    const lines = await api('GET', `/orders/${orderId}/product-lines`);
    t.deepEqual(lines.lines.map((l: any) => l.productName), [autoPick.product.name, manualName]);
    const order = await api('GET', `/orders/${orderId}`);
    t.is(order.order.amounts.disbursedFen, 87_654_321, 'the disbursed amount she typed');
    t.is(order.order.handlerName, '孙露露');
    const actions = (order.timeline as { action: string }[]).map((a) => a.action);
    t.deepEqual(actions, [
      'order.created', // step 3
      'file.uploaded', 'order.profile_updated', 'order.stage_changed', // step 4: the photo, the profile, 下一步
      'file.uploaded', 'order.plan_saved', 'order.stage_changed', // step 5: the attachment, the plan, 提交到下一步 (to herself)
      'order.contract_saved', 'file.uploaded', 'order.contract_confirmed', // step 6
      'products.lines_saved', // step 7
      'application.submit', 'application.approve', 'application.disburse', // step 8
    ]);
    t.deepEqual(axe, [], `axe on ${screens.join(', ')}`);
    // The one refusal the walk meets on purpose: 下一步 on 产品匹配 before the internal review, a 422.
    const refusal = 'console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)';
    t.deepEqual(p.problems, outcome === 'refused' ? [refusal] : [], 'no console errors but the named refusal');
    t.log(`[${w}] walked ${screens.length} screens in ${(walked / 1000).toFixed(1)} s (${outcome} at 下一步)`);
  });
}
