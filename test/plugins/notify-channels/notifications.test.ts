// The notifications plugin in one process against the local fakes (issue 17): the four stories reach the
// right person once on each channel they chose, and a second pass (the same events delivered again, the
// jobs run again) sends nothing more; an expired access_token is refreshed and the send retried once; a
// rate limit queues the copy (and the firm's others on that channel) and it goes out later; a failure is
// parked with the vendor's code and message, listed for the administrator and sent again on request;
// preferences are validated and kept per person; channel secrets are never answered back.
import test from 'ava';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { notificationsPlugin } from '../../../plugins/notify-channels/index.js';
import { FakeClock, tenantChecked } from '../../support/crm.js';
import { checkTenantSql } from '../../support/tenant-sql.js';
import { serve, type TestServer } from '../../support/http.js';
import { isolatedPostgres, type IsolatedDatabase } from '../../adapters/workcenter/harness.js';
import { aStoryFirm, connect, expected, firstThree, overdue, sentBy, startFakes, type Fakes, type Story } from './notifications-scenario.js';

const clock = new FakeClock(new Date('2026-12-01T02:00:00Z')); // 10:00 in Shanghai
let db: IsolatedDatabase;
let crm: Crm;
let api: TestServer;
let fakes: Fakes;
let story: Story;

const send = () => crm.scheduler.runJob('notifications.send', clock.now(), true);
const deliver = async () => {
  await crm.outboxRelay.runOnce();
  await send();
};

