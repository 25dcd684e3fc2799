// `npm run bench:http`: authenticated GET /api/v1/me on PostgreSQL under 50 connections, beside a bare Koa
// handler doing the same indexed SELECT through pg, measured in the same run.
// Target (issue 2): ratio ours/bare ≥ 0.6, p99 < 50 ms on a 2-core machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import pg from 'pg';
import { createCrm } from '../adapters/composition/create-crm.js';
import { createHttpApp } from '../http/app.js';
import { createLogger } from '../http/logger.js';
import { fmt, freshDatabase, load } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  const url = await freshDatabase(process.env.BENCH_DATABASE ?? 'yunzhou_bench_http');
  const crm = await createCrm({ database: { url, poolMax: 10 }, config: { secret: 'bench' } });
  const { tenant } = await crm.organisation.createTenant({ name: '大鑫金服', admin: { name: '管理员', mobile: '13800000000', password: 'bench12345' } });
  const admin = await crm.auth.authenticate((await crm.auth.login({ mobile: '13800000000', password: 'bench12345' })).token);
  await crm.organisation.createUser(admin, { name: '孙露露', mobile: '13800000001', departmentId: admin.departmentId, roleCodes: ['sales'], password: 'bench12345' });
  const login = await crm.auth.login({ mobile: '13800000001', password: 'bench12345' });

  const ours = await listen(createHttpApp(crm, { logger: createLogger('silent') }).callback());
  // The same app without the rate limiter (on by default, its counts in PostgreSQL): what the limiter costs.
  const unlimited = await listen(createHttpApp(crm, { logger: createLogger('silent'), rateLimits: false }).callback());

  // The bare baseline: Koa, one pg pool, one indexed SELECT of the user by (tenant_id, id).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c search_path=yunzhou,public' }) // yunzhou's tables are in its own schema;
  const bare = new Koa();
  bare.use(async (ctx) => {
    const r = await pool.query('select id, name, department_id from users where tenant_id = $1 and id = $2', [tenant.id, login.user.id]);
    ctx.body = r.rows[0];
  });
  const baseline = await listen(bare.callback());

  const headers = { authorization: `Bearer ${login.token}` };
  await load(`${ours.url}/api/v1/me`, { connections: CONNECTIONS, seconds: 2, headers }); // warm up
  await load(`${baseline.url}/`, { connections: CONNECTIONS, seconds: 2 });
  const a = await load(`${ours.url}/api/v1/me`, { connections: CONNECTIONS, seconds: SECONDS, headers });
  const b = await load(`${baseline.url}/`, { connections: CONNECTIONS, seconds: SECONDS });
  const c = await load(`${unlimited.url}/api/v1/me`, { connections: CONNECTIONS, seconds: SECONDS, headers });

  const row = (name: string, r: typeof a) => `${name.padEnd(34)} ${fmt(r.requestsPerSecond, 0).padStart(8)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   errors ${r.errors + r.non2xx}`;
  console.log(`HTTP benchmark: ${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL, same run`);
  console.log(row('yunzhou GET /api/v1/me (auth)', a));
  console.log(row('bare Koa + pg indexed SELECT', b));
  console.log(row('yunzhou, rate limiter off', c));
  console.log(`rate limiter cost: ours/limiter-off ${fmt(a.requestsPerSecond / c.requestsPerSecond)}`);
  console.log(`ratio ours/bare: ${fmt(a.requestsPerSecond / b.requestsPerSecond)} (target ≥ 0.60); p99 ${a.p99} ms (target < 50 ms)`);

  ours.server.close();
  unlimited.server.close();
  baseline.server.close();
  await pool.end();
  await crm.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
