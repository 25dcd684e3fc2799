// Sign-in from the WeCom and DingTalk workbenches (issue 17) against the local fakes: the vendor's code
// signs the person in with the console's session cookie; a bad, used or expired code, a bad or used
// state and an unknown person are refused with problem+json of stable codes (a browser gets a page) and
// change nothing. Both clocks are moved by hand.
import test from 'ava';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { workbenchSignInPlugin } from '../../plugins/notify-channels/index.js';
import { testDatabase } from '../support/database.js';
import { FakeClock } from '../support/crm.js';
import { aFirm, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { ManualClock } from '../support/fakes/server.js';
import { FakeWeCom } from '../support/fakes/wecom.js';
import { FakeDingTalk } from '../support/fakes/dingtalk.js';

const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
const vendorClock = new ManualClock();
let crm: Crm;
let api: TestServer;
let wecom: FakeWeCom;
let dingtalk: FakeDingTalk;
let firm: TestFirm;
let sales: { token: string; mobile: string; actor: { userId: string } };

test.before(async () => {
  crm = await createCrm({ database: await testDatabase('pglite'), migrate: true, clock, plugins: [workbenchSignInPlugin()], config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
  api = await serve(crm);
  firm = await aFirm(crm);
  sales = await firm.person(['sales'], { name: '孙露露' });
  wecom = await new FakeWeCom({ clock: vendorClock, corpId: 'ww-corp', corpSecret: 'wecom-secret', agentId: 1000002, members: [{ userId: 'sunlulu', mobile: sales.mobile }, { userId: 'stranger', mobile: '13900000000' }] }).start();
  dingtalk = await new FakeDingTalk({ clock: vendorClock, appKey: 'ding-key', appSecret: 'ding-secret', agentId: 3000001, mobilePermission: true, members: [{ userId: 'ding-sun', unionId: 'u-sun', mobile: sales.mobile }, { userId: 'ding-stranger', unionId: 'u-x', mobile: '13900000001' }] }).start();
  const put = async (vendor: string, body: unknown) => t204(await api.call('PUT', `/api/v1/plugins/workbench/credentials/${vendor}`, { token: firm.adminToken, body }));
  await put('wecom', { corpId: 'ww-corp', agentId: 1000002, secret: 'wecom-secret', baseUrl: wecom.url, browserUrl: wecom.url });
  await put('dingtalk', { corpId: 'ding-corp', appKey: 'ding-key', agentId: 3000001, secret: 'ding-secret', baseUrl: dingtalk.url, browserUrl: `${dingtalk.url}/jsapi.js` });
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
  await wecom?.stop();
  await dingtalk?.stop();
});

function t204(r: { status: number; body: unknown }): void {
  if (r.status !== 204) throw new Error(`expected 204, got ${r.status} ${JSON.stringify(r.body)}`);
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(api.url + path, { redirect: 'manual', headers: { accept: 'application/json', ...headers } });
}

function cookies(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((c) => { const [kv] = c.split(';'); const i = (kv as string).indexOf('='); return [(kv as string).slice(0, i), (kv as string).slice(i + 1)]; }));
}

/** Opens the WeCom start address; returns the state WeCom would carry back and the browser's cookie. */
async function startWeCom(): Promise<{ state: string; cookie: string; location: URL }> {
  const res = await get(`/api/v1/plugins/workbench/wecom/start?tenant=${firm.tenantId}&next=${encodeURIComponent('/#/inbox')}`);
  if (res.status !== 302) throw new Error(`start answered ${res.status}: ${await res.text()}`);
  const location = new URL(res.headers.get('location') as string);
  const state = location.searchParams.get('state') as string;
  return { state, cookie: `yz_wb_state=${cookies(res).get('yz_wb_state')}`, location };
}

async function problem(res: Response): Promise<{ status: number; code: string }> {
  const body = (await res.json()) as { code: string };
  return { status: res.status, code: body.code };
}

test.serial('WeCom: start redirects to the authorize page with the application and a state bound to this browser', async (t) => {
  const { state, cookie, location } = await startWeCom();
  t.is(location.origin + location.pathname, `${wecom.url}/connect/oauth2/authorize`);
  t.is(location.searchParams.get('appid'), 'ww-corp');
  t.is(location.searchParams.get('agentid'), '1000002');
  t.is(location.searchParams.get('redirect_uri'), `${api.url}/api/v1/plugins/workbench/wecom/callback`);
  t.regex(state, /^[A-Za-z0-9_-]{32}$/);
  t.is(cookie, `yz_wb_state=${state}`);
});

test.serial('WeCom: the code signs the person in (matched by mobile, then by the linked id) and lands where asked', async (t) => {
  for (const round of [1, 2]) {
    const { state, cookie } = await startWeCom();
    const code = wecom.issueCode('sunlulu', 'snsapi_privateinfo');
    const res = await get(`/api/v1/plugins/workbench/wecom/callback?code=${code}&state=${state}`, { cookie });
    t.is(res.status, 302, `round ${round}`);
    t.is(res.headers.get('location'), '/#/inbox');
    const session = cookies(res).get('yz_session') as string;
    t.regex(session, /^yz1\./);
    t.is(cookies(res).get('yz_wb_state'), '');
    const me = await api.call('GET', '/api/v1/auth/session', { headers: { cookie: `yz_session=${session}` } });
    t.deepEqual([me.body.active, me.body.me.userId], [true, sales.actor.userId]);
  }
  const links = await crm.database.knex('workbench_identities').where({ tenant_id: firm.tenantId, vendor: 'wecom' });
  t.deepEqual(links.map((l) => [l.vendor_user_id, l.user_id]), [['sunlulu', sales.actor.userId]]);
  const logins = await api.call('GET', `/api/v1/audit/operations?kind=login&subjectId=${sales.actor.userId}`, { token: firm.adminToken });
  t.deepEqual(logins.body.items.slice(0, 2).map((e: { kind: string; after: { method?: string } }) => [e.kind, e.after.method]), [['login.succeeded', 'wecom'], ['login.succeeded', 'wecom']]);
});

test.serial('a state is single-use, must match the browser\'s cookie, and a wrong one is refused (workbench.bad_state)', async (t) => {
  const { state, cookie } = await startWeCom();
  const ok = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('sunlulu')}&state=${state}`, { cookie });
  t.is(ok.status, 302);
  const again = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('sunlulu')}&state=${state}`, { cookie });
  t.deepEqual(await problem(again), { status: 403, code: 'workbench.bad_state' });
  const other = await startWeCom();
  const noCookie = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('sunlulu')}&state=${other.state}`);
  t.deepEqual(await problem(noCookie), { status: 403, code: 'workbench.bad_state' });
  const guessed = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('sunlulu')}&state=guessed`, { cookie: 'yz_wb_state=guessed' });
  t.deepEqual(await problem(guessed), { status: 403, code: 'workbench.bad_state' });
  t.is(noCookie.headers.getSetCookie().length, 0);
});

