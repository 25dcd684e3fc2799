// The orders area of the console (steps 3–6) in a real browser, at phone and desk sizes: 孙露露 finds her new
// order in the list, opens it, completes the enterprise profile (an invalid ID number and tax id refused at
// their fields with the GB rules' messages, the age from a valid number, the Luhn warning confirmed, an 8 MB
// phone photo shrunk below 5 MB and uploaded), moves it on, writes the plan with an attachment (an oversized
// PDF refused with the server's message), submits it to 王经理, records, uploads and confirms the contract and
// opens its PDF. The API is used only to set up the order and to check what the screens saved.
import test from 'ava';
import { consoleServer, DEMO_PASSWORD, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { makeResidentId, parseResidentId } from '../../core/identity/index.js';
import { normalizeUscc } from '../../core/identity/index.js';
import { PDF_MINIMAL } from '../core/files/samples.js';
import { aCompany, aUscc } from '../adapters/orders/order-builders.js';
import type { DomainError } from '../../core/shared/domain-error.js';

let server: ConsoleServer;
let browser: Browser;
let token: string;
let wangId: string;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  token = await server.token('13800000001');
  const users = await server.call('GET', '/api/v1/users?limit=100', { token });
  wangId = (users.body.items as { id: string; name: string }[]).find((u) => u.name === '王经理')?.id as string;
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const MB = 1024 * 1024;
const BROCHURE_ID = '320525197009184885'; // the brochure's number: its check character is wrong
const BAD_TAX_ID = '123456789987654321';
const LUHN_FAILING_CARD = '6227895643156487';

function ruleMessage(rule: () => unknown): string {
  try {
    rule();
  } catch (e) {
    return (e as DomainError).text.zh;
  }
  throw new Error('the rule accepted the value');
}

/** Step 3 as the inquiries screen will do it: an inquiry of hers and an order from it (setup through the API). */
async function newOrder(): Promise<{ id: string; company: string }> {
  const company = aCompany('云舟测试');
  const inquiry = await server.call('POST', '/api/v1/inquiries', {
    token,
    body: {
      companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '浏览器测试',
      nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  if (inquiry.status !== 201) throw new Error(JSON.stringify(inquiry.body));
  const order = await server.call('POST', '/api/v1/orders', { token, body: { inquiryId: inquiry.body.id, title: '企业信用贷' } });
  if (order.status !== 201) throw new Error(JSON.stringify(order.body));
  return { id: order.body.id, company };
}

async function signIn(p: TestPage, path: string): Promise<void> {
  await signInThroughPage(p, server.url + path, '13800000001');
  await p.page.waitForURL(server.url + path);
}

const fieldError = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) }).locator('.van-field__error-message');

/** A phone-sized photo of about 8 MB: random noise drawn on a canvas in the page and encoded as JPEG there. */
async function bigPhoto(p: TestPage): Promise<Buffer> {
  const base64 = (await p.page.evaluate(`(async () => {
    const w = 4000, h = 2600; // a 10-megapixel phone photo
    const canvas = document.createElement('canvas');
    canvas.width = w; canvas.height = h;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(w, h);
    for (let i = 0; i < img.data.length; i += 65536) crypto.getRandomValues(img.data.subarray(i, Math.min(i + 65536, img.data.length)));
    for (let i = 3; i < img.data.length; i += 4) img.data[i] = 255;
    ctx.putImageData(img, 0, 0);
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 32768) s += String.fromCharCode(...bytes.subarray(i, i + 32768));
    return btoa(s);
  })()`)) as string;
  return Buffer.from(base64, 'base64');
}

/** The screen has loaded and a passing toast (已保存, which fades and would be judged mid-fade) has gone. */
/** The photo as a phone writes it when held upright: the same pixels with EXIF orientation 6 (turn 90° clockwise). */
function turnedUpright(jpeg: Buffer): Buffer {
  const tiff = Buffer.from('4d4d002a00000008' + '0001' + '011200030000000100060000' + '00000000', 'hex');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 2 + 6 + tiff.length]), Buffer.from('Exif\0\0', 'latin1'), tiff]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** Width and height from a JPEG's frame header (SOF0–SOF2). */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  for (let i = 2; i + 9 < jpeg.length; ) {
    if (jpeg[i] !== 0xff) throw new Error(`not a marker at ${i}`);
    const marker = jpeg[i + 1] as number;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('no frame header');
}

