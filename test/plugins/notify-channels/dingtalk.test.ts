// The DingTalk client against the fake DingTalk server: work notifications as action cards, the access
// token's cache and its refresh-and-retry-once, rate limits as retryable errors, vendor errors kept
// whole, and sign-in from the workbench by the free-login code.
import test, { type ExecutionContext } from 'ava';
import { DingTalkClient, type VendorError } from '../../../plugins/notify-channels/index.js';
import { FakeDingTalk, type FakeDingTalkOptions } from '../../support/fakes/dingtalk.js';
import { ManualClock } from '../../support/fakes/server.js';

const APP = { appKey: 'ding-app-key', appSecret: 'ding-app-secret', agentId: 2870001 };
const MEMBERS = [{ userId: 'manager1', unionId: 'union-m1', mobile: '13900000001' }, { userId: 'sales2', unionId: 'union-s2', mobile: '13900000002' }];
const CARD = { toUsers: ['manager1'], title: '审批待办', markdown: '### 订单 DD-2026-001 待审批\n提交人：李四', buttonText: '去审批', url: 'https://crm.example.cn/#/approvals/7' };

async function setup(t: ExecutionContext, fakeOptions: Partial<FakeDingTalkOptions> = {}) {
  const clock = new ManualClock();
  const fake = await new FakeDingTalk({ clock, ...APP, members: MEMBERS, mobilePermission: true, ...fakeOptions }).start();
  t.teardown(() => fake.stop());
  const client = new DingTalkClient({ ...APP, baseUrl: fake.url, clock });
  return { clock, fake, client };
}

const SEND = '/topapi/message/corpconversation/asyncsend_v2';

test('a work notification reaches the fake once, as an action card with one button', async (t) => {
  const { fake, client } = await setup(t);
  const { taskId } = await client.sendActionCard(CARD);
  t.deepEqual(fake.sent, [{ taskId, agentId: 2870001, userIds: ['manager1'], actionCard: { title: CARD.title, markdown: CARD.markdown, single_title: '去审批', single_url: CARD.url } }]);
});

test('the access token is fetched once and reused until expires_in minus the margin', async (t) => {
  const { clock, fake, client } = await setup(t);
  await client.sendActionCard(CARD);
  clock.advance((7200 - 300) * 1000 - 1);
  await client.sendActionCard(CARD);
  t.is(fake.calls('/gettoken'), 1);
  clock.advance(1);
  await client.sendActionCard(CARD);
  t.is(fake.calls('/gettoken'), 2);
});

test('an expired token (42001) is refreshed and the notification retried once: it arrives once', async (t) => {
  const { fake, client } = await setup(t);
  await client.accessToken();
  fake.expireTokens();
  await client.sendActionCard(CARD);
  t.is(fake.calls('/gettoken'), 2);
  t.is(fake.calls(SEND), 2);
  t.is(fake.sent.length, 1);
});

test('a token refused again after the refresh is not retried a second time', async (t) => {
  const { fake, client } = await setup(t);
  fake.refuseAllTokens();
  const e = await t.throwsAsync<VendorError>(client.sendActionCard(CARD));
  t.like(e, { vendor: 'dingtalk', kind: 'rejected', code: '42001', vendorMessage: 'access_token超时' });
  t.is(fake.calls(SEND), 2);
  t.is(fake.sent.length, 0);
});

test('the per-second limit (90018) is retryable after a second; the per-minute one (90006) after a minute', async (t) => {
  const { fake, client } = await setup(t);
  fake.rateLimitNext(1, 90018);
  t.like(await t.throwsAsync<VendorError>(client.sendActionCard(CARD)), { kind: 'rate_limited', code: '90018', retryable: true, retryAfterMs: 1_000 });
  fake.rateLimitNext(1, 90006);
  t.like(await t.throwsAsync<VendorError>(client.sendActionCard(CARD)), { kind: 'rate_limited', code: '90006', retryAfterMs: 60_000 });
  t.is(fake.sent.length, 0);
  await client.sendActionCard(CARD);
  t.is(fake.sent.length, 1);
});

