// The WeCom client against the fake WeCom server: textcard messages, the access token's cache and its
// refresh-and-retry-once, rate limits as retryable errors, vendor errors kept whole, and workbench sign-in.
import test, { type ExecutionContext } from 'ava';
import { WeComClient, type VendorError, type WeComOptions } from '../../../plugins/notify-channels/index.js';
import { FakeWeCom, type FakeWeComOptions } from '../../support/fakes/wecom.js';
import { ManualClock } from '../../support/fakes/server.js';

const CORP = { corpId: 'ww-firm-1', corpSecret: 'app-secret-1', agentId: 1000002 };
const MEMBERS = [{ userId: 'zhangsan', mobile: '13800000001' }, { userId: 'lisi', mobile: '13800000002' }, { userId: 'wangwu' }];
const CARD = { toUsers: ['zhangsan'], title: '跟进到期', description: '<div class="gray">12月1日</div>客户 王先生 的跟进今天到期', url: 'https://crm.example.cn/#/inquiries/42', buttonText: '去跟进' };

async function setup(t: ExecutionContext, fakeOptions: Partial<FakeWeComOptions> = {}, clientOptions: Partial<WeComOptions> = {}) {
  const clock = new ManualClock();
  const fake = await new FakeWeCom({ clock, ...CORP, members: MEMBERS, ...fakeOptions }).start();
  t.teardown(() => fake.stop());
  const client = new WeComClient({ ...CORP, baseUrl: fake.url, oauthBaseUrl: 'https://open.weixin.qq.com', clock, ...clientOptions });
  return { clock, fake, client };
}

test('a textcard reaches the fake once, with the fields WeCom expects', async (t) => {
  const { fake, client } = await setup(t);
  const sent = await client.sendTextCard(CARD);
  t.is(fake.sent.length, 1);
  t.deepEqual(fake.sent[0], { msgid: sent.msgId, touser: ['zhangsan'], agentid: 1000002, textcard: { title: CARD.title, description: CARD.description, url: CARD.url, btntxt: '去跟进' } });
  t.deepEqual(sent.invalidUsers, []);
});

test('recipients WeCom does not know come back as invalidUsers; the others still get the card', async (t) => {
  const { fake, client } = await setup(t);
  const sent = await client.sendTextCard({ ...CARD, toUsers: ['zhangsan', 'ghost'] });
  t.deepEqual(sent.invalidUsers, ['ghost']);
  t.deepEqual(fake.sent.map((m) => m.touser), [['zhangsan']]);
});

test('the access token is fetched once and reused until expires_in minus the margin', async (t) => {
  const { clock, fake, client } = await setup(t);
  await client.sendTextCard(CARD);
  await client.sendTextCard(CARD);
  t.is(fake.calls('/cgi-bin/gettoken'), 1);
  clock.advance((7200 - 300) * 1000 - 1);
  await client.sendTextCard(CARD);
  t.is(fake.calls('/cgi-bin/gettoken'), 1, 'still inside the margin');
  clock.advance(1);
  await client.sendTextCard(CARD);
  t.is(fake.calls('/cgi-bin/gettoken'), 2, 'refreshed before the vendor expires it');
  t.is(fake.sent.length, 4);
});

test('callers at the same moment share one token request', async (t) => {
  const { fake, client } = await setup(t);
  await Promise.all([1, 2, 3, 4, 5].map(() => client.sendTextCard(CARD)));
  t.is(fake.calls('/cgi-bin/gettoken'), 1);
  t.is(fake.sent.length, 5);
});

test('an expired token (42001) is refreshed and the message retried once: it arrives once', async (t) => {
  const { fake, client } = await setup(t);
  await client.accessToken();
  fake.expireTokens();
  await client.sendTextCard(CARD);
  t.is(fake.calls('/cgi-bin/gettoken'), 2);
  t.is(fake.calls('/cgi-bin/message/send'), 2);
  t.is(fake.sent.length, 1);
});

test('a token WeCom no longer knows (40014) is refreshed and retried once too', async (t) => {
  const { fake, client } = await setup(t);
  await client.accessToken();
  fake.revokeTokens();
  await client.sendTextCard(CARD);
  t.is(fake.calls('/cgi-bin/gettoken'), 2);
  t.is(fake.sent.length, 1);
});

test('a token refused again after the refresh is not retried a second time', async (t) => {
  const { fake, client } = await setup(t);
  fake.refuseAllTokens();
  const e = await t.throwsAsync<VendorError>(client.sendTextCard(CARD));
  t.like(e, { vendor: 'wecom', kind: 'rejected', code: '42001', retryable: false });
  t.is(fake.calls('/cgi-bin/message/send'), 2);
  t.is(fake.calls('/cgi-bin/gettoken'), 2);
  t.is(fake.sent.length, 0);
});

test('the frequency limit (45009) is a retryable error with a delay, and nothing was sent', async (t) => {
  const { fake, client } = await setup(t);
  fake.rateLimitNext(1, 45009);
  const e = await t.throwsAsync<VendorError>(client.sendTextCard(CARD));
  t.like(e, { vendor: 'wecom', kind: 'rate_limited', code: '45009', retryable: true, retryAfterMs: 60_000 });
  t.regex(e!.vendorMessage, /api freq out of limit/);
  t.is(fake.sent.length, 0);
  await client.sendTextCard(CARD);
  t.is(fake.sent.length, 1, 'the retry the outbox makes later goes through');
});

