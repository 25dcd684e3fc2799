// The Koa app mounted under a prefix inside a host's Koa app, the host's own session mapped to a yunzhou
// actor by a host Authenticator: the console's page and the API answer under /crm, the host's routes stay
// the host's. The prefix is stripped as koa-mount does (ctx.path without it, ctx.mountPath = '/crm').
import test from 'ava';
import Koa from 'koa';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { createHttpApp } from '../../http/app.js';
import type { Authenticator } from '../../http/authenticator.js';
import { createLogger } from '../../http/logger.js';
import { domainError } from '../../core/shared/domain-error.js';
import type { Actor } from '../../core/organisation/actor.js';
import { testCrm } from '../support/crm.js';
import { serveApp, type TestServer } from '../support/http.js';
import { aFirm, type TestFirm } from '../support/tenant.js';

/** The host's own sign-in: its session ids, each for one of its people, whom it has linked to a yunzhou user. */
const hostSessions = new Map<string, { tenantId: string; userId: string }>();

class HostSessionAuthenticator implements Authenticator {
  constructor(private readonly crm: Crm) {}
  async authenticate(headers: Readonly<Record<string, string | undefined>>): Promise<Actor> {
    const sid = /(?:^|;\s*)host_sid=([^;]+)/.exec(headers.cookie ?? '')?.[1];
    const who = sid ? hostSessions.get(sid) : undefined;
    if (!who) throw domainError('auth.missing_token', 'unauthenticated', '请先登录', 'Log in to the host first');
    return this.crm.auth.actorFor(who.tenantId, who.userId);
  }
}

/** What koa-mount does: the app's middleware run on the host's context with the prefix taken off the path. */
function mountUnder(prefix: string, app: Koa): Koa.Middleware {
  const run = (ctx: Koa.Context, i: number): Promise<void> => (i < app.middleware.length ? Promise.resolve(app.middleware[i]!(ctx, () => run(ctx, i + 1))) : Promise.resolve());
  return async (ctx, next) => {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    const path = ctx.path;
    ctx.path = path.slice(prefix.length) || '/';
    (ctx as Koa.Context & { mountPath?: string }).mountPath = prefix;
    try {
      await run(ctx, 0);
    } finally {
      ctx.path = path;
      delete (ctx as Koa.Context & { mountPath?: string }).mountPath;
    }
  };
}

/** A built console in miniature: the page with the placeholders the server fills, and one asset. */
function consoleFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-console-fixture-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><base href="/" /><meta name="yunzhou-api" content="/api/v1" /></head><body><script type="module" src="./assets/app.js"></script></body></html>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'export const console = true;');
  return dir;
}

let crm: Crm;
let host: TestServer;
let firm: TestFirm;
const seenByHost: string[] = [];

test.before(async () => {
  crm = await testCrm('pglite');
  firm = await aFirm(crm);
  const sales = await firm.person(['sales'], { name: '孙露露' });
  hostSessions.set('s-admin', { tenantId: firm.tenantId, userId: firm.admin.userId });
  hostSessions.set('s-sales', { tenantId: firm.tenantId, userId: sales.actor.userId });
  hostSessions.set('s-stranger', { tenantId: firm.tenantId, userId: '00000000-0000-4000-8000-000000000000' });
  const app = new Koa();
  app.use(async (ctx, next) => {
    await next();
    seenByHost.push(ctx.path);
  });
  app.use(mountUnder('/crm', createHttpApp(crm, { authenticator: new HostSessionAuthenticator(crm), console: { dir: consoleFixture() }, logger: createLogger('silent') })));
  app.use((ctx) => {
    ctx.body = { host: true, path: ctx.path };
  });
  host = await serveApp(app);
});
test.after.always(async () => {
  await host?.close();
  await crm?.close();
});

test('the API answers under /crm for the host\'s signed-in person, mapped to a yunzhou actor by the host\'s authenticator', async (t) => {
  const me = await host.call('GET', '/crm/api/v1/me', { headers: { cookie: 'theme=dark; host_sid=s-sales' } });
  t.is(me.status, 200);
  t.like(me.body, { tenantId: firm.tenantId, name: '孙露露', roles: ['sales'] });
  const admin = await host.call('GET', '/crm/api/v1/me', { headers: { cookie: 'host_sid=s-admin' } });
  t.is(admin.body.userId, firm.admin.userId);
  const list = await host.call('GET', '/crm/api/v1/inquiries', { headers: { cookie: 'host_sid=s-admin' } });
  t.is(list.status, 200);
  t.deepEqual(list.body.items, []);
  t.true(seenByHost.includes('/crm/api/v1/me'), 'the host\'s own middleware sees its path back');
});

test('no host session, or one for nobody in the firm, is 401 with a problem body', async (t) => {
  const none = await host.call('GET', '/crm/api/v1/me');
  t.is(none.status, 401);
  t.is(none.body.code, 'auth.missing_token');
  const stranger = await host.call('GET', '/crm/api/v1/me', { headers: { cookie: 'host_sid=s-stranger' } });
  t.is(stranger.status, 401);
  t.is(stranger.body.code, 'auth.unknown_user');
});

test('the console\'s page under /crm points its links and its API at /crm', async (t) => {
  for (const path of ['/crm', '/crm/', '/crm/inquiries/123']) {
    const page = await host.call('GET', path);
    t.is(page.status, 200, path);
    t.true(String(page.body).includes('<base href="/crm/" />'), path);
    t.true(String(page.body).includes('content="/crm/api/v1"'), path);
  }
  const asset = await host.call('GET', '/crm/assets/app.js');
  t.is(asset.status, 200);
  t.regex(asset.headers.get('content-type') ?? '', /javascript/);
});

test('the host\'s own routes stay the host\'s: nothing of yunzhou answers outside /crm', async (t) => {
  t.deepEqual((await host.call('GET', '/shop')).body, { host: true, path: '/shop' });
  t.deepEqual((await host.call('GET', '/api/v1/me', { headers: { cookie: 'host_sid=s-admin' } })).body, { host: true, path: '/api/v1/me' });
  t.deepEqual((await host.call('GET', '/crmx')).body, { host: true, path: '/crmx' });
});

test('actorFor refuses ids that are not a firm\'s active people, and follows deactivation', async (t) => {
  await t.throwsAsync(crm.auth.actorFor(firm.tenantId, 'not-a-uuid'), { message: /No such active person/ });
  await t.throwsAsync(crm.auth.actorFor('00000000-0000-4000-8000-000000000000', firm.admin.userId), { message: /No such active person/ });
  const temp = await firm.person(['sales']);
  t.is((await crm.auth.actorFor(firm.tenantId, temp.actor.userId)).userId, temp.actor.userId);
  const user = await crm.organisation.getUser(firm.admin, temp.actor.userId);
  await crm.organisation.updateUser(firm.admin, temp.actor.userId, { active: false, version: user.version });
  await t.throwsAsync(crm.auth.actorFor(firm.tenantId, temp.actor.userId), { message: /No such active person/ });
});