if (process.env.TEST_DATABASE_URL) {
  test.before(async () => {
    db = await isolatedPostgres([]);
    crm = await createCrm({
      database: { url: db.url, poolMax: 4 }, migrate: true, clock, plugins: [notificationsPlugin({ publicUrl: 'https://crm.example.cn' })],
      config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' },
    });
    if (checkTenantSql()) crm = await tenantChecked(crm);
    api = await serve(crm);
    story = await aStoryFirm(crm);
    fakes = await startFakes(clock, story);
    await connect(api, story, fakes);
  });
  test.after.always(async () => {
    await api?.close();
    await crm?.close();
    await fakes?.stop();
    await db?.drop();
  });

  test.serial('a follow-up due, an approval, a receipt and an overdue instalment reach the right person once per chosen channel', async (t) => {
    const three = await firstThree(crm, story, clock.now());
    const overdueOrderId = await overdue(crm, story, clock.now());
    await deliver();
    const want = expected(story, { ...three, overdueOrderId });
    t.deepEqual(sentBy(fakes), want);

    // Everything again: the relay redelivers (its record of this subscriber forgotten), the jobs run again.
    const again = await crm.database.knex.raw(`update outbox_events set delivered_at = null, handled = handled - 'notifications:1' where tenant_id = ?`, [story.f.firm.tenantId]);
    t.true(again.rowCount > 5);
    await crm.followUpReminders.run(clock.now());
    await crm.overdueNotices.run(clock.now());
    await deliver();
    await send();
    t.deepEqual(sentBy(fakes), want, 'nothing sent twice');

    const card = fakes.wecom.sent.find((m) => m.touser.includes('w-sales'));
    t.regex(card?.textcard.title ?? '', /^跟进提醒：盛博科技/);
    t.is(card?.textcard.btntxt, '详情');
    const sms = fakes.sms.sent.find((m) => m.templateCode === 'SMS_1002');
    t.deepEqual(Object.keys(sms?.templateParam ?? {}), ['name', 'number', 'dueOn']);
    t.is(sms?.templateParam.dueOn, '2026-11-20');
    const log = await api.call('GET', '/api/v1/plugins/notifications/deliveries?state=sent&limit=100', { token: story.f.firm.adminToken });
    t.is(log.body.items.length, want.wecom.length + want.dingtalk.length + want.sms.length);
  });

  test.serial('an expired access_token is refreshed and the send retried once', async (t) => {
    const before = fakes.wecom.calls('/cgi-bin/gettoken');
    fakes.wecom.expireTokens();
    await firstThree(crm, story, clock.now());
    await deliver();
    t.is(fakes.wecom.calls('/cgi-bin/gettoken'), before + 1, 'one new token');
    const sent = sentBy(fakes).wecom;
    t.is(sent.length, 8, 'the four new WeCom copies went out');
    t.is(new Set(sent).size, 8);
  });

  test.serial('a rate limit queues the copies and they go out once the vendor allows', async (t) => {
    fakes.dingtalk.rateLimitNext(1, 90018);
    const before = fakes.dingtalk.sent.length;
    await overdue(crm, story, clock.now());
    await deliver();
    t.is(fakes.dingtalk.sent.length, before, 'nothing yet');
    const waiting = await api.call('GET', '/api/v1/plugins/notifications/deliveries?state=waiting', { token: story.f.firm.adminToken });
    t.like(waiting.body.items.find((i: { channel: string }) => i.channel === 'dingtalk'), { state: 'rate_limited', attempts: 0, vendorCode: '90018' });
    clock.advance(1_000);
    await send();
    t.is(fakes.dingtalk.sent.length, before + 1, 'sent after the wait, once');
  });

  test.serial('a refusal is parked with the vendor\'s code and message, and sent again on request', async (t) => {
    const admin = story.f.firm.adminToken;
    fakes.sms.answerNext('/', { json: { RequestId: 'x', Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '模板不合法(不存在或被拉黑)' } });
    await overdue(crm, story, clock.now());
    await deliver();
    const parked = await api.call('GET', '/api/v1/plugins/notifications/deliveries?state=parked', { token: admin });
    const item = parked.body.items.find((i: { channel: string }) => i.channel === 'sms');
    t.like(item, { state: 'parked', vendorCode: 'isv.SMS_TEMPLATE_ILLEGAL', vendorMessage: '模板不合法(不存在或被拉黑)', recipient: { name: '孙露露' } });
    const retry = await api.call('POST', `/api/v1/plugins/notifications/deliveries/${item.id}/retry`, { token: admin });
    t.like(retry.body, { state: 'pending', attempts: 0 });
    await send();
    const sent = (await api.call('GET', '/api/v1/plugins/notifications/deliveries?state=sent&limit=100', { token: admin })).body.items;
    t.like(sent.find((i: { id: string }) => i.id === item.id), { state: 'sent', attempts: 1 });
    const again = await api.call('POST', `/api/v1/plugins/notifications/deliveries/${item.id}/retry`, { token: admin });
    t.deepEqual([again.status, again.body.code], [409, 'notifications.not_parked']);
  });

  test.serial('channels: secrets never answered, a missing secret keeps the stored one, bad settings change nothing', async (t) => {
    const admin = story.f.firm.adminToken;
    const list = await api.call('GET', '/api/v1/plugins/notifications/channels', { token: admin });
    t.deepEqual(list.body.items.map((c: { channel: string; secretSet: boolean }) => [c.channel, c.secretSet]), [['dingtalk', true], ['sms', true], ['wecom', true]]);
    t.false(JSON.stringify(list.body).includes('secret"'), 'no secret field');
    t.false(JSON.stringify(list.body).includes('wecom-secret'));
    const sealed = await crm.database.knex('notifications_channels').where({ tenant_id: story.f.firm.tenantId, channel: 'wecom' }).first();
    t.false(String(sealed.secret_sealed).includes('wecom-secret'), 'sealed at rest');
    const bad = await api.call('PUT', '/api/v1/plugins/notifications/channels', { token: admin, body: { items: [
      { channel: 'wecom', enabled: true, settings: { corpId: '', agentId: -1 } },
      { channel: 'sms', enabled: true, settings: { accessKeyId: 'x', signName: '云舟', templates: { approval_waiting: 'TPL' } } },
    ] } });
    t.is(bad.status, 400);
    t.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['/items/0/settings/agentId', '/items/0/settings/corpId', '/items/1/settings/templates/approval_waiting']);
    const keep = await api.call('PUT', '/api/v1/plugins/notifications/channels', { token: admin, body: { items: [
      { channel: 'wecom', enabled: true, baseUrl: fakes.wecom.url, settings: { corpId: 'ww-corp', agentId: 1000002 } },
    ] } });
    t.is(keep.status, 200);
    const test1 = await api.call('POST', '/api/v1/plugins/notifications/channels/wecom/test', { token: admin, body: { userId: story.f.sales.actor.userId } });
    t.deepEqual(test1.body, { ok: true });
    t.is(fakes.wecom.sent.at(-1)?.textcard.title, '云舟CRM 测试消息');
    const sales = await api.call('GET', '/api/v1/plugins/notifications/channels', { token: story.f.sales.token });
    t.is(sales.status, 403);
  });

  test.serial('the test-send button reports the vendor\'s refusal', async (t) => {
    const admin = story.f.firm.adminToken;
    const r = await api.call('POST', '/api/v1/plugins/notifications/channels/dingtalk/test', { token: admin, body: {} });
    // The administrator's mobile is no DingTalk member.
    t.deepEqual(r.body, { ok: false, vendorCode: '60121', vendorMessage: '找不到该用户' });
  });

  test.serial('preferences: per person, validated with field codes, unchanged on refusal', async (t) => {
    const token = story.f.sales.token;
    const mine = await api.call('GET', '/api/v1/plugins/notifications/preferences/me', { token });
    t.deepEqual(mine.body.kinds.find((k: { kind: string }) => k.kind === 'instalment_overdue').channels, ['dingtalk', 'sms']);
    t.is(mine.body.timeZone, 'Asia/Shanghai');
    t.deepEqual(mine.body.availableChannels, ['dingtalk', 'sms', 'wecom']);
    const bad = await api.call('PUT', '/api/v1/plugins/notifications/preferences/me', { token, body: { channels: { follow_up_due: ['fax'] }, quietHours: { start: '22:00', end: '22:00' } } });
    t.is(bad.status, 400);
    t.deepEqual(bad.body.errors.map((e: { code: string }) => e.code).sort(), ['notification.channel_unknown', 'notification.quiet_hours_empty']);
    const ok = await api.call('PUT', '/api/v1/plugins/notifications/preferences/me', { token, body: { quietHours: { start: '21:00', end: '07:30' }, digest: { at: '18:00', kinds: ['follow_up_due'] } } });
    t.is(ok.status, 200);
    t.deepEqual([ok.body.quietHours, ok.body.digest], [{ start: '21:00', end: '07:30' }, { at: '18:00', kinds: ['follow_up_due'] }]);
    const other = await api.call('GET', '/api/v1/plugins/notifications/preferences/me', { token: story.f.finance.token });
    t.is(other.body.quietHours, null, 'another person\'s are their own');
  });

  test.serial('a digest gathers the day\'s held copies into one message at its time', async (t) => {
    // Sales now has follow_up_due in an 18:00 digest (previous test): two reminders wait for it.
    const before = fakes.wecom.sent.length;
    await firstThree(crm, story, clock.now());
    await firstThree(crm, story, clock.now());
    await deliver();
    const toSales = () => fakes.wecom.sent.slice(before).filter((m) => m.touser.includes('w-sales'));
    t.is(toSales().length, 0, 'held for the digest');
    clock.set('2026-12-01T10:00:00Z'); // 18:00 in Shanghai
    await send();
    await send();
    t.is(toSales().length, 1, 'one digest');
    t.regex(toSales()[0]?.textcard.title ?? '', /^通知汇总：共 2 条/);
  });
}
