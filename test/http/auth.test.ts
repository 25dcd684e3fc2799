import test from 'ava';
import { testCrm } from '../support/crm.js';
import { aFirm, PASSWORD } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';

let crm: Crm;
let api: TestServer;
test.before(async () => {
  crm = await testCrm('pglite');
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('login with mobile and password returns a token that /me accepts', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales'], { name: '孙露露' });
  const login = await api.call('POST', '/api/v1/auth/login', { body: { mobile: `+86 ${sales.mobile}`, password: PASSWORD } });
  t.is(login.status, 200);
  t.regex(login.body.token, /^yz1\./);
  t.is(login.body.user.name, '孙露露');
  t.true(Date.parse(login.body.expiresAt) > Date.now());
  const me = await api.call('GET', '/api/v1/me', { token: login.body.token });
  t.is(me.status, 200);
  t.is(me.body.name, '孙露露');
  t.is(me.body.tenantId, firm.tenantId);
  t.deepEqual(me.body.roles, ['sales']);
  t.is(me.body.dataScope, 'self');
  t.true(me.body.permissions.includes('inquiry.write'));
});

test('a wrong password is auth.invalid_credentials as problem+json, in Chinese by default and English on request', async (t) => {
  const firm = await aFirm(crm);
  const p = await firm.person(['sales']);
  const zh = await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: 'wrong-pass-1' } });
  t.is(zh.status, 401);
  t.is(zh.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  t.is(zh.body.code, 'auth.invalid_credentials');
  t.is(zh.body.detail, '手机号或密码错误');
  const en = await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: 'wrong-pass-1' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
  t.is(en.body.detail, 'The mobile number or password is wrong');
});

test('a body missing fields is validation.failed listing each field path', async (t) => {
  const r = await api.call('POST', '/api/v1/auth/login', { body: { password: '' } });
  t.is(r.status, 400);
  t.is(r.body.code, 'validation.failed');
  t.deepEqual(r.body.errors.map((e: { path: string }) => e.path).sort(), ['/mobile', '/password']);
});

test('repeated wrong passwords are throttled with Retry-After, even for the right password', async (t) => {
  const firm = await aFirm(crm);
  const p = await firm.person(['sales']);
  for (let i = 0; i < 4; i++) await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: `wrong${i}xyz1` } });
  const r = await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: PASSWORD } });
  t.is(r.status, 429);
  t.is(r.body.code, 'auth.throttled');
  t.true(Number(r.headers.get('retry-after')) >= 1);
});

test('no token, a forged token and a logged-out token are all refused', async (t) => {
  const firm = await aFirm(crm);
  t.is((await api.call('GET', '/api/v1/me')).body.code, 'auth.missing_token');
  const forged = `yz1.${firm.tenantId}.${'A'.repeat(43)}`;
  t.is((await api.call('GET', '/api/v1/me', { token: forged })).body.code, 'auth.invalid_token');
  const p = await firm.person(['sales']);
  t.is((await api.call('POST', '/api/v1/auth/logout', { token: p.token })).status, 204);
  const after = await api.call('GET', '/api/v1/me', { token: p.token });
  t.is(after.status, 401);
  t.is(after.body.code, 'auth.invalid_token');
});

test('changing the password revokes every token of the user', async (t) => {
  const firm = await aFirm(crm);
  const p = await firm.person(['sales']);
  const second = (await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: PASSWORD } })).body.token;
  const weak = await api.call('POST', '/api/v1/auth/password', { token: p.token, body: { currentPassword: PASSWORD, newPassword: 'short' } });
  t.is(weak.body.code, 'auth.weak_password');
  const ok = await api.call('POST', '/api/v1/auth/password', { token: p.token, body: { currentPassword: PASSWORD, newPassword: 'newpass2026' } });
  t.is(ok.status, 204);
  t.is((await api.call('GET', '/api/v1/me', { token: second })).status, 401);
  const relogin = await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: 'newpass2026' } });
  t.is(relogin.status, 200);
});

test('the database holds only digests of tokens, never the token itself', async (t) => {
  const firm = await aFirm(crm);
  const rows = await crm.database.knex('auth_tokens').where({ tenant_id: firm.tenantId });
  t.true(rows.length >= 1);
  for (const r of rows) t.false(firm.adminToken.includes(r.token_hash));
  t.false(rows.some((r: { token_hash: string }) => r.token_hash === firm.adminToken));
});

test('a mobile registered at two firms needs the tenant to log in', async (t) => {
  const a = await aFirm(crm);
  const b = await aFirm(crm);
  const pa = await a.person(['sales']);
  await crm.organisation.createUser(b.admin, { name: '兼职', mobile: pa.mobile, departmentId: b.rootDepartmentId, roleCodes: ['sales'], password: PASSWORD });
  const r = await api.call('POST', '/api/v1/auth/login', { body: { mobile: pa.mobile, password: PASSWORD } });
  t.is(r.body.code, 'auth.tenant_required');
  const rb = await api.call('POST', '/api/v1/auth/login', { body: { mobile: pa.mobile, password: PASSWORD, tenantId: b.tenantId } });
  t.is(rb.body.tenant.id, b.tenantId);
});

test('health, readiness, request ids and security headers', async (t) => {
  const h = await api.call('GET', '/health');
  t.deepEqual(h.body, { status: 'ok' });
  const r = await api.call('GET', '/ready', { headers: { 'x-request-id': 'abc-123' } });
  t.is(r.status, 200);
  t.is(r.body.database, 'ok');
  t.is(r.headers.get('x-request-id'), 'abc-123');
  t.is(r.headers.get('x-content-type-options'), 'nosniff');
  const unknown = await api.call('GET', '/api/v1/nothing-here');
  t.is(unknown.status, 404);
  t.is(unknown.body.code, 'http.not_found');
});

test('a JSON body over the limit is refused with 413 and a non-JSON body with 415', async (t) => {
  const big = await api.call('POST', '/api/v1/auth/login', { raw: JSON.stringify({ mobile: 'x'.repeat(2 * 1024 * 1024), password: 'y' }), headers: { 'content-type': 'application/json' } });
  t.is(big.status, 413);
  t.is(big.body.code, 'http.payload_too_large');
  const form = await api.call('POST', '/api/v1/auth/login', { raw: 'mobile=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  t.is(form.status, 415);
});

test('deactivating a user ends their session at the next request, even with the actor cached', async (t) => {
  const firm = await aFirm(crm);
  const p = await firm.person(['sales']);
  t.is((await api.call('GET', '/api/v1/me', { token: p.token })).status, 200);
  const user = await crm.organisation.getUser(firm.admin, p.actor.userId);
  await crm.organisation.updateUser(firm.admin, p.actor.userId, { version: user.version, active: false });
  const r = await api.call('GET', '/api/v1/me', { token: p.token });
  t.is(r.status, 401);
  t.is(r.body.code, 'auth.invalid_token');
});

test('a renamed user is seen under the new name at once (the cache is keyed by the user\'s version)', async (t) => {
  const firm = await aFirm(crm);
  const p = await firm.person(['sales'], { name: '旧名字' });
  t.is((await api.call('GET', '/api/v1/me', { token: p.token })).body.name, '旧名字');
  const user = await crm.organisation.getUser(firm.admin, p.actor.userId);
  await crm.organisation.updateUser(firm.admin, p.actor.userId, { version: user.version, name: '新名字' });
  t.is((await api.call('GET', '/api/v1/me', { token: p.token })).body.name, '新名字');
});