test('the concurrency limit (45033) is retryable after a second', async (t) => {
  const { fake, client } = await setup(t);
  fake.rateLimitNext(1, 45033);
  const e = await t.throwsAsync<VendorError>(client.sendTextCard(CARD));
  t.like(e, { kind: 'rate_limited', code: '45033', retryAfterMs: 1_000 });
});

test('a permanent refusal carries WeCom errcode and errmsg and is not retryable', async (t) => {
  const { client } = await setup(t);
  const e = await t.throwsAsync<VendorError>(client.sendTextCard({ ...CARD, toUsers: ['ghost'] }));
  t.like(e, { vendor: 'wecom', kind: 'rejected', code: '81013', retryable: false, retryAfterMs: null });
  t.regex(e!.vendorMessage, /all invalid/);
  const long = await t.throwsAsync<VendorError>(client.sendTextCard({ ...CARD, buttonText: '立即去跟进吧' }));
  t.like(long, { kind: 'rejected', code: '40058' });
});

test('a wrong secret is refused at gettoken with 40001', async (t) => {
  const { fake } = await setup(t);
  const client = new WeComClient({ ...CORP, corpSecret: 'wrong', baseUrl: fake.url, clock: new ManualClock() });
  const e = await t.throwsAsync<VendorError>(client.sendTextCard(CARD));
  t.like(e, { kind: 'rejected', code: '40001' });
  t.is(fake.calls('/cgi-bin/message/send'), 0);
});

test('the authorize URL is WeCom’s 网页授权 link for the firm’s corp and agent', async (t) => {
  const { client } = await setup(t);
  const url = client.authorizeUrl({ redirectUri: 'https://crm.example.cn/sso/wecom?firm=f1', state: 's-123', scope: 'snsapi_privateinfo' });
  t.true(url.endsWith('#wechat_redirect'));
  const u = new URL(url.replace('#wechat_redirect', ''));
  t.is(`${u.origin}${u.pathname}`, 'https://open.weixin.qq.com/connect/oauth2/authorize');
  t.deepEqual(Object.fromEntries(u.searchParams), { appid: 'ww-firm-1', redirect_uri: 'https://crm.example.cn/sso/wecom?firm=f1', response_type: 'code', scope: 'snsapi_privateinfo', state: 's-123', agentid: '1000002' });
});

test('sign-in with snsapi_privateinfo: the code gives the user id and, through the user_ticket, the mobile', async (t) => {
  const { fake, client } = await setup(t);
  const user = await client.userByCode(fake.issueCode('zhangsan', 'snsapi_privateinfo'));
  t.deepEqual(user, { userId: 'zhangsan', mobile: '13800000001' });
  t.is(fake.calls('/cgi-bin/auth/getuserdetail'), 1);
});

test('sign-in with snsapi_base: the mobile comes from user/get where WeCom still returns it, else null', async (t) => {
  const older = await setup(t, { userGetReturnsMobile: true });
  t.deepEqual(await older.client.userByCode(older.fake.issueCode('lisi')), { userId: 'lisi', mobile: '13800000002' });
  const newer = await setup(t);
  t.deepEqual(await newer.client.userByCode(newer.fake.issueCode('lisi')), { userId: 'lisi', mobile: null });
});

test('an unknown, used or expired code is refused as invalid_code', async (t) => {
  const { clock, fake, client } = await setup(t);
  t.like(await t.throwsAsync<VendorError>(client.userByCode('made-up')), { kind: 'invalid_code', code: '40029', retryable: false });
  const code = fake.issueCode('zhangsan');
  await client.userByCode(code);
  t.like(await t.throwsAsync<VendorError>(client.userByCode(code)), { kind: 'invalid_code' }, 'a code is good once');
  const late = fake.issueCode('zhangsan');
  clock.advance(5 * 60_000);
  t.like(await t.throwsAsync<VendorError>(client.userByCode(late)), { kind: 'invalid_code' }, 'a code lives 5 minutes');
});

test('someone outside the organisation is refused as unknown_user', async (t) => {
  const { fake, client } = await setup(t);
  t.like(await t.throwsAsync<VendorError>(client.userByCode(fake.issueOutsiderCode())), { vendor: 'wecom', kind: 'unknown_user' });
});

test('sign-in survives an expired token like sending does', async (t) => {
  const { fake, client } = await setup(t);
  await client.accessToken();
  fake.expireTokens();
  t.deepEqual(await client.userByCode(fake.issueCode('wangwu', 'snsapi_privateinfo')), { userId: 'wangwu', mobile: null });
  t.is(fake.calls('/cgi-bin/gettoken'), 2);
});

test('“system busy” (-1) is retryable', async (t) => {
  const { fake, client } = await setup(t);
  fake.answerNext('/cgi-bin/message/send', { json: { errcode: -1, errmsg: 'system busy' } });
  t.like(await t.throwsAsync<VendorError>(client.sendTextCard(CARD)), { kind: 'unavailable', code: '-1', retryable: true, retryAfterMs: 5_000 });
});
