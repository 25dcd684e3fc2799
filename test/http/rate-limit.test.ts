// Requests per user and per address, per route group, counted in PostgreSQL so that every process of an
// installation shares one limit: 429 with Retry-After and a problem in Chinese or English past it.
import test from 'ava';
import { request } from 'node:http';
import { FakeClock, testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import { aFirm } from '../support/tenant.js';
import { backends, testDatabase } from '../support/database.js';
import { startServer } from '../../http/server.js';
import { createLogger } from '../../http/logger.js';
import { routeGroupOf, rateLimitsFromEnv, resolveLimits, DEFAULT_RATE_LIMITS, RateLimiter } from '../../http/middleware/rate-limit.js';
import type { RateLimitStore } from '../../adapters/knex/rate-limit-store.js';
import type { Crm } from '../../adapters/composition/create-crm.js';

/** GET from a chosen loopback source address (127.0.0.x), to be another client address. */
function getFrom(api: TestServer, path: string, localAddress: string, token?: string): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(api.url + path, { localAddress, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a user past the limit gets 429 with Retry-After and a problem in either language; another user is not affected; the next window starts afresh', async (t) => {
  const clock = new FakeClock(new Date('2026-11-26T08:00:10Z'));
  const crm = await testCrm('pglite', { clock });
  const api = await serve(crm, { rateLimitClock: clock, rateLimits: { reads: { perUser: 5, perAddress: 1000, windowSeconds: 60 } } });
  try {
    const firm = await aFirm(crm);
    const [a, b] = [await firm.person(['sales']), await firm.person(['sales'])];
    for (let i = 0; i < 5; i++) t.is((await api.call('GET', '/api/v1/me', { token: a.token })).status, 200);
    const zh = await api.call('GET', '/api/v1/me', { token: a.token });
    t.is(zh.status, 429);
    t.is(zh.headers.get('retry-after'), '50'); // the minute's window ends in 50 s
    t.is(zh.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    t.is(zh.body.code, 'http.rate_limited');
    t.is(zh.body.detail, '请求过于频繁，请 50 秒后再试');
    const en = await api.call('GET', '/api/v1/me', { token: a.token, headers: { 'accept-language': 'en' } });
    t.is(en.body.detail, 'Too many requests; try again in 50 s');
    t.is((await api.call('GET', '/api/v1/me', { token: b.token })).status, 200, 'another user has their own count');
    t.is((await api.call('POST', '/api/v1/auth/logout', { token: b.token })).status, 204, 'writes count in their own group');
    clock.advance(50_000);
    t.is((await api.call('GET', '/api/v1/me', { token: a.token })).status, 200, 'a new window');
  } finally {
    await api.close();
    await crm.close();
  }
});

test('an address past its limit is refused, signed in or not; another address is not affected', async (t) => {
  const clock = new FakeClock(new Date('2026-11-26T08:00:00Z'));
  const crm = await testCrm('pglite', { clock });
  const api = await serve(crm, { rateLimitClock: clock, rateLimits: { reads: { perUser: 1000, perAddress: 3, windowSeconds: 10 } } });
  try {
    const firm = await aFirm(crm);
    const p = await firm.person(['sales']);
    for (let i = 0; i < 3; i++) t.is((await getFrom(api, '/api/v1/me', '127.0.0.2', p.token)).status, 200);
    t.deepEqual(await getFrom(api, '/api/v1/me', '127.0.0.2'), { status: 429, retryAfter: '10' }, 'no token: counted by address all the same');
    t.is((await getFrom(api, '/api/v1/me', '127.0.0.3', p.token)).status, 200);
  } finally {
    await api.close();
    await crm.close();
  }
});

for (const backend of backends()) {
  test.serial(`${backend}: two processes share one limit: 40 parallel requests against a limit of 12 admit exactly 12`, async (t) => {
    const clock = new FakeClock(new Date(Math.floor(Date.now() / 60_000) * 60_000)); // a window of its own on a shared database
    const crms: Crm[] = [await testCrm(backend)];
    // Two processes: on PostgreSQL two Crm instances on one database, on PGlite two apps over the one database.
    crms.push(backend === 'postgres' ? await testCrm(backend) : (crms[0] as Crm));
    const limits = { rateLimitClock: clock, rateLimits: { reads: { perUser: 12, perAddress: 10_000, windowSeconds: 60 } } };
    const apis = [await serve(crms[0] as Crm, limits), await serve(crms[1] as Crm, limits)];
    try {
      const firm = await aFirm(crms[0] as Crm);
      const p = await firm.person(['sales']);
      const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => (apis[i % 2] as TestServer).call('GET', '/api/v1/me', { token: p.token }).then((r) => r.status)));
      t.is(statuses.filter((s) => s === 200).length, 12);
      t.is(statuses.filter((s) => s === 429).length, 28);
    } finally {
      for (const a of apis) await a.close();
      for (const c of new Set(crms)) await c.close();
    }
  });
}

