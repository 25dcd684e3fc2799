// 内部审核 in a real browser, at phone and desk sizes. 孙露露 submits her order to internal review from the order
// screen, choosing 李审批 (请选择审批人); 李审批 finds it under 待我审批, an empty opinion is refused at the field
// when he rejects, he rejects with his opinion; she submits again and he approves. Then: 王经理 decides the
// second node of an order above 100,000 元; the administrator decides on behalf (代审) and the record names both
// the appointed and the real approver; the submitter withdraws; an approver transfers his task; a decision
// that lost a race shows the server's message and the record as it now is; a sales person cannot open, nor
// decide, someone else's approval. Orders are set up through the API; results are checked through the API.
import test, { type ExecutionContext } from 'ava';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany } from '../adapters/orders/order-builders.js';
import { makeResidentId, makeUscc } from '../../core/identity/index.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const WANG = '13800000002';
const LI = '13800000003';
const ADMIN = '13800000000';
const ZHOU = '13800000006';
const ZHAO = '13800000004';
const people: Record<string, { id: string; name: string; token: string }> = {};
let shuiEId: string;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  for (const mobile of [SUN, WANG, LI, ADMIN, ZHOU, ZHAO]) {
    const token = await server.token(mobile);
    const me = (await server.call('GET', '/api/v1/auth/session', { token })).body.me;
    people[mobile] = { id: me.userId, name: me.name, token };
  }
  const products = await api(SUN, 'GET', '/products?active=true&limit=200');
  shuiEId = products.items.find((p: { name: string }) => p.name === '税E贷').id;
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

