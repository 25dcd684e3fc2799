// 消息推送 in the console, in a real browser at phone and desk sizes (issue 17): the administrator connects
// WeCom to the local fake (the secret never shown back), sends themselves a test message (it arrives at the
// fake), sees DingTalk's refusal with its code, and sends a parked notification again from the failures
// list; 推送记录 lists copies with their state and the vendor's error; a salesperson chooses channels per
// kind and quiet hours in 我的通知偏好, kept by the server. Screenshots under test-results/screenshots.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser } from '../support/browser.js';
import { ManualClock } from '../support/fakes/server.js';
import { FakeWeCom } from '../support/fakes/wecom.js';
import { FakeDingTalk } from '../support/fakes/dingtalk.js';

let server: ConsoleServer;
let browser: Browser;
let wecom: FakeWeCom;
let dingtalk: FakeDingTalk;
let adminToken: string;
let tenantId: string;
const ADMIN = '13800000000';
const SALES = '13800000001';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  const clock = new ManualClock();
  wecom = await new FakeWeCom({ clock, corpId: 'ww-daxin', corpSecret: 'S3cr3t-of-wecom', agentId: 1000002, members: [{ userId: 'admin', mobile: ADMIN }, { userId: 'sun', mobile: SALES }] }).start();
  dingtalk = await new FakeDingTalk({ clock, appKey: 'ding-daxin', appSecret: 'ding-secret', agentId: 3000001, members: [{ userId: 'ding-sun', unionId: 'u1', mobile: SALES }] }).start();
  adminToken = await server.token(ADMIN);
  tenantId = (await server.call('GET', '/api/v1/me', { token: adminToken })).body.tenantId;
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
  await wecom?.stop();
  await dingtalk?.stop();
});