test('a permanent refusal carries DingTalk errcode and errmsg', async (t) => {
  const { fake } = await setup(t);
  const wrongAgent = new DingTalkClient({ ...APP, agentId: 1, baseUrl: fake.url, clock: new ManualClock() });
  t.like(await t.throwsAsync<VendorError>(wrongAgent.sendActionCard(CARD)), { kind: 'rejected', code: '40035', retryable: false, retryAfterMs: null });
  const wrongSecret = new DingTalkClient({ ...APP, appSecret: 'nope', baseUrl: fake.url, clock: new ManualClock() });
  const e = await t.throwsAsync<VendorError>(wrongSecret.sendActionCard(CARD));
  t.like(e, { kind: 'rejected', code: '40001' });
  t.is(fake.calls('/gettoken'), 2, 'one per client: a refused gettoken is not retried');
});

test('sign-in: the free-login code gives the user id, union id and mobile', async (t) => {
  const { fake, client } = await setup(t);
  t.deepEqual(await client.userByCode(fake.issueCode('sales2')), { userId: 'sales2', unionId: 'union-s2', mobile: '13900000002' });
});

test('without the mobile permission the user comes back with mobile null', async (t) => {
  const { fake, client } = await setup(t, { mobilePermission: false });
  t.deepEqual(await client.userByCode(fake.issueCode('sales2')), { userId: 'sales2', unionId: 'union-s2', mobile: null });
});

test('an unknown, used or expired code is refused as invalid_code (40078)', async (t) => {
  const { clock, fake, client } = await setup(t);
  t.like(await t.throwsAsync<VendorError>(client.userByCode('made-up')), { vendor: 'dingtalk', kind: 'invalid_code', code: '40078', vendorMessage: '不存在的临时授权码' });
  const code = fake.issueCode('manager1');
  await client.userByCode(code);
  t.like(await t.throwsAsync<VendorError>(client.userByCode(code)), { kind: 'invalid_code' });
  const late = fake.issueCode('manager1');
  clock.advance(5 * 60_000);
  t.like(await t.throwsAsync<VendorError>(client.userByCode(late)), { kind: 'invalid_code' });
});

test('a code of someone no longer in the organisation is refused as unknown_user (60121)', async (t) => {
  const { fake, client } = await setup(t);
  t.like(await t.throwsAsync<VendorError>(client.userByCode(fake.issueCode('left-the-firm'))), { kind: 'unknown_user', code: '60121' });
});

test('a token refusal wrapped in errcode 88 (鉴权异常) with its sub_code is refreshed and retried once too', async (t) => {
  const { fake, client } = await setup(t);
  await client.accessToken();
  fake.answerNext(SEND, { json: { errcode: 88, sub_code: '40014', sub_msg: '不合法的access_token', errmsg: 'ding talk error[subcode=40014,submsg=不合法的access_token]' } });
  await client.sendActionCard(CARD);
  t.is(fake.calls('/gettoken'), 2);
  t.is(fake.sent.length, 1);
});

test('errcode 88 with another sub_code is a refusal carrying the sub_code and sub_msg', async (t) => {
  const { fake, client } = await setup(t);
  fake.answerNext(SEND, { json: { errcode: 88, sub_code: '60011', sub_msg: '没有调用该接口的权限', errmsg: 'ding talk error[subcode=60011,submsg=没有调用该接口的权限]' } });
  t.like(await t.throwsAsync<VendorError>(client.sendActionCard(CARD)), { kind: 'rejected', code: '60011', vendorMessage: '没有调用该接口的权限' });
});

test('“system busy” (-1) is retryable', async (t) => {
  const { fake, client } = await setup(t);
  fake.answerNext(SEND, { json: { errcode: -1, errmsg: '系统繁忙' } });
  t.like(await t.throwsAsync<VendorError>(client.sendActionCard(CARD)), { kind: 'unavailable', code: '-1', retryable: true });
});
