// 流程设置 in a real browser, at phone and desk sizes: the administrator adds a stage to the order pipeline
// (an empty name refused at its field by the pipeline rules), saves it, sees it drawn, and a new order shows
// it in its stage bar and moves into it; edits 订单内审 with a node for amounts above 50,000 元 (an empty node
// and a condition without value refused at their fields), which becomes version 2 and applies to the next
// order submitted while the order already in review keeps version 1; creates and edits the 红冲发票 flow at the
// desk; a sales person sees 没有权限 and the API refuses her. The API sets up orders and checks what was saved.
import test from 'ava';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany } from '../adapters/orders/order-builders.js';

let server: ConsoleServer;
let browser: Browser;
let admin: string;
let sun: string;
const ids: Record<string, string> = {};

const ADMIN = '13800000000';
const SUN = '13800000001';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  admin = await server.token(ADMIN);
  sun = await server.token(SUN);
  const users = await server.call('GET', '/api/v1/users?limit=100', { token: admin });
  for (const u of users.body.items as { id: string; name: string }[]) ids[u.name] = u.id;
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

async function call(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const r = await server.call(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An order of 孙露露's (inquiry and order through the API), optionally with products worth `fen`. */
async function newOrder(fen?: number): Promise<string> {
  const inquiry = await call(sun, 'POST', '/inquiries', {
    companyName: aCompany('云舟流程'), mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '流程设置测试',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await call(sun, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  if (fen !== undefined) {
    const product = (await call(sun, 'GET', '/products?active=true&limit=1')).items[0];
    const lines = await call(sun, 'PUT', `/orders/${order.id}/product-lines`, { version: 0, lines: [{ productId: product.id, serviceFeeFen: fen }] });
    if (lines.receivableFen !== fen) throw new Error(`receivable ${lines.receivableFen}`);
  }
  return order.id;
}

/** 订单内审 of an order, 李审批 chosen for 订单一级审批 (a node where the submitter chooses). */
async function submitForReview(orderId: string): Promise<any> {
  return call(sun, 'POST', '/approvals', { businessType: 'order_review', businessId: orderId, chosenApprovers: { level1: [ids['李审批']] } });
}

async function settle(p: TestPage): Promise<void> {
  await p.page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await p.page.locator('.van-toast').first().waitFor({ state: 'hidden' }).catch(() => {});
  await p.page.evaluate(() => Promise.all((globalThis as any).document.getAnimations().map((a: any) => a.finished.catch(() => {}))));
}

async function check(t: import('ava').ExecutionContext, p: TestPage, name: string): Promise<void> {
  await settle(p);
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
}

const fieldError = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) }).locator('.van-field__error-message');

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;
  test.serial(`[${w}] the administrator adds a stage; a new order shows it and moves into it`, async (t) => {
    const before = await call(admin, 'GET', '/order-settings');
    const [first, second] = before.pipeline.stages;
    const name = w === 390 ? '资质预审' : '电话核实';
    const progress = Math.round((first.progress + second.progress) / 2);

    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/settings/pipeline`, ADMIN);
    await p.page.waitForURL(`${server.url}/settings/pipeline`);
    await p.page.locator('[data-diagram-stage]').first().waitFor();
    t.deepEqual(await p.page.locator('[data-diagram-stage]').evaluateAll((els) => els.map((e) => e.getAttribute('data-diagram-stage'))),
      before.pipeline.stages.map((s: { key: string }) => s.key), 'the diagram draws the stages in force');
    await check(t, p, 'settings-pipeline');

    // 添加阶段 puts a new stage before 订单完成; moved up to second place, saved without a name: refused at the field.
    await p.page.locator('[data-add-stage]').click();
    const count = before.pipeline.stages.length + 1;
    for (let i = count - 2; i > 1; i--) await p.page.locator('[data-stage-row]').nth(i).getByRole('button', { name: '上移' }).click();
    await p.page.locator('[name="stage-1-progress"]').fill(String(progress));
    await p.page.locator('[data-save-stages]').click();
    t.regex(await fieldError(p, 'stage-1-name').innerText(), /缺少名称/);
    t.is(await p.page.locator('[data-form-error]').innerText(), '请修改标出的问题后再保存');
    t.is((await call(admin, 'GET', '/order-settings')).version, before.version, 'nothing was sent');
    await fieldError(p, 'stage-1-name').scrollIntoViewIfNeeded();
    await check(t, p, 'settings-pipeline-errors');

    // Named; the first stage no longer asks for the profile, the new one does.
    await p.page.locator('[name="stage-1-name"]').fill(name);
    t.is(await fieldError(p, 'stage-1-name').count(), 0, 'the message goes once the name is there');
    const firstGuards = p.page.locator('[data-stage-row]').nth(0);
    for (const g of first.exitGuards as string[]) await firstGuards.locator(`[data-guard="${g}"]`).click();
    await p.page.locator('[data-stage-row]').nth(1).locator('[data-guard="profile_complete"]').click();
    await p.page.locator('[data-save-stages]').click();
    await p.page.getByText('已保存').first().waitFor();

    const after = await call(admin, 'GET', '/order-settings');
    t.is(after.version, before.version + 1);
    const added = after.pipeline.stages[1];
    t.like(added, { name, progress, exitGuards: ['profile_complete'] });
    t.deepEqual(after.pipeline.stages[0].exitGuards, []);
    t.deepEqual(after.pipeline.stages.slice(2).map((s: { key: string }) => s.key), before.pipeline.stages.slice(1).map((s: { key: string }) => s.key));
    const drawn = p.page.locator(`[data-diagram-stage="${added.key}"]`);
    t.regex(await drawn.textContent() ?? '', new RegExp(`${name}\\s*${progress}%`));
    await drawn.scrollIntoViewIfNeeded();
    await check(t, p, 'settings-pipeline-saved');
    if (size === DESK) {
      // 完善信息的必填项: 法人身份证号 becomes required too.
      await p.page.locator('[data-profile-field="legalPersonIdNumber"]').click();
      await p.page.locator('[data-save-profile-fields]').click();
      await p.page.getByText('已保存').first().waitFor();
      const fields = await call(admin, 'GET', '/order-settings');
      t.false(after.requiredProfileFields.includes('legalPersonIdNumber'));
      t.deepEqual([...fields.requiredProfileFields].sort(), [...after.requiredProfileFields, 'legalPersonIdNumber'].sort());

      // Removing 初次沟通, where orders are: the server refuses, and its message is shown.
      await p.page.locator('[data-stage-row]').nth(0).getByRole('button', { name: '删除' }).click();
      await p.page.locator('[data-save-stages]').click();
      t.regex(await p.page.locator('[data-form-error]').innerText(), new RegExp(`仍有订单，不能删除：${first.key}`));
      t.is((await call(admin, 'GET', '/order-settings')).pipeline.stages[0].key, first.key);
    }

    // A new order: the stage bar shows the new stage, and 下一步 moves the order into it.
    const orderId = await newOrder();
    await p.page.goto(`${server.url}/orders/${orderId}`);
    const bar = p.page.locator(`li[data-stage="${added.key}"]`);
    t.regex(await bar.innerText(), new RegExp(`${name}\\s*${progress}%`));
    await p.page.getByRole('button', { name: `下一步：${name}` }).click();
    await p.page.locator(`li[data-stage="${added.key}"][aria-current="step"]`).waitFor();
    t.is((await call(sun, 'GET', `/orders/${orderId}`)).order.stageKey, added.key);
    await check(t, p, 'settings-pipeline-order');
    t.deepEqual(p.problems.filter((m) => !(size === DESK && / 409 /.test(m))), [], 'no console errors but the refusal asked for');
    await p.close();
  });
}

test.serial('[390] 订单内审 gets a node for amounts above 50,000 元: the next order has it, the one in review keeps version 1', async (t) => {
  const flows = (await call(admin, 'GET', '/approval-flows')).items as { id: string; businessType: string; version: number }[];
  const review = flows.find((f) => f.businessType === 'order_review');
  if (!review) throw new Error('no order_review flow');
  const inReview = await submitForReview(await newOrder(100_000));
  t.is((await call(sun, 'GET', `/approvals/${inReview.id}`)).flow.version, review.version);

  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/settings/approval-flows`, ADMIN);
  await p.page.locator('[data-flow-type="order_review"]').waitFor();
  t.regex(await p.page.locator('[data-flow-type="order_review"]').innerText(), new RegExp(`订单内审[\\s\\S]*版本 ${review.version}`));
  await check(t, p, 'settings-flows');

  await p.page.locator('[data-flow-type="order_review"]').click();
  await p.page.locator('[data-flow-version]').waitFor();
  t.regex(await p.page.locator('[data-flow-version]').innerText(), new RegExp(`当前版本 ${review.version}`));
  const nodes = await p.page.locator('[data-node]').count();

  // An empty node with a condition that has no value: refused at both fields, nothing saved.
  await p.page.locator('[data-add-node]').click();
  const node = p.page.locator(`[data-node="${nodes}"]`);
  await node.locator('[data-condition-on]').click();
  await p.page.locator('[data-save-flow]').click();
  t.is(await fieldError(p, `node-${nodes}-name`).innerText(), '节点需要名称');
  t.is(await fieldError(p, `node-${nodes}-value`).innerText(), '请填写条件值');
  t.is((await call(admin, 'GET', `/approval-flows/${review.id}`)).version, review.version);
  await check(t, p, 'settings-flow-errors');

  // 大额审批: 赵财务 and 钱运营 both (会签), only above 50,000 元.
  await p.page.locator(`[name="node-${nodes}-name"]`).fill('大额审批');
  await node.locator('[data-mode="all"]').click();
  await node.locator('[data-kind="users"]').click();
  await node.locator('[data-user="赵财务"]').click();
  await node.locator('[data-user="钱运营"]').click();
  await node.locator(`[name="node-${nodes}-field"]`).selectOption('amountFen');
  await node.locator(`[name="node-${nodes}-op"]`).selectOption('gt');
  await p.page.locator(`[name="node-${nodes}-value"]`).fill('50000');
  await p.page.locator(`[name="node-${nodes}-timeLimit"]`).fill('24');
  await p.page.locator('[data-save-flow]').click();
  await p.page.locator(`[data-flow-version][data-version-number="${review.version + 1}"]`).waitFor();

  const saved = await call(admin, 'GET', `/approval-flows/${review.id}`);
  t.is(saved.version, review.version + 1);
  t.deepEqual(saved.nodes[nodes], {
    key: saved.nodes[nodes].key, name: '大额审批', mode: 'all', approvers: { kind: 'users', userIds: [ids['赵财务'], ids['钱运营']] },
    condition: { field: 'amountFen', op: 'gt', value: 5_000_000 }, timeLimitHours: 24,
  });
  // 版本记录: both versions, the first one as it was.
  await p.page.locator(`[data-version="${review.version}"]`).click();
  const old = p.page.locator('[data-version-node]');
  await old.first().waitFor();
  t.deepEqual(await old.evaluateAll((els) => els.map((e) => e.getAttribute('data-version-node'))), saved.nodes.slice(0, nodes).map((n: { name: string }) => n.name));
  t.is(await p.page.locator(`[data-version="${review.version + 1}"]`).count(), 1);
  await check(t, p, 'settings-flow-saved');

  // The next order above 50,000 元 goes through 大额审批; the one already in review keeps its version.
  const next = await submitForReview(await newOrder(6_000_000));
  const nextView = await call(sun, 'GET', `/approvals/${next.id}`);
  t.is(nextView.flow.version, review.version + 1);
  t.deepEqual(nextView.nodes.map((n: { name: string; applies: boolean }) => [n.name, n.applies]).at(-1), ['大额审批', true]);
  const small = await submitForReview(await newOrder(100_000));
  t.deepEqual((await call(sun, 'GET', `/approvals/${small.id}`)).nodes.map((n: { name: string; applies: boolean }) => [n.name, n.applies]).at(-1), ['大额审批', false]);
  const kept = await call(sun, 'GET', `/approvals/${inReview.id}`);
  t.is(kept.flow.version, review.version);
  t.false(kept.nodes.some((n: { name: string }) => n.name === '大额审批'));
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('[1280] the administrator creates the 红冲发票 flow and edits it to version 2', async (t) => {
  // The firm stops its 红冲发票 flow (archived through the API), so the type has none.
  const current = (await call(admin, 'GET', '/approval-flows')).items.find((f: { businessType: string }) => f.businessType === 'red_invoice');
  if (current) await call(admin, 'DELETE', `/approval-flows/${current.id}?version=${current.version}`);
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/settings/approval-flows`, ADMIN);
  t.regex(await p.page.locator('[data-flow-type="red_invoice"]').innerText(), /红冲发票[\s\S]*未设置[\s\S]*新建/);
  await p.page.locator('[data-flow-type="red_invoice"]').click();
  await p.page.waitForURL(/\/settings\/approval-flows\/new\?type=red_invoice$/);
  t.is(await p.page.locator('[name="name"]').inputValue(), '红冲发票');
  await p.page.locator('[name="node-0-name"]').fill('财务审批');
  await p.page.locator('[data-node="0"] [data-kind="role"]').click();
  await p.page.locator('[name="node-0-role"]').selectOption('finance');
  await check(t, p, 'settings-flow-new');
  await p.page.locator('[data-save-flow]').click();
  await p.page.waitForURL(/\/settings\/approval-flows\/[0-9a-f-]{36}$/);
  const flowId = p.page.url().split('/').pop() as string;
  await p.page.locator('[data-flow-version][data-version-number="1"]').waitFor();
  t.like(await call(admin, 'GET', `/approval-flows/${flowId}`), { businessType: 'red_invoice', name: '红冲发票', version: 1, nodes: [{ name: '财务审批', mode: 'any', approvers: { kind: 'role', role: 'finance' } }] });

  await p.page.locator('[name="node-0-name"]').fill('财务红冲审批');
  await p.page.locator('[data-save-flow]').click();
  await p.page.locator('[data-flow-version][data-version-number="2"]').waitFor();
  t.is((await call(admin, 'GET', `/approval-flows/${flowId}`)).nodes[0].name, '财务红冲审批');
  await p.page.locator('[data-version="1"]').click();
  t.is(await p.page.locator('[data-version-node]').first().getAttribute('data-version-node'), '财务审批');
  await check(t, p, 'settings-flow-edited');

  // A second node, moved before the first: the saved order follows (version 3).
  await p.page.locator('[data-add-node]').click();
  await p.page.locator('[name="node-1-name"]').fill('运营审批');
  await p.page.locator('[data-node="1"] [data-kind="department_head"]').click();
  await p.page.locator('[data-node="1"]').getByRole('button', { name: '上移' }).click();
  t.is(await p.page.locator('[name="node-0-name"]').inputValue(), '运营审批');
  await p.page.locator('[data-save-flow]').click();
  await p.page.locator('[data-flow-version][data-version-number="3"]').waitFor();
  const three = await call(admin, 'GET', `/approval-flows/${flowId}`);
  t.deepEqual(three.nodes.map((n: { name: string; approvers: { kind: string } }) => [n.name, n.approvers.kind]), [['运营审批', 'department_head'], ['财务红冲审批', 'role']]);

  // Someone else saves first: this save is refused with the server's message, nothing overwritten.
  await call(admin, 'PUT', `/approval-flows/${flowId}`, { version: 3, name: '红冲发票审批' });
  await p.page.locator('[name="node-0-name"]').fill('运营复核');
  await p.page.locator('[data-save-flow]').click();
  t.is(await p.page.locator('[data-form-error]').innerText(), '审批流程已被他人修改，请刷新后重试');
  t.is((await call(admin, 'GET', `/approval-flows/${flowId}`)).nodes[0].name, '运营审批');
  t.deepEqual(p.problems.filter((m) => !/ 409 /.test(m)), []);
  await p.close();
});

test.serial('a sales person sees 没有权限 and the API refuses her changes', async (t) => {
  const p = await browser.page(PHONE);
  for (const path of ['/settings/pipeline', '/settings/approval-flows']) {
    if (path === '/settings/pipeline') await signInThroughPage(p, `${server.url}${path}`, SUN);
    else await p.page.goto(`${server.url}${path}`);
    await p.page.getByText('没有权限').waitFor();
    t.is(await p.page.locator('[data-save-stages], [data-flow-type]').count(), 0);
  }
  await check(t, p, 'settings-forbidden');
  const settings = await call(sun, 'GET', '/order-settings');
  const pipeline = await server.call('PUT', '/api/v1/order-settings/pipeline', { token: sun, body: { version: settings.version, preset: 'default' } });
  t.is(pipeline.status, 403);
  const flow = (await call(sun, 'GET', '/approval-flows')).items.find((f: { businessType: string }) => f.businessType === 'receipt');
  const edit = await server.call('PUT', `/api/v1/approval-flows/${flow.id}`, { token: sun, body: { version: flow.version, name: '改名' } });
  t.is(edit.status, 403);
  t.deepEqual(p.problems, []);
  await p.close();
});