test.serial('a state expires after 10 minutes', async (t) => {
  const { state, cookie } = await startWeCom();
  clock.advance(10 * 60_000 + 1);
  const res = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('sunlulu')}&state=${state}`, { cookie });
  t.deepEqual(await problem(res), { status: 403, code: 'workbench.bad_state' });
});

test.serial('a bad, used or expired code is refused (workbench.invalid_code) and signs no one in', async (t) => {
  const used = wecom.issueCode('sunlulu');
  const first = await startWeCom();
  t.is((await get(`/api/v1/plugins/workbench/wecom/callback?code=${used}&state=${first.state}`, { cookie: first.cookie })).status, 302);
  const expired = wecom.issueCode('sunlulu');
  vendorClock.advance(5 * 60_000 + 1);
  for (const code of ['made-up', used, expired]) {
    const { state, cookie } = await startWeCom();
    const res = await get(`/api/v1/plugins/workbench/wecom/callback?code=${code}&state=${state}`, { cookie });
    t.is(res.headers.getSetCookie().some((c) => c.startsWith('yz_session=')), false);
    const body = (await res.json()) as { code: string; details: { vendorCode: string } };
    t.deepEqual([res.status, body.code, body.details.vendorCode], [401, 'workbench.invalid_code', '40029'], code);
  }
});

test.serial('an unknown person is refused (workbench.unknown_user): problem+json for the API, a page for a browser; nothing linked', async (t) => {
  const api1 = await startWeCom();
  const res = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('stranger', 'snsapi_privateinfo')}&state=${api1.state}`, { cookie: api1.cookie });
  t.is(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const body = (await res.json()) as { code: string; details: { vendorUserId: string } };
  t.deepEqual([res.status, body.code, body.details.vendorUserId], [403, 'workbench.unknown_user', 'stranger']);
  const browser = await startWeCom();
  const page = await get(`/api/v1/plugins/workbench/wecom/callback?code=${wecom.issueCode('stranger')}&state=${browser.state}`, { cookie: browser.cookie, accept: 'text/html,*/*' });
  t.is(page.status, 403);
  const html = await page.text();
  t.regex(html, /无法登录云舟/);
  t.regex(html, /管理员/);
  t.regex(html, /administrator/);
  t.regex(html, /<code>stranger<\/code>/);
  t.is(page.headers.getSetCookie().some((c) => c.startsWith('yz_session=')), false);
  t.deepEqual(await crm.database.knex('workbench_identities').where({ tenant_id: firm.tenantId, vendor_user_id: 'stranger' }), []);
});