async function call(mobile: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return server.call(method, `/api/v1${path}`, { token: people[mobile]?.token, ...(body === undefined ? {} : { body }) });
}
async function api(mobile: string, method: string, path: string, body?: unknown): Promise<any> {
  const r = await call(mobile, method, path, body);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An order of 孙露露's whose receivable (应回款) is the 税E贷 line's fee: above 100,000 元 the second node applies. */
async function newOrder(feeFen: number): Promise<string> {
  const inquiry = await api(SUN, 'POST', '/inquiries', {
    companyName: aCompany('云舟内审'), mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '内审测试',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await api(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  await api(SUN, 'PUT', `/orders/${order.id}/product-lines`, { version: 0, source: 'manual', lines: [{ productId: shuiEId, serviceFeeFen: feeFen }] });
  return order.id as string;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Steps 4–5 through the API: the profile with the ID card, 下一步, the plan, 下一步: the order reaches 申请批核. */
async function atApplicationStage(orderId: string): Promise<void> {
  const version = async (): Promise<number> => (await api(SUN, 'GET', `/orders/${orderId}`)).order.version;
  await api(SUN, 'PATCH', `/orders/${orderId}/profile`, {
    version: await version(), taxId: makeUscc('91320506MA1WTXK3P'), legalPersonName: '郑盛', legalPersonMobile: aMobile(),
    legalPersonIdNumber: makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488, gender: 'female' }),
    bankBranch: '苏州市吴中区', homeAddress: '苏州市工业园区', maritalStatus: 'married',
  });
  const file = await server.call('POST', `/api/v1/files?subjectType=order&subjectId=${orderId}&kind=id_card_front&fileName=id.png`, {
    token: people[SUN]!.token, raw: PNG, headers: { 'Content-Type': 'image/png' },
  });
  if (file.status !== 201) throw new Error(JSON.stringify(file.body));
  await api(SUN, 'POST', `/orders/${orderId}/events`, { version: await version(), type: 'advance' });
  await api(SUN, 'PUT', `/orders/${orderId}/plan`, {
    version: await version(), projectName: '企业信用贷融资服务', overview: '经营三年以上', expectedCompletion: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    financialPlan: '经营周转', financingAdvice: '以税贷为主',
  });
  await api(SUN, 'POST', `/orders/${orderId}/events`, { version: await version(), type: 'advance' });
}

/** 孙露露 submits the order to review through the API, choosing 李审批 for 订单一级审批. */
async function submitted(orderId: string): Promise<string> {
  const a = await api(SUN, 'POST', '/approvals', { businessType: 'order_review', businessId: orderId, chosenApprovers: { level1: [people[LI]!.id] } });
  return a.id as string;
}
const approval = (id: string): Promise<any> => api(SUN, 'GET', `/approvals/${id}`);

async function open(size: Size, mobile: string, path: string): Promise<TestPage> {
  const p = await browser.page(size);
  p.page.setDefaultTimeout(40_000); // the shared machine: a lazy screen may take a while
  await signInThroughPage(p, server.url + path, mobile);
  await p.page.waitForURL(server.url + path);
  return p;
}

/** The screen as it is now: screenshot, axe clean, and no console error but the refusals named. */
async function look(t: ExecutionContext, p: TestPage, name: string, expected: RegExp | null = null): Promise<void> {
  await p.page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await p.page.evaluate(() => Promise.all((globalThis as any).document.getAnimations().map((a: any) => a.finished.catch(() => {}))));
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(p.problems.filter((x) => !expected || !expected.test(x)), [], `console on ${name}`);
}

const row = (p: TestPage, n: number) => p.page.locator('[data-task]').nth(n);
const field = (p: TestPage, n: number, name: string): Promise<string> => row(p, n).locator(`[data-field="${name}"]`).innerText();
const opinionError = (p: TestPage) => p.page.locator('.van-field', { has: p.page.locator('[name="opinion"]') }).locator('.van-field__error-message');

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;
  test.serial(`[${w}] 孙露露 submits choosing 李审批; he rejects (opinion required), she resubmits, he approves`, async (t) => {
    const orderId = await newOrder(1_000_000);

    // ── 孙露露: the order screen leads to 内部审核; 请选择审批人 is required ──
    const sun = await open(size, SUN, `/orders/${orderId}`);
    await sun.page.locator('[data-step="review"]').scrollIntoViewIfNeeded();
    if (w === PHONE.width) await look(t, sun, 'approvals-order');
    await sun.page.locator('[data-step="review"]').click();
    await sun.page.waitForURL(`${server.url}/orders/${orderId}/review`);
    await sun.page.getByRole('checkbox', { name: '李审批' }).waitFor();
    t.is(await sun.page.locator('[data-field="amount"]').innerText(), '10,000');
    await sun.page.getByRole('button', { name: '提交' }).click();
    t.is(await sun.page.locator('[data-node="level1"] .van-field__error-message').innerText(), '请选择审批人');
    t.deepEqual((await api(SUN, 'GET', `/approvals?businessType=order_review&businessId=${orderId}`)).items, [], 'nothing was submitted');
    await sun.page.getByRole('checkbox', { name: '李审批' }).click();
    await look(t, sun, 'approvals-submit');
    await sun.page.getByRole('button', { name: '提交' }).click();
    await sun.page.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    const first = sun.page.url().split('/').pop() as string;
    await row(sun, 0).waitFor();
    t.is(await field(sun, 0, 'appointed'), '李审批');
    t.is(await field(sun, 0, 'status'), '待审批');
    t.is(await sun.page.locator('[data-business] [data-field="title"]').innerText(), '企业信用贷');
    t.is(await sun.page.locator('[data-act="approve"]').count(), 0, 'the submitter does not decide her own review');
    let stored = await approval(first);
    t.like(stored, { status: 'pending', businessId: orderId });
    t.like(stored.record[0], { appointedApproverName: '李审批', nodeName: '订单一级审批', status: 'pending' });

    // ── 李审批: 待我审批 → the record; an empty opinion is refused at the field; reject with one ──
    const li = await open(size, LI, '/');
    await li.page.locator('[data-module="approvals"]').click(); // the home tile 内部审核
    await li.page.waitForURL(`${server.url}/approvals`);
    await li.page.locator(`[data-approval="${first}"]`).click();
    await li.page.waitForURL(`${server.url}/approvals/${first}`);
    await li.page.locator('[data-act="reject"]').click();
    t.is(await opinionError(li).innerText(), '否决时请填写审批意见');
    await look(t, li, 'approvals-decide');
    t.is((await approval(first)).status, 'pending', 'nothing was sent');
    await li.page.getByLabel('审批意见').fill('缺少近半年银行流水');
    await li.page.locator('[data-act="reject"]').click();
    await li.page.locator('[data-field="instance-status"]').getByText('已否决').waitFor();
    t.is(await field(li, 0, 'opinion'), '缺少近半年银行流水');
    t.is(await field(li, 0, 'actual'), '李审批');
    await look(t, li, 'approvals-rejected');
    stored = await approval(first);
    t.like(stored, { status: 'rejected' });
    t.like(stored.record[0], { status: 'rejected', opinion: '缺少近半年银行流水', actualApproverName: '李审批', onBehalf: false });

    // ── 孙露露 resubmits from the order's review screen, which lists the rejected one ──
    await sun.page.goto(`${server.url}/orders/${orderId}/review`);
    await sun.page.locator(`[data-approval="${first}"]`).getByText('已否决').waitFor();
    await sun.page.getByRole('checkbox', { name: '李审批' }).click();
    await sun.page.getByRole('button', { name: '提交' }).click();
    await sun.page.waitForURL((u) => /\/approvals\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(first));
    const second = sun.page.url().split('/').pop() as string;

    // ── 李审批 approves it with his opinion; below 100,000 元 the second node is skipped ──
    await li.page.goto(`${server.url}/approvals`);
    await li.page.locator(`[data-approval="${second}"]`).click();
    await li.page.getByLabel('审批意见').fill('资料齐全，同意');
    await li.page.locator('[data-act="approve"]').click();
    await li.page.locator('[data-field="instance-status"]').getByText('已通过').waitFor();
    t.is(await field(li, 0, 'status'), '已通过');
    t.is(await field(li, 1, 'status'), '已跳过');
    t.not(await field(li, 0, 'decidedAt'), '', '办理时间 is shown');
    await look(t, li, 'approvals-record');
    stored = await approval(second);
    t.like(stored, { status: 'approved' });
    t.like(stored.record[0], { status: 'approved', opinion: '资料齐全，同意', actualApproverName: '李审批' });
    t.like(stored.record[1], { nodeName: '订单二级审批', status: 'skipped' });

    // ── 孙露露 sees both under 我发起的 ──
    await sun.page.goto(`${server.url}/approvals?tab=submitted`);
    await sun.page.locator(`[data-approval="${second}"]`).getByText('已通过').waitFor();
    t.is(await sun.page.locator(`[data-approval="${first}"]`).getByText('已否决').count(), 1);
    await look(t, sun, 'approvals-submitted');
    await sun.close();
    await li.close();
  });
}

test.serial('[390] above 100,000 元 王经理 approves the second node from his 办理中心', async (t) => {
  const orderId = await newOrder(12_000_000);
  const id = await submitted(orderId);
  const task = (await api(LI, 'GET', `/approvals/${id}`)).myOpenTaskIds[0];
  await api(LI, 'POST', `/approvals/${id}/decide`, { taskId: task, decision: 'approve', opinion: '同意' });
  const wang = await open(PHONE, WANG, '/workcenter?kind=approval');
  await wang.page.locator(`[data-item="${orderId}"]`).click(); // the 办理中心 opens the approval's record
  await wang.page.waitForURL(`${server.url}/approvals/${id}`);
  t.is(await wang.page.locator('[data-business] [data-field="amount"]').innerText(), '120,000');
  await wang.page.locator('[data-act="approve"]').click();
  await wang.page.locator('[data-field="instance-status"]').getByText('已通过').waitFor();
  t.is(await field(wang, 1, 'node'), '订单二级审批');
  t.is(await field(wang, 1, 'actual'), '王经理');
  await look(t, wang, 'approvals-second-node');
  const stored = await approval(id);
  t.like(stored, { status: 'approved' });
  t.like(stored.record[1], { nodeName: '订单二级审批', status: 'approved', actualApproverName: '王经理' });
  await wang.close();
});

test.serial('[1280] the administrator decides on behalf (代审): the record names both', async (t) => {
  const id = await submitted(await newOrder(1_000_000));
  const admin = await open(DESK, ADMIN, `/approvals/${id}`);
  await admin.page.locator('[data-decision]').getByText('代审：代李审批审批').first().waitFor();
  await admin.page.getByLabel('审批意见').fill('李审批休假，代为审批');
  await look(t, admin, 'approvals-on-behalf-panel');
  await admin.page.locator('[data-act="approve"]').click();
  await admin.page.locator('[data-field="instance-status"]').getByText('已通过').waitFor();
  const adminName = people[ADMIN]!.name;
  t.is(await field(admin, 0, 'appointed'), '李审批');
  t.is(await field(admin, 0, 'actual'), `${adminName}（代李审批审批）`);
  await look(t, admin, 'approvals-on-behalf');
  const stored = await approval(id);
  t.like(stored.record[0], { appointedApproverName: '李审批', actualApproverName: adminName, onBehalf: true, opinion: '李审批休假，代为审批' });
  await admin.close();
});

test.serial('[390] the submitter withdraws; 李审批 transfers his task to 王经理', async (t) => {
  const withdrawn = await submitted(await newOrder(1_000_000));
  const sun = await open(PHONE, SUN, `/approvals/${withdrawn}`);
  await sun.page.locator('[data-act="withdraw"]').click();
  await sun.page.locator('[data-act="withdraw-confirm"]').click();
  await sun.page.locator('[data-field="instance-status"]').getByText('已撤回').waitFor();
  t.is((await approval(withdrawn)).status, 'withdrawn');
  t.is(await sun.page.locator('[data-act="withdraw"]').count(), 0);
  await look(t, sun, 'approvals-withdrawn');
  await sun.close();

  const id = await submitted(await newOrder(1_000_000));
  const li = await open(PHONE, LI, `/approvals/${id}`);
  await li.page.locator('#transfer-to option', { hasText: '王经理' }).waitFor({ state: 'attached' });
  await li.page.locator('#transfer-to').selectOption({ label: '王经理' });
  await li.page.getByLabel('审批意见').fill('金额较大，请王经理审批');
  await li.page.locator('[data-act="transfer"]').click();
  await li.page.locator('[data-message]').getByText('已转交给王经理').waitFor();
  t.is(await field(li, 0, 'status'), '已转交');
  t.is(await field(li, 1, 'appointed'), '王经理');
  t.is(await li.page.locator('[data-act="approve"]').count(), 0, 'no longer his to decide');
  await look(t, li, 'approvals-transferred');
  const stored = await approval(id);
  t.like(stored.record[0], { status: 'transferred', actualApproverName: '李审批', opinion: '金额较大，请王经理审批' });
  t.like(stored.record[1], { status: 'pending', appointedApproverName: '王经理' });
  t.true((await api(WANG, 'GET', '/approval-tasks')).items.some((x: any) => x.instanceId === id), 'in 王经理’s 待我审批');
  await li.close();
});

test.serial('[1280] a decision that lost a race shows the server\'s message and the record as it is', async (t) => {
  const id = await submitted(await newOrder(1_000_000));
  const li = await open(DESK, LI, `/approvals/${id}`);
  await li.page.locator('[data-act="approve"]').waitFor();
  const task = (await api(LI, 'GET', `/approvals/${id}`)).myOpenTaskIds[0];
  await api(LI, 'POST', `/approvals/${id}/decide`, { taskId: task, decision: 'approve', opinion: '在手机上已审批' });
  await li.page.getByLabel('审批意见').fill('同意');
  await li.page.locator('[data-act="approve"]').click();
  const conflict = await call(LI, 'POST', `/approvals/${id}/decide`, { taskId: task, decision: 'approve', opinion: '同意' });
  t.is(conflict.status, 409);
  await li.page.locator('[data-refusal]').getByText(conflict.body.detail).waitFor();
  await li.page.locator('[data-field="instance-status"]').getByText('已通过').waitFor();
  t.is(await field(li, 0, 'opinion'), '在手机上已审批', 'the record as the server has it');
  t.is(await li.page.locator('[data-act="approve"]').count(), 0);
  await look(t, li, 'approvals-race', /status of 409/);
  t.like((await approval(id)).record[0], { status: 'approved', opinion: '在手机上已审批' });
  await li.close();
});

test.serial('[390] a sales person cannot open nor decide someone else\'s approval', async (t) => {
  const id = await submitted(await newOrder(1_000_000));
  const zhou = await open(PHONE, ZHOU, `/approvals/${id}`);
  const refused = await call(ZHOU, 'GET', `/approvals/${id}`);
  t.is(refused.status, 404);
  await zhou.page.locator('[data-failure]').getByText(refused.body.detail).waitFor();
  t.is(await zhou.page.locator('[data-act="approve"]').count(), 0);
  await look(t, zhou, 'approvals-not-yours', /status of 404/);
  await zhou.close();
  const task = (await api(LI, 'GET', `/approvals/${id}`)).myOpenTaskIds[0];
  const decided = await call(ZHOU, 'POST', `/approvals/${id}/decide`, { taskId: task, decision: 'approve' });
  t.is(decided.status, 403);
  t.is(decided.body.code, 'approval.not_your_task');
  t.is((await approval(id)).status, 'pending');
});

test.serial('[390] at 申请批核 the order\'s 下一步 names the missing internal review and leads to it', async (t) => {
  const orderId = await newOrder(1_000_000);
  await atApplicationStage(orderId);
  const detail = await api(SUN, 'GET', `/orders/${orderId}`);
  t.is(detail.stageName, '申请批核');
  t.deepEqual(detail.advance.unmet.map((u: { code: string }) => u.code), ['internal_review_approved']);
  const sun = await open(PHONE, SUN, `/orders/${orderId}`);
  const link = sun.page.locator('[data-unmet] [data-review-link]');
  await link.scrollIntoViewIfNeeded();
  t.regex(await sun.page.locator('[data-unmet]').innerText(), /内部审核尚未通过/);
  await look(t, sun, 'approvals-order-unmet');
  await link.click();
  await sun.page.waitForURL(`${server.url}/orders/${orderId}/review`);
  await sun.page.getByRole('checkbox', { name: '李审批' }).waitFor();
  await sun.close();
});

test.serial('[1280] a receipt\'s approval shows the receipt and its bank slip; 赵财务 approves it', async (t) => {
  const orderId = await newOrder(1_000_000);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await api(SUN, 'PUT', `/orders/${orderId}/collection-plan`, { version: 0, spec: { method: 'equal', count: 2, firstDueOn: today, intervalMonths: 1 } });
  const receipt = await api(SUN, 'POST', '/receipts', {
    orderId, receivedOn: today, amountFen: 500_000, paymentMethod: '转账', payer: '盛博科技', type: '服务费', invoiceWanted: false,
  });
  const slip = await server.call('POST', `/api/v1/files?subjectType=receipt&subjectId=${receipt.id}&kind=bank_slip&fileName=${encodeURIComponent('回单.png')}`, {
    token: people[SUN]!.token, raw: PNG, headers: { 'Content-Type': 'image/png' },
  });
  t.is(slip.status, 201, JSON.stringify(slip.body));
  await api(SUN, 'POST', `/receipts/${receipt.id}/submit`, {});
  const [instance] = (await api(SUN, 'GET', `/approvals?businessType=receipt&businessId=${receipt.id}`)).items;
  const zhao = await open(DESK, ZHAO, `/approvals/${instance.id}`);
  await zhao.page.locator('[data-business] [data-field="amount"]').waitFor();
  t.is(await zhao.page.locator('[data-business] [data-field="amount"]').innerText(), '5,000');
  t.is(await zhao.page.locator('[data-business] [data-field="payer"]').innerText(), '盛博科技');
  t.is(await zhao.page.locator('[data-business] [data-field="receivedOn"]').innerText(), today);
  t.is(await zhao.page.locator('[data-slip]').innerText(), '回单.png');
  t.is(await zhao.page.locator('[data-slip]').getAttribute('href'), `/api/v1/files/${slip.body.id}/content`);
  await look(t, zhao, 'approvals-receipt');
  await zhao.page.locator('[data-act="approve"]').click();
  await zhao.page.locator('[data-message]').getByText('已审批通过').waitFor();
  t.like((await api(SUN, 'GET', `/approvals/${instance.id}`)).record[0], { nodeName: '财务审批', status: 'approved', actualApproverName: '赵财务' });
  await zhao.close();
});