test('routes fall into groups: sign-in, uploads, exports, reads, writes', (t) => {
  t.is(routeGroupOf({ method: 'post', path: '/auth/login' }), 'auth');
  t.is(routeGroupOf({ method: 'post', path: '/files', rawBody: { maxBytes: 1 } }), 'uploads');
  t.is(routeGroupOf({ method: 'get', path: '/receipts/export' }), 'exports');
  t.is(routeGroupOf({ method: 'get', path: '/exports/inquiries.xlsx' }), 'exports');
  t.is(routeGroupOf({ method: 'get', path: '/orders/:id' }), 'reads');
  t.is(routeGroupOf({ method: 'patch', path: '/orders/:id' }), 'writes');
});

test('limits come from the options or YUNZHOU_RATE_LIMITS over the defaults; unknown groups are refused', (t) => {
  t.deepEqual(resolveLimits({ auth: { perAddress: 100 } }).auth, { ...DEFAULT_RATE_LIMITS.auth, perAddress: 100 });
  t.deepEqual(rateLimitsFromEnv('{"writes":{"perUser":300}}'), { writes: { perUser: 300 } });
  t.is(rateLimitsFromEnv('off'), false);
  t.is(rateLimitsFromEnv(undefined), undefined);
  t.throws(() => rateLimitsFromEnv('{"everything":{}}'), { message: /unknown route group everything/ });
});

test.serial('the standalone server takes its limits from YUNZHOU_RATE_LIMITS', async (t) => {
  process.env.YUNZHOU_RATE_LIMITS = '{"reads":{"perUser":2,"windowSeconds":86400}}'; // a day: the three requests share one window
  const s = await startServer({ database: await testDatabase('pglite'), migrate: false, port: 0, host: '127.0.0.1', handleSignals: false, logger: createLogger('silent'), config: { secret: 'x' } });
  delete process.env.YUNZHOU_RATE_LIMITS;
  try {
    const firm = await aFirm(s.crm);
    const me = () => fetch(`${s.url}/api/v1/me`, { headers: { authorization: `Bearer ${firm.adminToken}` } }).then((r) => r.status);
    t.deepEqual([await me(), await me(), await me()], [200, 200, 429]);
  } finally {
    await s.stop();
  }
});

/** A store in memory that counts its upserts. */
function countingStore(): RateLimitStore & { upserts: number } {
  const counts = new Map<string, number>();
  return {
    upserts: 0,
    async add(key, windowStart, requests) {
      this.upserts++;
      const k = `${key}@${windowStart.toISOString()}`;
      counts.set(k, (counts.get(k) ?? 0) + requests);
      return counts.get(k) as number;
    },
    async sweep() {},
  };
}

test('far from its limit a key costs one upsert per 64 requests; near it, one per request, and never past it', async (t) => {
  const clock = new FakeClock();
  const who = { tenantId: 't', userId: 'u' };
  const roomy = countingStore();
  const far = new RateLimiter(roomy, clock, { reads: { perUser: 120_000, perAddress: 120_000, windowSeconds: 60 } });
  for (let i = 0; i < 128; i++) await far.check('reads', who);
  t.is(roomy.upserts, 2);
  const tight = countingStore();
  const near = new RateLimiter(tight, clock, { reads: { perUser: 5, perAddress: 1_000, windowSeconds: 60 } });
  for (let i = 0; i < 5; i++) await near.check('reads', who);
  t.is(tight.upserts, 5);
  await t.throwsAsync(near.check('reads', who), { message: /Too many requests|请求过于频繁/ });
});
