// `npm run build:all && node dist/bench/webhooks.js`: the webhooks sender delivering 1,010 events (101
// records × 10 events, interleaved) to 2 endpoints of a local receiver (another process, answering 200 at
// once), on PostgreSQL and on the embedded database, beside a bare HTTP client posting the same bodies with
// the same headers and the same number of requests in flight to the same receiver, in the same run.
// Target (issue 14): ≥ 200 deliveries/s (it was about 4/s: 1,010 events took 247 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { createCrm, type Crm } from '../adapters/composition/create-crm.js';
import type { DatabaseOptions } from '../adapters/knex/database.js';
import { RandomIds, SystemClock } from '../adapters/system/node-crypto.js';
import type { OutboxEvent } from '../core/events/subscriber.js';
import { webhooksPlugin } from '../plugins/webhooks/index.js';
import { SIGNATURE_HEADER, signatureHeader } from '../plugins/webhooks/signature.js';
import { WebhookStore } from '../plugins/webhooks/store.js';
import { Webhooks } from '../plugins/webhooks/webhooks.js';
import { fmt, freshDatabase } from './support.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 101);
const PER_RECORD = 10;
const ENDPOINTS = 2;
const CONCURRENCY = 32;

/** The receiver in a child process (so it does not share an event loop with the sender); its port. */
async function receiver(): Promise<{ child: ChildProcess; url: string }> {
  const code = `const http = require('node:http');
    const s = http.createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')); });
    s.keepAliveTimeout = 10000;
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { child, url: `http://127.0.0.1:${port}` };
}

interface Figures { readonly deliveries: number; readonly seconds: number }

async function sender(database: DatabaseOptions, url: string): Promise<{ figures: Figures; bodies: { path: string; body: string; headers: Record<string, string> }[] }> {
  const crm: Crm = await createCrm({ database, plugins: [webhooksPlugin({ allowPrivateNetworks: true })], config: { secret: 'bench', filesDir: '/tmp/yunzhou-bench-files' } });
  try {
    const { tenant } = await crm.organisation.createTenant({ name: '大鑫金服', admin: { name: '管理员', mobile: '13800000000', password: 'bench12345' } });
    const admin = await crm.auth.authenticate((await crm.auth.login({ mobile: '13800000000', password: 'bench12345' })).token);
    const ids = new RandomIds();
    const clock = new SystemClock();
    const hooks = new Webhooks(new WebhookStore(() => crm.database.knex), () => clock, () => ids, { allowPrivateNetworks: true, concurrency: CONCURRENCY });
    for (let i = 0; i < ENDPOINTS; i++) await hooks.create(admin, { url: `${url}/hook-${i}`, events: ['*'] });
    const records = Array.from({ length: RECORDS }, () => ids.id());
    let id = 1;
    for (let n = 1; n <= PER_RECORD; n++) {
      for (const subjectId of records) {
        const e: OutboxEvent = { id: id++, type: 'inquiry.updated', tenantId: tenant.id, subjectType: 'inquiry', subjectId, actorId: admin.userId, data: { n, remark: '客户补充了营业执照' }, createdAt: new Date() };
        await hooks.onEvent(e);
      }
    }
    const started = performance.now();
    let sent = 0;
    for (;;) { // the job's runs, back to back, until everything is out
      const r = await hooks.sendDue(clock.now());
      sent += r.succeeded;
      if (r.sent === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = await crm.database.knex('webhook_deliveries as d').join('webhook_endpoints as e', function () {
      this.on('e.tenant_id', 'd.tenant_id').andOn('e.id', 'd.endpoint_id');
    }).select('d.id', 'd.payload', 'd.event_type', 'd.event_id', 'e.url', 'e.secret');
    const pending = rows.length - sent;
    if (pending !== 0) throw new Error(`${pending} deliveries not sent`);
    const bodies = rows.map((r) => {
      const body = JSON.stringify(r.payload);
      return {
        path: new URL(r.url).pathname, body,
        headers: {
          'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'yunzhou-webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(r.secret, body, new Date()), 'x-yunzhou-event': r.event_type, 'x-yunzhou-event-id': String(r.event_id), 'x-yunzhou-delivery': r.id,
        },
      };
    });
    return { figures: { deliveries: sent, seconds }, bodies };
  } finally {
    await crm.close();
  }
}

/** The bare baseline: node:http posting the same bodies, CONCURRENCY in flight, no database. */
async function bare(url: string, bodies: readonly { path: string; body: string; headers: Record<string, string> }[]): Promise<Figures> {
  const agent = new Agent({ keepAlive: true });
  const post = (b: (typeof bodies)[number]): Promise<void> => new Promise((resolve, reject) => {
    const req = request(`${url}${b.path}`, { method: 'POST', headers: b.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(b.body);
  });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < bodies.length) await post(bodies[next++] as (typeof bodies)[number]);
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { deliveries: bodies.length, seconds };
}

async function main(): Promise<void> {
  const rx = await receiver();
  try {
    const rate = (f: Figures): number => f.deliveries / f.seconds;
    const line = (name: string, f: Figures): string => `${name.padEnd(44)} ${String(f.deliveries).padStart(5)} in ${fmt(f.seconds)} s = ${fmt(rate(f), 0).padStart(6)} deliveries/s`;
    console.log(`Webhooks benchmark: ${RECORDS * PER_RECORD} events (${RECORDS} records × ${PER_RECORD}) to ${ENDPOINTS} endpoints, ${CONCURRENCY} in flight, local receiver in another process`);
    const backends: [string, () => Promise<DatabaseOptions>][] = [
      ['PostgreSQL', async () => ({ url: await freshDatabase('yunzhou_bench_webhooks'), poolMax: 10 })],
      ['embedded (PGlite)', async () => ({ memory: true })],
    ];
    for (const [name, database] of backends) {
      const ours = await sender(await database(), rx.url);
      const baseline = await bare(rx.url, ours.bodies);
      console.log(line(`yunzhou sender, ${name}`, ours.figures));
      console.log(line('bare node:http client, same bodies', baseline));
      console.log(`ratio ours/bare: ${fmt(rate(ours.figures) / rate(baseline))}; target ≥ 200 deliveries/s: ${rate(ours.figures) >= 200 ? 'met' : 'NOT met'}`);
    }
  } finally {
    rx.child.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