for (const size of [PHONE, DESK]) {
  test.serial(`消息推送设置: connect WeCom, test-send, a vendor's refusal, send a parked one again (${size.width} px)`, async (t) => {
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/settings/notifications`, ADMIN);
    await p.page.getByRole('heading', { name: '企业微信' }).waitFor();
    const form = p.page.locator('form[data-channel="wecom"]');
    await form.locator('input[name="wecom-corpId"]').fill('ww-daxin');
    await form.locator('input[name="wecom-agentId"]').fill('1000002');
    if (size === PHONE) await form.locator('input[name="wecom-secret"]').fill('S3cr3t-of-wecom');
    await form.locator('input[name="wecom-baseUrl"]').fill(wecom.url);
    await form.getByRole('button', { name: '保存' }).click();
    await p.page.getByText('已保存').first().waitFor();
    await t.notThrowsAsync(form.locator('input[name="wecom-secret"][placeholder="已保存（留空则不修改）"]').waitFor());
    t.is(await form.locator('input[name="wecom-secret"]').inputValue(), '', 'the secret is never shown back');

    const before = wecom.sent.length;
    await form.locator('[data-test-send="wecom"]').click();
    await p.page.getByText('测试消息已发出').first().waitFor();
    t.is(wecom.sent.length, before + 1);
    t.deepEqual(wecom.sent.at(-1)?.touser, ['admin']);

    // DingTalk knows no member with the administrator's mobile: the refusal shows the vendor's code.
    const ding = p.page.locator('form[data-channel="dingtalk"]');
    await ding.locator('input[name="dingtalk-appKey"]').fill('ding-daxin');
    await ding.locator('input[name="dingtalk-agentId"]').fill('3000001');
    if (size === PHONE) await ding.locator('input[name="dingtalk-secret"]').fill('ding-secret');
    await ding.locator('input[name="dingtalk-baseUrl"]').fill(dingtalk.url);
    await ding.getByRole('button', { name: '保存' }).click();
    await ding.locator('input[name="dingtalk-secret"][placeholder="已保存（留空则不修改）"]').waitFor();
    await ding.locator('[data-test-send="dingtalk"]').click();
    await t.notThrowsAsync(ding.getByText('发送失败：60121 找不到该用户').waitFor());

    // A notification parked by the vendor waits in the failures list with its code; 重新发送 queues it again.
    const id = randomUUID();
    const sun = (await server.crm.database.knex('users').where({ tenant_id: tenantId, mobile: SALES }).first('id')).id as string;
    await server.crm.database.knex('notifications_deliveries').insert({
      tenant_id: tenantId, id, key: `event:${id}/${sun}/sms`, channel: 'sms', kind: 'receipt_to_confirm', recipient_id: sun, source_key: `event:${id}`,
      title: '您有新的待审批：回款单「财务审核」', text: '请核对到账后确认', link: '/messages', values: '{}', state: 'parked', attempts: 1,
      vendor_code: 'isv.SMS_TEMPLATE_ILLEGAL', vendor_message: '模板不合法(不存在或被拉黑)', created_at: new Date(), last_attempt_at: new Date(),
    });
    await p.page.reload();
    const row = p.page.locator(`[data-delivery="${id}"]`);
    await t.notThrowsAsync(row.getByText('错误 isv.SMS_TEMPLATE_ILLEGAL：模板不合法(不存在或被拉黑)').waitFor());
    await p.screenshot('notifications-settings');
    await row.locator('[data-retry]').click();
    await p.page.getByText('已重新排队').first().waitFor();
    await row.waitFor({ state: 'detached' });
    const stored = await server.crm.database.knex('notifications_deliveries').where({ tenant_id: tenantId, id }).first();
    t.deepEqual([stored.state, stored.attempts], ['pending', 0]);
    t.deepEqual(await p.axe(), []);
    t.deepEqual(p.problems, []);
    await p.close();
  });
}

test.serial('推送记录: copies with their state and the vendor\'s error, filtered by state (390 and 1280 px)', async (t) => {
  for (const size of [PHONE, DESK]) {
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/settings/notifications`, ADMIN);
    await p.page.locator('[data-log-link]').click();
    await p.page.waitForURL(/\/settings\/notifications\/log$/);
    await p.page.locator('[data-delivery]').first().waitFor();
    t.true(await p.page.locator('[data-state="pending"]').count() >= 1);
    await p.page.getByRole('tab', { name: '已搁置' }).click();
    await p.page.getByText('暂无推送记录').waitFor();
    await p.page.getByRole('tab', { name: '待发送' }).click();
    await p.page.locator('[data-state="pending"]').first().waitFor();
    await p.screenshot('notifications-log');
    t.deepEqual(await p.axe(), []);
    t.deepEqual(p.problems, []);
    await p.close();
  }
});

for (const size of [PHONE, DESK]) {
  test.serial(`我的通知偏好: channels per kind and quiet hours, kept by the server (${size.width} px)`, async (t) => {
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/messages`, SALES);
    await p.page.locator('[data-prefs-link]').click();
    await p.page.waitForURL(/\/me\/notifications$/);
    const followUp = p.page.locator('[data-kind="follow_up_due"]');
    await followUp.waitFor();
    const ding = followUp.locator('[data-channel="dingtalk"]');
    const wasOn = (await ding.getAttribute('aria-checked')) === 'true';
    await ding.click();
    if (size === PHONE) await p.page.locator('input[name="quiet-start"]').fill('21:30');
    await p.page.locator('[data-save]').click();
    await p.page.getByText('已保存').first().waitFor();
    await p.screenshot('notifications-preferences');
    const token = await server.token(SALES);
    const saved = (await server.call('GET', '/api/v1/plugins/notifications/preferences/me', { token })).body;
    t.is(saved.kinds.find((k: { kind: string }) => k.kind === 'follow_up_due').channels.includes('dingtalk'), !wasOn);
    t.is(saved.quietHours.start, '21:30');
    t.deepEqual(await p.axe(), []);
    t.deepEqual(p.problems, []);
    await p.close();
  });
}