test.serial('DingTalk: the start page asks the client for a code; the callback signs the person in', async (t) => {
  const res = await get(`/api/v1/plugins/workbench/dingtalk/start?tenant=${firm.tenantId}`, { accept: 'text/html' });
  t.is(res.status, 200);
  t.regex(res.headers.get('content-security-policy') as string, new RegExp(`script-src ${dingtalk.url.replace(/\./g, '\\.')} 'nonce-`));
  const html = await res.text();
  t.true(html.includes(`<script src="${dingtalk.url}/jsapi.js"></script>`));
  const state = /"state":"([A-Za-z0-9_-]+)"/.exec(html)?.[1] as string;
  t.truthy(state);
  t.true(html.includes('"corpId":"ding-corp"'));
  const cookie = `yz_wb_state=${cookies(res).get('yz_wb_state')}`;
  const cb = await get(`/api/v1/plugins/workbench/dingtalk/callback?code=${dingtalk.issueCode('ding-sun')}&state=${state}`, { cookie });
  t.is(cb.status, 302);
  t.is(cb.headers.get('location'), '/');
  t.regex(cookies(cb).get('yz_session') as string, /^yz1\./);
  // A WeCom state is no good for DingTalk's callback (and the cookie's path keeps them apart anyway).
  const w = await startWeCom();
  const cross = await get(`/api/v1/plugins/workbench/dingtalk/callback?code=${dingtalk.issueCode('ding-sun')}&state=${w.state}`, { cookie: w.cookie });
  t.deepEqual(await problem(cross), { status: 403, code: 'workbench.bad_state' });
  const stranger = await get(`/api/v1/plugins/workbench/dingtalk/start?tenant=${firm.tenantId}`, { accept: 'text/html' });
  const s2 = /"state":"([A-Za-z0-9_-]+)"/.exec(await stranger.text())?.[1] as string;
  const refused = await get(`/api/v1/plugins/workbench/dingtalk/callback?code=${dingtalk.issueCode('ding-stranger')}&state=${s2}`, { cookie: `yz_wb_state=${cookies(stranger).get('yz_wb_state')}` });
  t.deepEqual(await problem(refused), { status: 403, code: 'workbench.unknown_user' });
  const bad = await get(`/api/v1/plugins/workbench/dingtalk/start?tenant=${firm.tenantId}`, { accept: 'text/html' });
  const s3 = /"state":"([A-Za-z0-9_-]+)"/.exec(await bad.text())?.[1] as string;
  const invalid = await get(`/api/v1/plugins/workbench/dingtalk/callback?code=nope&state=${s3}`, { cookie: `yz_wb_state=${cookies(bad).get('yz_wb_state')}` });
  t.deepEqual(await problem(invalid), { status: 401, code: 'workbench.invalid_code' });
});

test.serial('a firm without settings gets workbench.not_configured; settings need org.manage and never show the secret', async (t) => {
  const other = await aFirm(crm);
  t.deepEqual(await problem(await get(`/api/v1/plugins/workbench/wecom/start?tenant=${other.tenantId}`)), { status: 404, code: 'workbench.not_configured' });
  const listed = await api.call('GET', '/api/v1/plugins/workbench/credentials', { token: firm.adminToken });
  t.is(listed.status, 200);
  t.false(JSON.stringify(listed.body).includes('wecom-secret'));
  t.deepEqual(listed.body.items.map((i: { vendor: string; secretSet: boolean }) => [i.vendor, i.secretSet]), [['wecom', true], ['dingtalk', true]]);
  const stored = await crm.database.knex('workbench_credentials').where({ tenant_id: firm.tenantId, vendor: 'wecom' }).first();
  t.regex(stored.secret_sealed, /^v1:/);
  t.is((await api.call('GET', '/api/v1/plugins/workbench/credentials', { token: sales.token })).status, 403);
  t.is((await api.call('PUT', '/api/v1/plugins/workbench/credentials/wecom', { token: other.adminToken, body: { corpId: 'x', agentId: 1 } })).body.code, 'workbench.secret_required');
});

test.serial('the ordinary mobile + password sign-in is unchanged', async (t) => {
  const r = await api.call('POST', '/api/v1/auth/login', { body: { mobile: sales.mobile, password: 'test1234pw' } });
  t.is(r.status, 200);
  t.regex(r.body.token, /^yz1\./);
});
