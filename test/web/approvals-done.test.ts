// 内部审核 → 已办 in a real browser, at phone and desk sizes: 李审批 decides one of two orders 孙露露 submitted
// to him (否决 at the phone, 通过 at the desk) from 待我审批; under 已办 it then shows with what he did and its
// 办理时间 (as the server stored them), the undecided one does not, and neither does the one the administrator
// decided on his behalf (代审: the administrator's decision, not his). Orders are set up through the API.
import test, { type ExecutionContext } from 'ava';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany } from '../adapters/orders/order-builders.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const LI = '13800000003';
const ADMIN = '13800000000';
const ids: Record<string, string> = {};

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  for (const mobile of [SUN, LI]) {
    ids[mobile] = (await server.call('GET', '/api/v1/auth/session', { token: await server.token(mobile) })).body.me.userId;
  }
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<any> => server.must(...a);

/** A new order of 孙露露's submitted to 内部审核 choosing 李审批: the approval's id and 李审批's task. */
async function submittedToLi(): Promise<{ id: string; taskId: string }> {
  const inquiry = await api(SUN, 'POST', '/inquiries', {
    companyName: aCompany('云舟已办'), mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '已办测试',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await api(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  const a = await api(SUN, 'POST', '/approvals', { businessType: 'order_review', businessId: order.id, chosenApprovers: { level1: [ids[LI]] } });
  return { id: a.id, taskId: a.record.find((r: { status: string }) => r.status === 'pending').taskId };
}

async function look(t: ExecutionContext, p: TestPage, name: string): Promise<void> {
  await p.page.locator('.van-loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await p.page.waitForLoadState('networkidle');
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(p.problems, [], `console on ${name}`);
}

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;
  const [act, shown, stored] = w === PHONE.width ? ['reject', '已否决', 'rejected'] as const : ['approve', '已通过', 'approved'] as const;
  test.serial(`[${w}] 李审批's decision (${shown}) appears under 已办 with its time; 代审 by the administrator and an open task do not`, async (t) => {
    const decided = await submittedToLi();
    const open = await submittedToLi();
    const byAdmin = await submittedToLi();
    await api(ADMIN, 'POST', `/approvals/${byAdmin.id}/decide`, { taskId: byAdmin.taskId, decision: 'approve', onBehalf: true, opinion: '代审：李审批出差' });

    const p = await browser.page(size);
    p.page.setDefaultTimeout(40_000);
    await signInThroughPage(p, `${server.url}/approvals`, LI);
    await p.page.waitForURL(`${server.url}/approvals`);
    await p.page.locator(`[data-tab="pending"] [data-approval="${decided.id}"]`).click();
    await p.page.waitForURL(`${server.url}/approvals/${decided.id}`);
    await p.page.getByLabel('审批意见').fill(`已办测试${w}`);
    await p.page.locator(`[data-act="${act}"]`).click();
    await p.page.locator('[data-field="instance-status"]').getByText(shown).waitFor();

    await p.page.goto(`${server.url}/approvals`);
    await p.page.getByRole('tab', { name: '已办' }).click();
    await p.page.waitForURL(`${server.url}/approvals?tab=done`);
    const row = p.page.locator(`[data-tab="done"] [data-approval="${decided.id}"]`);
    await row.waitFor();
    t.is((await row.locator('[data-status]').innerText()).trim(), shown);
    // 办理时间 as the server stored it, in the person's time zone.
    const mine = (await api(LI, 'GET', '/approval-tasks/done?limit=100')).items.filter((x: { instanceId: string }) => x.instanceId === decided.id);
    t.deepEqual(mine.map((x: { status: string; opinion: string }) => [x.status, x.opinion]), [[stored, `已办测试${w}`]]);
    const at = new Date(mine[0].decidedAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
    t.true((await row.innerText()).includes(`办理时间 ${at}`), 'its 办理时间');
    t.is(await p.page.locator(`[data-tab="done"] [data-approval="${open.id}"]`).count(), 0, 'not an open task');
    t.is(await p.page.locator(`[data-tab="done"] [data-approval="${byAdmin.id}"]`).count(), 0, 'not the administrator\'s 代审');
    t.false((await api(LI, 'GET', '/approval-tasks/done?limit=100')).items.some((x: { instanceId: string }) => x.instanceId === byAdmin.id));
    await look(t, p, `approvals-done-${w}`);

    // A reload keeps the tab (it is in the URL).
    await p.page.reload();
    await row.waitFor();
    t.is(await p.page.getByRole('tab', { name: '已办' }).getAttribute('aria-selected'), 'true');
    await p.close();
  });
}
