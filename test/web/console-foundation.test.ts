// The console's foundation in a real browser: served by the standalone app at '/', signed in with an
// HttpOnly cookie, phone and desk sizes, sign-out, an ended session returning to the page, mounting by a
// host under /crm or leaving it out, and the console's own rules for cookie-authenticated writes.
import test from 'ava';
import Koa from 'koa';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleServer, DEMO_PASSWORD, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { createHttpApp } from '../../http/app.js';
import { createLogger } from '../../http/logger.js';

let server: ConsoleServer;
let browser: Browser;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (p: TestPage, base: string, mobile: string, path = '/'): Promise<void> => signInThroughPage(p, base + path, mobile);

test.serial('the console is served at / with a strict CSP, cached hashed assets and client routes falling back to the page', async (t) => {
  const page = await server.call('GET', '/');
  t.is(page.status, 200);
  t.regex(page.headers.get('content-type') ?? '', /text\/html/);
  const csp = page.headers.get('content-security-policy') ?? '';
  t.regex(csp, /script-src 'self'(;|$)/);
  t.notRegex(page.body as string, /<script>(?!<\/script>)/, 'no inline script');
  const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body as string)?.[1];
  t.truthy(asset);
  const js = await server.call('GET', `/${asset}`);
  t.is(js.status, 200);
  t.is(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const deep = await server.call('GET', '/orders/3b0d3c8e-0000-4000-8000-000000000000');
  t.is(deep.status, 200);
  t.is(deep.body, page.body);
  const api404 = await server.call('GET', '/api/v1/no-such-thing');
  t.is(api404.status, 404);
  t.is(api404.body.code, 'http.not_found');
});

for (const size of [PHONE, DESK]) {
  test.serial(`孙露露 signs in and sees the home screen at ${size.width}px: modules, badges and the briefing`, async (t) => {
    const p = await browser.page(size);
    await signIn(p, server.url, '13800000001');
    await p.page.waitForURL(`${server.url}/`);
    await p.page.getByRole('heading', { name: '孙露露，你好' }).waitFor();
    for (const name of ['咨询公海', '客户公海', '咨询', '准客户', '办理中心', '订单管理', '还款计算']) {
      t.true(await p.page.getByRole('link', { name: new RegExp(name) }).first().isVisible(), name);
    }
    // The 办理中心 badge is the server's count of what waits on her.
    const counts = await server.call('GET', '/api/v1/workcenter/inbox/counts', { token: await server.token('13800000001') });
    t.true(counts.body.total > 0);
    await p.page.locator('[data-module="workcenter"] .van-badge').waitFor();
    t.is(await p.page.locator('[data-module="workcenter"] .van-badge').innerText(), String(Math.min(counts.body.total, 99)) + (counts.body.total > 99 ? '+' : ''));
    await p.page.locator('[data-figure="collected"]').waitFor();
    t.regex(await p.page.locator('[data-figure="contract"]').innerText(), /合同金额\s*[\d,]+/);
    await p.page.locator('figure.trend svg path').first().waitFor();
    const cookie = (await p.context.cookies()).find((c) => c.name === 'yz_session');
    t.truthy(cookie);
    t.true(cookie?.httpOnly);
    t.is(cookie?.sameSite, 'Strict');
    t.is(await p.page.evaluate('document.cookie'), '', 'no script can read the session');
    await p.screenshot('home');
    t.deepEqual(await p.axe(), []);
    t.deepEqual(p.problems, []);
    await p.close();
  });
}

