// `yunzhou serve --workers N`: the flag, the refusal on the embedded database, and on PostgreSQL a real
// cluster of worker processes: a load runs through a rolling restart (SIGHUP) and a killed worker, with
// zero failed requests, and SIGTERM drains them all.
import test from 'ava';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseWorkers, refuseEmbeddedCluster } from '../../http/cluster.js';
import { createCrm } from '../../adapters/composition/create-crm.js';
import { isolatedPostgres } from '../adapters/workcenter/harness.js';
import { aFirm } from '../support/tenant.js';

const run = promisify(execFile);
const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../http/cli/main.js');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('--workers: absent is 1, auto is one per core, a count is taken as given, anything else is refused', (t) => {
  t.is(parseWorkers(undefined, 8), 1);
  t.is(parseWorkers('auto', 8), 8);
  t.is(parseWorkers('auto', 0), 1);
  t.is(parseWorkers('3', 8), 3);
  for (const bad of ['0', '-1', '2.5', 'two', '', '1000']) t.throws(() => parseWorkers(bad, 8), { message: /--workers must be/ }, bad);
});

test('several workers on the embedded database are refused with a clear message; one is allowed', (t) => {
  t.throws(() => refuseEmbeddedCluster(2, true), { message: /needs PostgreSQL \(DATABASE_URL\).*内置数据库只能由一个进程使用/ });
  t.notThrows(() => refuseEmbeddedCluster(1, true));
  t.notThrows(() => refuseEmbeddedCluster(4, false));
});

test('yunzhou serve --workers 2 on the embedded database exits 1 and says why', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-workers-'));
  try {
    const failed = await run(process.execPath, [cli, 'serve', '--workers', '2'], {
      env: { ...process.env, YUNZHOU_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' }, timeout: 60_000,
    }).then(() => null, (e: { code: number; stderr: string }) => e);
    t.is(failed?.code, 1);
    t.regex(failed?.stderr ?? '', /--workers 2 needs PostgreSQL/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** The cluster's JSON log lines, and a wait for one that matches. */
function logsOf(child: ChildProcess): { lines: Record<string, unknown>[]; until(msg: string, count?: number): Promise<void> } {
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  const waiters: Array<() => void> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try { lines.push(JSON.parse(line) as Record<string, unknown>); } catch { /* not a log line */ }
      for (const w of waiters.splice(0)) w();
    }
  });
  return {
    lines,
    async until(msg, count = 1) {
      const deadline = Date.now() + 120_000;
      while (lines.filter((l) => l.msg === msg).length < count) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${msg}" (×${count}) in the log: ${JSON.stringify(lines.map((l) => l.msg))}`);
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 500); });
      }
    },
  };
}

/** Concurrent clients on keep-alive connections, each asking again as soon as answered, until stopped. */
function load(port: number, token: string, clients: number): { stop(): Promise<{ ok: number; failed: string[] }> } {
  let running = true;
  const failed: string[] = [];
  let ok = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const once = (): Promise<void> => new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/v1/workcenter/inbox/counts', agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) ok++;
        else failed.push(`status ${res.statusCode}`);
        done();
      });
    });
    req.on('error', (e) => { failed.push(e.message); done(); });
    req.end();
  });
  const loops = Array.from({ length: clients }, async () => { while (running) await once(); });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { ok, failed };
    },
  };
}

if (process.env.TEST_DATABASE_URL) test.serial('postgres: a load runs through a rolling restart (SIGHUP) and a killed worker with zero failed requests; SIGTERM drains all', async (t) => {
  t.timeout(300_000);
  const db = await isolatedPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-workers-'));
  const crm = await createCrm({ database: { url: db.url, poolMax: 2 }, migrate: false, config: { secret: 'test-secret', filesDir: join(dir, 'files') } });
  const port = await freePort();
  let child: ChildProcess | null = null;
  try {
    const firm = await aFirm(crm);
    child = spawn(process.execPath, [cli, 'serve', '--workers', '2'], {
      env: {
        ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', YUNZHOU_SECRET: 'test-secret', YUNZHOU_DATA_DIR: join(dir, 'data'),
        YUNZHOU_LOG_FORMAT: 'json', LOG_LEVEL: 'info', YUNZHOU_RECYCLE_EVERY_SECONDS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const log = logsOf(child);
    await log.until('workers ready');
    t.is(log.lines.filter((l) => l.msg === 'worker listening').length, 2, 'two workers listen');

    const traffic = load(port, firm.adminToken, 8);
    await sleep(1_000);
    child.kill('SIGHUP');
    await log.until('rolling restart done');
    await sleep(500);
    const pids = new Set(log.lines.filter((l) => l.msg === 'worker listening').map((l) => l.worker as number));
    t.is(pids.size, 4, 'two new workers replaced the two old ones');

    const { ok, failed } = await traffic.stop();
    t.deepEqual(failed, [], 'no request failed');
    t.true(ok > 100, `${ok} requests answered`);

    // A worker that dies (its own requests in flight die with it) is replaced.
    const victim = log.lines.filter((l) => l.msg === 'worker listening').at(-1)?.worker as number;
    process.kill(victim, 'SIGKILL');
    await log.until('a worker died; starting another');
    await log.until('worker listening', 5);
    const after = load(port, firm.adminToken, 2);
    await sleep(500);
    const again = await after.stop();
    t.deepEqual(again.failed, []);
    t.true(again.ok > 0);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child?.once('exit', (c) => r(c)));
    t.is(code, 0);
    t.is(log.lines.filter((l) => l.msg === 'yunzhou stopped').length, 5, 'the two replaced workers, the two left, then the primary');
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await crm.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
