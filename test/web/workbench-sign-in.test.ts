// The console opened from a WeCom and from a DingTalk workbench, in a real browser: the workbench's address
// starts the sign-in, the fake vendor issues a code, the browser follows the redirects (DingTalk: the page
// asks the JSAPI for the code) and lands in the console signed in, with no password typed; a person the firm
// does not know sees the refusal page. The administrator's 工作台登录 settings show the saved application
// (the secret never), the address for the workbench, and save a change. Screenshots at 390 and 1280 px under
// test-results/screenshots.
import test from 'ava';
import { consoleServer, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser } from '../support/browser.js';
import { signInThroughPage } from '../support/console-server.js';
import { ManualClock } from '../support/fakes/server.js';
import { FakeWeCom } from '../support/fakes/wecom.js';
import { FakeDingTalk } from '../support/fakes/dingtalk.js';
import { FakeWorkbench } from '../support/fakes/workbench.js';

let server: ConsoleServer;
let browser: Browser;
let wecom: FakeWeCom;
let dingtalk: FakeDingTalk;
let workbench: FakeWorkbench;
let tenantId: string;
const ADMIN = '13800000000';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  const clock = new ManualClock();
  wecom = await new FakeWeCom({ clock, corpId: 'ww-daxin', corpSecret: 'S3cr3t-of-wecom', agentId: 1000002, members: [{ userId: 'admin', mobile: ADMIN }, { userId: 'stranger', mobile: '13900000000' }] }).start();
  dingtalk = await new FakeDingTalk({ clock, appKey: 'ding-daxin', appSecret: 'ding-secret', agentId: 3000001, mobilePermission: true, members: [{ userId: 'ding-admin', unionId: 'u1', mobile: ADMIN }, { userId: 'ding-stranger', unionId: 'u2', mobile: '13900000001' }] }).start();
  workbench = await new FakeWorkbench({ wecom, dingtalk, corpId: 'ww-daxin', appKey: 'ding-daxin' }).start();
  const token = await server.token(ADMIN);
  tenantId = (await server.call('GET', '/api/v1/me', { token })).body.tenantId;
  const put = async (vendor: string, body: unknown) => {
    const r = await server.call('PUT', `/api/v1/plugins/workbench/credentials/${vendor}`, { token, body });
    if (r.status !== 204) throw new Error(`${vendor}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await put('wecom', { corpId: 'ww-daxin', agentId: 1000002, secret: 'S3cr3t-of-wecom', baseUrl: wecom.url, browserUrl: workbench.url });
  // DingTalk's requestAuthCode takes the firm's CorpId; the fake workbench checks it is the one it knows.
  await put('dingtalk', { corpId: 'ww-daxin', appKey: 'ding-daxin', agentId: 3000001, secret: 'ding-secret', baseUrl: dingtalk.url, browserUrl: `${workbench.url}/dingtalk.open.js` });
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
  await workbench?.stop();
  await wecom?.stop();
  await dingtalk?.stop();
});

const start = (vendor: string, next?: string) => `${server.url}/api/v1/plugins/workbench/${vendor}/start?tenant=${tenantId}${next ? `&next=${encodeURIComponent(next)}` : ''}`;

for (const [vendor, size] of [['wecom', PHONE], ['dingtalk', DESK]] as const) {
  test.serial(`the console opens signed in from the ${vendor} workbench (${size.width} px)`, async (t) => {
    workbench.wecomMember = 'admin';
    workbench.dingtalkMember = 'ding-admin';
    const p = await browser.page(size);
    await p.page.goto(start(vendor, '/settings'));
    // WeCom's authorize address ends in #wechat_redirect, which the browser keeps across the redirects.
    await p.page.waitForURL(new RegExp(`^${server.url}/settings(#wechat_redirect)?$`));
    await p.page.getByText('系统设置').first().waitFor();
    const session = await p.page.evaluate(async () => (await (await fetch('/api/v1/auth/session')).json()) as { active: boolean; me?: { name: string } });
    t.deepEqual([session.active, session.me?.name], [true, '系统管理员']);
    t.false(p.page.url().includes('/login'));
    await p.screenshot(`workbench-${vendor}-signed-in`);
    t.deepEqual(p.problems, []);
    await p.close();
  });
}

for (const [vendor, size] of [['wecom', DESK], ['dingtalk', PHONE]] as const) {
  test.serial(`a person the firm does not know sees the refusal page (${vendor}, ${size.width} px)`, async (t) => {
    workbench.wecomMember = 'stranger';
    workbench.dingtalkMember = 'ding-stranger';
    const p = await browser.page(size);
    await p.page.goto(start(vendor));
    await p.page.getByRole('heading', { name: '无法登录云舟' }).waitFor();
    t.true(await p.page.getByText('云舟管理员').first().isVisible());
    t.true(await p.page.getByText(vendor === 'wecom' ? 'stranger' : 'ding-stranger', { exact: true }).first().isVisible());
    t.is(await p.page.locator('main').getAttribute('data-code'), 'workbench.unknown_user');
    t.false((await p.context.cookies()).some((c) => c.name === 'yz_session'));
    t.deepEqual(await p.axe(), []);
    await p.screenshot(`workbench-${vendor}-refused`);
    t.deepEqual(p.problems.filter((x) => !x.includes('403')), []);
    await p.close();
  });
}

for (const size of [PHONE, DESK]) {
  test.serial(`工作台登录 settings: the saved applications, the workbench address, a change saved (${size.width} px)`, async (t) => {
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/settings`, ADMIN);
    await p.page.waitForURL(`${server.url}/settings`);
    await p.page.locator('[data-section="workbench"]').click();
    await p.page.waitForURL(`${server.url}/settings/workbench`);
    const wecomForm = p.page.locator('form[data-vendor="wecom"]');
    await t.notThrowsAsync(wecomForm.locator('[data-start="wecom"]').getByText(`${server.url}/api/v1/plugins/workbench/wecom/start?tenant=${tenantId}`).waitFor());
    t.is(await wecomForm.locator('input[name="wecom-corpId"]').inputValue(), 'ww-daxin');
    t.is(await wecomForm.locator('input[name="wecom-secret"]').inputValue(), '');
    t.is(await wecomForm.locator('input[name="wecom-secret"]').getAttribute('placeholder'), '已保存（留空则不修改）');
    t.false((await p.page.content()).includes('S3cr3t-of-wecom'));
    await p.screenshot('workbench-settings');
    const dingForm = p.page.locator('form[data-vendor="dingtalk"]');
    await dingForm.locator('input[name="dingtalk-agentId"]').fill('3000009');
    await dingForm.getByRole('button', { name: '保存' }).click();
    await t.notThrowsAsync(p.page.getByText('已保存', { exact: true }).waitFor());
    const token = await server.token(ADMIN);
    const listed = (await server.call('GET', '/api/v1/plugins/workbench/credentials', { token })).body.items as { vendor: string; agentId: number }[];
    t.is(listed.find((i) => i.vendor === 'dingtalk')?.agentId, 3000009);
    // Put back as it was; the stored secret is kept (no secret sent).
    await server.call('PUT', '/api/v1/plugins/workbench/credentials/dingtalk', { token, body: { corpId: 'ww-daxin', appKey: 'ding-daxin', agentId: 3000001, baseUrl: dingtalk.url, browserUrl: `${workbench.url}/dingtalk.open.js` } });
    // The 已保存 toast fades out: checked mid-fade its text has no contrast to speak of.
    await p.page.locator('.van-toast').waitFor({ state: 'hidden' });
    t.deepEqual(await p.axe(), []);
    t.deepEqual(p.problems, []);
    await p.close();
  });
}