test.serial('on a desk every module is reached with the keyboard', async (t) => {
  const p = await browser.page(DESK);
  await signIn(p, server.url, '13800000001');
  await p.page.getByRole('heading', { name: '孙露露，你好' }).waitFor();
  const reached = new Set<string>();
  for (let i = 0; i < 40 && !reached.has('workcenter'); i++) {
    await p.page.keyboard.press('Tab');
    const module = await p.page.evaluate('document.activeElement?.getAttribute("data-module") ?? null');
    if (typeof module === 'string') reached.add(module);
  }
  t.true(['inquiryPool', 'customerPool', 'inquiries', 'prospects', 'workcenter'].every((m) => reached.has(m)), [...reached].join(','));
  await p.page.keyboard.press('Enter');
  await p.page.waitForURL(/\/workcenter/);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('signing out ends the session on the server; a session that ends sends the person to sign in and back to the page', async (t) => {
  const p = await browser.page(PHONE);
  await signIn(p, server.url, '13800000001', '/?tab=briefing');
  await p.page.getByRole('heading', { name: '孙露露，你好' }).waitFor();
  const token = (await p.context.cookies()).find((c) => c.name === 'yz_session')?.value as string;
  // The session ends elsewhere (signed out from another device): the next call answers 401.
  const out = await server.call('POST', '/api/v1/auth/logout', { token });
  t.is(out.status, 204);
  await p.page.reload();
  await p.page.waitForURL(/\/login\?redirect=/);
  t.is(new URL(p.page.url()).searchParams.get('redirect'), '/?tab=briefing');
  await p.page.getByLabel('手机号').fill('13800000001');
  await p.page.getByLabel('密码').fill(DEMO_PASSWORD);
  await p.page.getByRole('button', { name: '登录' }).click();
  await p.page.waitForURL(`${server.url}/?tab=briefing`);
  const second = (await p.context.cookies()).find((c) => c.name === 'yz_session')?.value as string;
  t.not(second, token);
  await p.page.getByRole('button', { name: '退出登录' }).click();
  await p.page.waitForURL(/\/login/);
  const me = await server.call('GET', '/api/v1/me', { headers: { cookie: `yz_session=${second}` } });
  t.is(me.status, 401, 'the signed-out session no longer works');
  t.falsy((await p.context.cookies()).find((c) => c.name === 'yz_session'));
  t.deepEqual(p.problems.filter((m) => !m.includes('401')), []);
  await p.close();
});

test.serial('a wrong password is shown as the server says it, in Chinese, and English is one tap away', async (t) => {
  const p = await browser.page(PHONE);
  await p.page.goto(`${server.url}/login`);
  await p.page.getByLabel('手机号').fill('13800000001');
  await p.page.getByLabel('密码').fill('wrong-password');
  await p.page.getByRole('button', { name: '登录' }).click();
  await p.page.getByRole('alert').waitFor();
  t.regex(await p.page.getByRole('alert').innerText(), /手机号或密码/);
  await p.page.getByRole('button', { name: 'English' }).click();
  await p.page.getByRole('button', { name: 'Sign in' }).click();
  await p.page.getByRole('alert').filter({ hasText: /mobile|password/i }).waitFor();
  t.regex(await p.page.getByRole('alert').innerText(), /password/i);
  // The choice stays on the device: a reload opens in English (its words fetched before the screen shows).
  await p.page.reload();
  await p.page.getByRole('button', { name: 'Sign in' }).waitFor();
  t.is(await p.page.getByRole('button', { name: '登录' }).count(), 0);
  t.deepEqual(p.problems.filter((x) => !/status of 401/.test(x)), []);
  await p.close();
});

test.serial('a cookie-authenticated write without the console header is refused; the bearer API is unchanged', async (t) => {
  const login = await server.call('POST', '/api/v1/auth/session', { body: { mobile: '13800000001', password: DEMO_PASSWORD } });
  t.is(login.status, 201);
  t.is(login.body.token, undefined, 'the token is never in the body');
  const setCookie = login.headers.get('set-cookie') ?? '';
  t.regex(setCookie, /yz_session=[^;]+; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
  const cookie = setCookie.split(';')[0] as string;
  const forged = await server.call('POST', '/api/v1/messages/read-all', { headers: { cookie }, body: {} });
  t.is(forged.status, 403);
  t.is(forged.body.code, 'auth.console_header_missing');
  const fromConsole = await server.call('POST', '/api/v1/messages/read-all', { headers: { cookie, 'x-requested-with': 'yunzhou-console' }, body: {} });
  t.true(fromConsole.status < 300, String(fromConsole.status));
  const token = await server.token('13800000001');
  t.is((await server.call('GET', '/api/v1/me', { token })).status, 200);
});

test.serial('a host leaves the console out, or mounts it under /crm beside its own routes', async (t) => {
  const without = createHttpApp(server.crm, { logger: createLogger('silent'), console: false });
  const s1 = createServer(without.callback());
  await new Promise<void>((r) => s1.listen(0, '127.0.0.1', () => r()));
  const u1 = `http://127.0.0.1:${(s1.address() as AddressInfo).port}`;
  t.is((await fetch(`${u1}/`)).status, 404);
  s1.close();

  const yz = createHttpApp(server.crm, { logger: createLogger('silent'), console: { basePath: '/crm' } });
  const host = new Koa();
  const yzHandler = yz.callback();
  host.use(async (ctx, next) => {
    if (ctx.path === '/host-page') {
      ctx.body = 'the host’s own page';
      return;
    }
    if (ctx.path.startsWith('/crm') || ctx.path.startsWith('/api/v1')) {
      ctx.respond = false;
      yzHandler(ctx.req, ctx.res);
      return;
    }
    await next();
  });
  const s2 = createServer(host.callback());
  await new Promise<void>((r) => s2.listen(0, '127.0.0.1', () => r()));
  const u2 = `http://127.0.0.1:${(s2.address() as AddressInfo).port}`;
  t.is(await (await fetch(`${u2}/host-page`)).text(), 'the host’s own page');
  const p = await browser.page(PHONE);
  await signIn(p, u2, '13800000001', '/crm/');
  await p.page.waitForURL(`${u2}/crm/`);
  await p.page.getByRole('heading', { name: '孙露露，你好' }).waitFor();
  t.regex(await p.page.locator('[data-figure="collected"]').innerText(), /回款金额/);
  t.deepEqual(p.problems, []);
  await p.close();
  s2.close();
});