async function settle(p: TestPage): Promise<void> {
  await p.page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await p.page.locator('.van-toast').first().waitFor({ state: 'hidden' });
}

async function check(t: import('ava').ExecutionContext, p: TestPage, name: string): Promise<void> {
  await settle(p);
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`孙露露 takes a new order through steps 4–6 on the screens at ${size.width}px`, async (t) => {
    const { id, company } = await newOrder();
    const p = await browser.page(size);
    await signIn(p, '/orders');

    // 订单 list: 共N条 with the totals, search finds hers, a row opens the detail.
    await p.page.locator('[data-total]').waitFor();
    const all = await server.call('GET', '/api/v1/orders?withTotal=true&limit=1', { token });
    t.regex(await p.page.locator('[data-total]').innerText(), new RegExp(`共${all.body.total}条`));
    await check(t, p, 'orders-list');
    await p.page.getByRole('searchbox').fill(company);
    await p.page.getByRole('searchbox').press('Enter');
    await p.page.locator('[data-total]').filter({ hasText: '共1条' }).waitFor();
    await p.page.locator(`[data-order="${id}"]`).click();
    await p.page.waitForURL(`${server.url}/orders/${id}`);

    // 订单详情: the firm's stages with percentages, the first one current; amounts in yuan.
    await p.page.locator('[data-stage="initial_contact"][aria-current="step"]').waitFor();
    t.regex(await p.page.locator('[data-stage="initial_contact"]').innerText(), /初次沟通\s*20%/);
    t.regex(await p.page.locator('[data-stage="completed"]').innerText(), /订单完成\s*100%/);
    t.regex(await p.page.locator('[data-amount="receivable"]').innerText(), /应回款\s*0/);
    t.regex(await p.page.locator('[data-unmet]').innerText(), /完善企业信息/);
    t.true(await p.page.getByRole('button', { name: /^下一步/ }).isDisabled());
    await check(t, p, 'order-detail');

    // 完善信息 (step 4).
    await p.page.getByRole('link', { name: /完善信息/ }).click();
    await p.page.waitForURL(/\/profile$/);
    await p.page.locator('[name="taxId"]').fill(BAD_TAX_ID);
    await fieldError(p, 'taxId').waitFor();
    t.is(await fieldError(p, 'taxId').innerText(), ruleMessage(() => normalizeUscc(BAD_TAX_ID)));
    t.regex(await fieldError(p, 'taxId').innerText(), /GB 32100/);
    await p.page.locator('[name="legalPersonIdNumber"]').fill(BROCHURE_ID);
    await fieldError(p, 'legalPersonIdNumber').waitFor();
    t.is(await fieldError(p, 'legalPersonIdNumber').innerText(), ruleMessage(() => parseResidentId(BROCHURE_ID, new Date())));
    t.regex(await fieldError(p, 'legalPersonIdNumber').innerText(), /GB 11643/);
    await check(t, p, 'order-profile-errors');
    // The save is refused on the device while the fields are wrong.
    await p.page.getByRole('button', { name: '保存' }).click();
    await p.page.getByRole('alert').filter({ hasText: '请先改正标红的内容' }).waitFor();

    const birth = `${new Date().getFullYear() - 46}-01-15`;
    const validId = makeResidentId({ region: '320525', birthDate: birth, sequence: 488, gender: 'female' });
    const expectedAge = parseResidentId(validId, new Date()).age;
    await p.page.locator('[name="legalPersonIdNumber"]').fill(validId);
    await p.page.locator('[data-field="age"]').waitFor();
    t.regex(await p.page.locator('[data-field="age"]').innerText(), new RegExp(`${expectedAge} 岁（女）`));
    t.is(await fieldError(p, 'legalPersonIdNumber').count(), 0);
    const taxId = aUscc();
    await p.page.locator('[name="taxId"]').fill(taxId);
    await fieldError(p, 'taxId').waitFor({ state: 'detached' });
    await p.page.locator('[name="legalPersonName"]').fill('郑盛');
    await p.page.locator('[name="legalPersonMobile"]').fill(aMobile());
    await p.page.locator('[name="bankCard"]').fill(LUHN_FAILING_CARD);
    await p.page.locator('[data-luhn-warning]').waitFor();
    await p.page.locator('[name="bankBranch"]').fill('招商银行苏州分行');
    await p.page.locator('[name="homeAddress"]').fill('江苏省苏州市吴中区');
    await p.page.getByRole('radio', { name: '已婚' }).click();
    await p.page.locator('[name="taxSecrets"]').fill('电子税务局 账号 zhengsheng 密码 ******');
    await p.page.locator('[name="contactName"]').fill('郑小明');
    await p.page.locator('[name="contactRelationship"]').fill('财务');
    // Without the confirmation the card is not sent.
    await p.page.getByRole('button', { name: '保存' }).click();
    await fieldError(p, 'bankCard').filter({ hasText: 'Luhn' }).waitFor();
    await p.page.getByRole('checkbox', { name: '我已核对，卡号无误' }).click();
    await check(t, p, 'order-profile-filled');

    // An 8 MB photo of the ID card is shrunk below 5 MB in the browser and uploaded.
    const photo = turnedUpright(await bigPhoto(p)); // 4000×2600 pixels, shown upright as 2600×4000
    t.true(photo.length > 7 * MB && photo.length < 12 * MB, `photo of ${photo.length} bytes`);
    await p.page.locator('#file-id_card_front').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
    await p.page.locator('[data-file="id_card_front"] [data-current]').waitFor({ timeout: 60_000 });
    t.regex(await p.page.locator('[data-file="id_card_front"] [data-shrunk]').innerText(), /压缩为/);
    const files = await server.call('GET', `/api/v1/files?subjectType=order&subjectId=${id}`, { token });
    const front = (files.body.items as { id: string; kind: string; sizeBytes: number; contentType: string; fileName: string }[]).find((f) => f.kind === 'id_card_front');
    t.truthy(front);
    t.true((front?.sizeBytes ?? Infinity) <= 5 * MB, `stored ${front?.sizeBytes} bytes`);
    t.is(front?.contentType, 'image/jpeg');
    t.is(front?.fileName, 'IMG_2041.jpg');
    const stored = await fetch(`${server.url}/api/v1/files/${front?.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    const shrunk = jpegSize(Buffer.from(await stored.arrayBuffer()));
    t.true(shrunk.height > shrunk.width, `the EXIF orientation is applied: ${shrunk.width}×${shrunk.height}`);

    await p.page.getByRole('button', { name: '保存' }).click();
    await p.page.getByText('已保存').waitFor();
    const profile = await server.call('GET', `/api/v1/orders/${id}/profile`, { token });
    t.is(profile.status, 200);
    t.is(profile.body.taxId, taxId);
    t.is(profile.body.legalPersonName, '郑盛');
    t.is(profile.body.legalPersonAge, expectedAge);
    t.is(profile.body.legalPersonGender, 'female');
    t.is(profile.body.bankCard, '****6487');
    t.false(profile.body.bankCardLuhnValid);
    t.true(profile.body.bankCardLuhnConfirmed);
    t.is(profile.body.maritalStatus, 'married');
    t.is(profile.body.taxSecrets, '******', 'a sales person sees the tax secrets masked');
    t.is(profile.body.contactRelationship, '财务');
    t.true(profile.body.completeness.complete);
    // What she may not read stays masked on her screen: the field is empty, its hint is the masked value.
    t.is(await p.page.locator('[name="bankCard"]').inputValue(), '');
    t.regex((await p.page.locator('[name="bankCard"]').getAttribute('placeholder')) ?? '', /\*\*\*\*6487/);
    t.is(await p.page.locator('[name="taxSecrets"]').inputValue(), '');
    t.regex(await p.page.locator('[data-field="age"]').innerText(), new RegExp(`${expectedAge} 岁`));

    // 下一步 on the detail, now that the profile is complete.
    await p.page.getByRole('button', { name: '订单详情' }).click();
    await p.page.waitForURL(`${server.url}/orders/${id}`);
    await p.page.getByRole('button', { name: '下一步：方案洽谈' }).click();
    await p.page.locator('[data-stage="plan_negotiation"][aria-current="step"]').waitFor();

    // 编写方案 (step 5) with an attachment; a PDF over the limit gets the server's refusal.
    await p.page.getByRole('link', { name: /编写方案/ }).click();
    await p.page.waitForURL(/\/plan$/);
    await settle(p);
    await p.page.locator('[name="projectName"]').fill(`${company} 流动资金贷款`);
    await p.page.locator('[name="overview"]').fill('成立五年，年开票 3000 万，纳税 A 级，征信良好。');
    await p.page.locator('[name="expectedCompletion"]').fill(inDays(60));
    await p.page.locator('[name="financialPlan"]').fill('采购原材料 150 万，周转 50 万。');
    await p.page.locator('[name="financingAdvice"]').fill('先做税贷 100 万，再配抵押贷 100 万。');
    const hugePdf = Buffer.concat([PDF_MINIMAL, Buffer.alloc(6 * MB, 0x20)]);
    await p.page.locator('#file-plan_attachment').setInputFiles({ name: '方案.pdf', mimeType: 'application/pdf', buffer: hugePdf });
    const refusal = p.page.locator('[data-file="plan_attachment"] [role="alert"]');
    await refusal.waitFor({ timeout: 60_000 });
    t.regex(await refusal.innerText(), /5 MB/);
    await p.page.locator('#file-plan_attachment').setInputFiles({ name: '方案说明.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
    await p.page.locator('[data-file="plan_attachment"] [data-current]').filter({ hasText: '方案说明.pdf' }).waitFor();
    await p.page.getByRole('button', { name: '保存方案' }).click();
    await p.page.getByText('已保存').waitFor();
    await check(t, p, 'order-plan');
    const plan = await server.call('GET', `/api/v1/orders/${id}/plan`, { token });
    t.is(plan.body.plan.expectedCompletion, inDays(60));
    t.is(plan.body.plan.financingAdvice, '先做税贷 100 万，再配抵押贷 100 万。');
    t.is(plan.body.attachment.originalName, '方案说明.pdf');

    // 提交到下一步 to 王经理.
    await p.page.getByRole('button', { name: '提交到下一步' }).click();
    await p.page.waitForURL(/\/submit$/);
    await settle(p);
    await p.page.getByRole('button', { name: '提交' }).click();
    await fieldError(p, 'remark').waitFor();
    await p.page.locator('[name="remark"]').fill('资料齐全，请王经理审核方案');
    await p.page.locator('#next-handler').selectOption({ label: '王经理' });
    await check(t, p, 'order-submit');
    await p.page.getByRole('button', { name: '提交' }).click();
    await p.page.waitForURL(`${server.url}/orders/${id}`);
    await p.page.locator('[data-stage="application_approval"][aria-current="step"]').waitFor();
    t.regex(await p.page.locator('[data-field="handler"]').innerText(), /王经理/);
    let order = await server.call('GET', `/api/v1/orders/${id}`, { token });
    t.is(order.body.order.handlerId, wangId);
    t.is(order.body.order.stageKey, 'application_approval');
    t.true((order.body.timeline as { action: string }[]).some((a) => a.action === 'order.handed_over'));

    // 合同 (step 6): recorded, the signed copy uploaded, confirmed; the PDF opens.
    await p.page.getByRole('link', { name: /^合同\s*未确认/ }).click();
    await p.page.waitForURL(/\/contract$/);
    await settle(p);
    const number = `HT-${Date.now()}-${size.width}`;
    await p.page.locator('[name="number"]').fill(number);
    await p.page.locator('[name="amount"]').fill('200000');
    await p.page.locator('[data-upper]').filter({ hasText: '贰拾万元整' }).waitFor();
    await p.page.locator('[name="firmParty"]').fill('大鑫金服');
    await p.page.getByRole('button', { name: '保存合同' }).click();
    await p.page.getByText('已保存').waitFor();
    await p.page.locator('#file-contract_scan').setInputFiles({ name: '服务合同.pdf', mimeType: 'application/pdf', buffer: PDF_MINIMAL });
    await p.page.locator('[data-file="contract_scan"] [data-current]').waitFor();
    await p.page.getByRole('button', { name: '确认合同' }).click();
    await p.page.locator('[data-confirmed]').waitFor();
    t.regex(await p.page.locator('[data-confirm-result]').innerText(), /仍在当前阶段[\s\S]*产品/);
    t.truthy(await p.page.locator('[data-stage="application_approval"][aria-current="step"]').count());
    await check(t, p, 'order-contract');
    const contract = await server.call('GET', `/api/v1/orders/${id}/contract`, { token });
    t.is(contract.body.contract.number, number);
    t.is(contract.body.contract.amountFen, 20_000_000);
    t.truthy(contract.body.contract.confirmedAt);
    order = await server.call('GET', `/api/v1/orders/${id}`, { token });
    t.is(order.body.order.amounts.receivableFen, 20_000_000);
    t.true(order.body.contractConfirmed);

    const pdfLink = p.page.locator('[data-contract-pdf]');
    const href = (await pdfLink.getAttribute('href')) as string;
    t.is(href, `/api/v1/orders/${id}/contract.pdf`);
    const pdf = await p.context.request.get(server.url + href); // with her session cookie, as the new tab asks
    t.is(pdf.status(), 200);
    t.regex(pdf.headers()['content-type'] ?? '', /application\/pdf/);
    t.is((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    const [tab] = await Promise.all([p.context.waitForEvent('page'), pdfLink.click()]);
    t.truthy(tab, 'the PDF opens in a new tab');
    await tab.close().catch(() => {});

    // Back on the detail: the amounts and the timeline show what was done.
    await p.page.goto(`${server.url}/orders/${id}`);
    await p.page.locator('[data-amount="receivable"]').filter({ hasText: '200,000' }).waitFor();
    t.regex(await p.page.locator('[data-amount="outstanding"]').innerText(), /200,000/);
    t.regex(await p.page.locator('.timeline').innerText(), /确认了合同/);
    await check(t, p, 'order-detail-after');
    t.deepEqual(p.problems.filter((m) => !/413/.test(m)), []);
    await p.close();
  });
}

test.serial('the order list filters by stage and by whose orders, and pages on as it scrolls', async (t) => {
  const p = await browser.page(PHONE);
  await signIn(p, '/orders');
  await p.page.locator('[data-total]').waitFor();
  await p.page.locator('[data-filter="stage"]').selectOption('contract_won');
  await p.page.waitForURL(/stage=contract_won/);
  const won = await server.call('GET', '/api/v1/orders?withTotal=true&limit=1&stage=contract_won', { token });
  await p.page.locator('[data-total]').filter({ hasText: `共${won.body.total}条` }).waitFor();
  t.is(await p.page.locator('[data-order]').count(), Math.min(won.body.total, 20));
  await p.page.locator('[data-filter="stage"]').selectOption('');
  await p.page.locator('[data-filter="whose"]').selectOption('handler');
  await p.page.waitForURL(/whose=handler/);
  const me = (await server.call('GET', '/api/v1/me', { token })).body;
  const mine = await server.call('GET', `/api/v1/orders?withTotal=true&limit=1&handlerId=${me.userId ?? me.id}`, { token });
  await p.page.locator('[data-total]').filter({ hasText: `共${mine.body.total}条` }).waitFor();
  // More than a page (20): the next page arrives only when the end of the list is scrolled into view.
  const totalNow = async () => (await server.call('GET', '/api/v1/orders?withTotal=true&limit=1', { token })).body.total as number;
  for (let i = 0; i < 25 && (await totalNow()) <= 25; i++) await newOrder();
  const total = await totalNow();
  await p.page.locator('[data-filter="whose"]').selectOption('');
  await p.page.locator('[data-total]').filter({ hasText: `共${total}条` }).waitFor();
  t.is(await p.page.locator('[data-order]').count(), 20, 'one page until the person scrolls');
  await p.page.locator('[data-order]').nth(19).scrollIntoViewIfNeeded();
  await p.page.locator('[data-order]').nth(20).waitFor();
  await p.page.mouse.wheel(0, 20_000);
  await p.page.getByText('没有更多了').waitFor();
  t.is(await p.page.locator('[data-order]').count(), total);
  t.deepEqual(await p.axe(), []);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('税务秘密 and the ID number stay masked for a sales person; a manager may show them in full', async (t) => {
  const demo = (await server.call('GET', `/api/v1/orders?keyword=${encodeURIComponent('盛博科技')}&limit=5`, { token })).body.items as { id: string; title: string }[];
  const id = demo.find((o) => o.title === '企业信用贷')?.id as string;
  t.truthy(id);
  const sales = await browser.page(PHONE);
  await signIn(sales, `/orders/${id}/profile`);
  await sales.page.locator('[name="taxSecrets"]').waitFor();
  t.is(await sales.page.locator('[name="taxSecrets"]').inputValue(), '');
  t.is(await sales.page.locator('[name="taxSecrets"]').getAttribute('placeholder'), '已录入（你没有查看权限）');
  t.regex((await sales.page.locator('[name="legalPersonIdNumber"]').getAttribute('placeholder')) ?? '', /^已录入 \d{4}\*+\d{3}[\dX]/);
  t.is(await sales.page.getByRole('button', { name: '显示完整信息' }).count(), 0);
  t.regex(await sales.page.locator('[data-field="age"]').innerText(), /\d+ 岁/);
  t.deepEqual(sales.problems, []);
  await sales.close();

  const manager = await browser.page(DESK);
  await manager.page.goto(`${server.url}/orders/${id}/profile`);
  await manager.page.waitForURL(/\/login/);
  await manager.page.getByLabel('手机号').fill('13800000002');
  await manager.page.getByLabel('密码').fill(DEMO_PASSWORD);
  await manager.page.getByRole('button', { name: '登录' }).click();
  await manager.page.getByRole('button', { name: '显示完整信息' }).click();
  const clear = await server.call('GET', `/api/v1/orders/${id}/profile?unmasked=true`, { token: await server.token('13800000002') });
  await manager.page.locator('[name="legalPersonIdNumber"]').and(manager.page.locator(`[value="${clear.body.legalPersonIdNumber}"]`)).waitFor().catch(() => {});
  t.is(await manager.page.locator('[name="legalPersonIdNumber"]').inputValue(), clear.body.legalPersonIdNumber);
  t.is(await manager.page.locator('[name="taxSecrets"]').inputValue(), clear.body.taxSecrets ?? '');
  await check(t, manager, 'order-profile-manager');
  t.deepEqual(manager.problems, []);
  await manager.close();
});
