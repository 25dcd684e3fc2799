// `npm run bench:flow`: the mixed-load benchmark (issue 18). N simulated staff of the demo firm run the
// brochure's 13 steps (test/e2e/flow.test.ts) through HTTP at once, with the reads people do between steps
// (lists, 查重, 办理中心, the briefing) and a pause between steps, against a real `yunzhou serve` on
// PostgreSQL with 1 and then 2 worker processes, in the same run on the same database. It prints completed
// flows per minute, p50/p95/p99 per route group, errors (target 0), database connections in use
// (pg_stat_activity) and deadlocks (retried, and retries exhausted: the server's 40P01 errors).
// Options: --staff N (200), --seconds S measured per worker count (120), --workers 1,2, --think-ms (1000),
// --ramp-s (13 × think: people start one after another over it, and the S seconds are measured after it).
// The load generator runs in this process, on the same cores as the server: figures are what it sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCrm } from '../adapters/composition/create-crm.js';
import { seedDemoOrganisation } from '../adapters/demo/organisation.seed.js';
import { seedDemoApprovals } from '../adapters/demo/approvals.seed.js';
import { DEMO_SELLER } from '../adapters/demo/invoices.seed.js';
import { DEMO_PRODUCTS } from '../core/products/demo-products.js';
import { makeResidentId, makeUscc } from '../core/identity/index.js';
import { fmt, freshDatabase, percentile } from './support.js';
import { FLOW_GROUPS, runFlow, signIn, type Caller, type FlowPeople, type Recorder } from './flow-steps.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '../http/cli/main.js');
/** Loaded into every server process: its event loop's delay, printed at exit. */
const probe = join(dirname(fileURLToPath(import.meta.url)), 'event-loop-probe.js');
const PASSWORD = 'bench12345';
const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface FlowBenchOptions {
  readonly staff: number;
  readonly seconds: number;
  readonly workers: readonly number[];
  readonly thinkMs: number;
  /** Seconds over which people start, before the S seconds measured (default: one flow's pauses, 13 × think). */
  readonly rampSeconds?: number;
  /** After the S seconds, flows under way run to their end (and count), no new one starts: for a short run. */
  readonly drain?: boolean;
  /** A database name beside BASE_URL's (dropped and created). */
  readonly database?: string;
  readonly log?: (line: string) => void;
}

/** One server process's event loop (bench/event-loop-probe.ts), ms. */
export interface EventLoopFigures {
  readonly pid: number; readonly p50: number; readonly p99: number; readonly max: number; readonly mean: number;
  /** Times the loop was blocked 20 ms or more, their total and the longest. */
  readonly stalls: number; readonly stallMs: number; readonly worstStalls: readonly number[];
  /** The longest stalls: [seconds after the load started, ms]. */
  readonly stallAt: readonly (readonly [number, number])[];
  readonly gc: { readonly count: number; readonly ms: number; readonly max: number; readonly major: number; readonly majorMs: number };
}

export interface GroupFigures { readonly count: number; readonly p50: number; readonly p95: number; readonly p99: number }

export interface PhaseResult {
  readonly workers: number;
  readonly staff: number;
  readonly seconds: number;
  readonly flowsCompleted: number;
  readonly flowsPerMinute: number;
  readonly requests: number;
  readonly groups: Readonly<Record<string, GroupFigures>>;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  /** Server connections to the database (pg_stat_activity): open, and busy (in a statement or a transaction). */
  readonly connections: { readonly max: number; readonly mean: number; readonly busyMax: number; readonly busyMean: number };
  readonly deadlocks: number;
  readonly deadlockRetriesExhausted: number;
  /** Requests of one completed flow (its reads included). */
  readonly requestsPerFlow: number;
  /** Requests per minute ÷ requests per flow: the work done, when flows outlast a short run on a busy machine. */
  readonly flowEquivalentsPerMinute: number;
  /** CPU of the server processes (primary and workers) per request, ms: what load on the machine does not change much. */
  readonly serverCpuMsPerRequest: number;
  /** CPU of PostgreSQL's processes per request, ms. */
  readonly databaseCpuMsPerRequest: number;
  /** CPU of the simulated staff's client (this process) per request, ms. */
  readonly clientCpuMsPerRequest: number;
  /** Requests answered per second. */
  readonly requestsPerSecond: number;
  /** Whether the server ran autovacuum; when it did not, how many times the bench vacuumed in its place. */
  readonly autovacuum: boolean;
  readonly benchVacuums: number;
  /** Seconds over which people started, before the measured ones. */
  readonly rampSeconds: number;
  /** The requests with the highest p99 (at least 50 of them), slowest first. */
  readonly slowestRequests: readonly ({ readonly request: string } & GroupFigures)[];
  /** The seconds of the run where most requests took 100 ms or more: [second, requests, of them ≥ 100 ms, max ms]. */
  readonly worstSeconds: readonly (readonly [number, number, number, number])[];
  /** What busy database connections were doing, sampled every 200 ms: wait event (or CPU) → share of samples. */
  readonly databaseWaits: Readonly<Record<string, number>>;
  /** How long callbacks waited for each server process's event loop (perf_hooks), ms. */
  readonly eventLoopDelay: readonly EventLoopFigures[];
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Proc { readonly pid: string; readonly parent: string; readonly name: string; readonly cpuMs: number }

/** This machine's processes from /proc (Linux; none elsewhere): parent, name and CPU time (user + system). */
function processes(): Proc[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const found: Proc[] = [];
  for (const pid of pids) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    // f[1] is the parent (field 4), f[11] and f[12] utime and stime (fields 14 and 15), in 1/100 s.
    found.push({ pid, parent: f[1] as string, name, cpuMs: (Number(f[11]) + Number(f[12])) * 10 });
  }
  return found;
}

/** CPU time (ms) of the processes `counted` picks. */
const cpuOf = (counted: (p: Proc) => boolean): number => processes().filter(counted).reduce((sum, p) => sum + p.cpuMs, 0);

/** The server: a process and its children (the workers). */
const ofServer = (rootPid: number | undefined) => (p: Proc): boolean => rootPid !== undefined && (p.pid === String(rootPid) || p.parent === String(rootPid));

/** Sends `signal` to the server process and its workers. */
function signalServer(rootPid: number | undefined, signal: NodeJS.Signals): void {
  for (const p of processes().filter(ofServer(rootPid))) {
    try {
      process.kill(Number(p.pid), signal);
    } catch {
      // gone meanwhile
    }
  }
}

const cpuMs = (rootPid: number | undefined): number => cpuOf(ofServer(rootPid));
/** PostgreSQL's processes on this machine (its backends do the statements' work on the same cores). */
const databaseCpuMs = (): number => cpuOf((p) => p.name === 'postgres');
/** This process: the simulated staff (their HTTP client) share the cores too. */
const clientCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1_000;
};

interface Server { readonly url: string; readonly child: ChildProcess; readonly logLines: string[]; stop(): Promise<void> }

/** `yunzhou serve --workers N` on the bench database; resolves once /ready answers 200. */
async function startServer(databaseUrl: string, workers: number, dataDir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', pathToFileURL(probe).href, cli, 'serve', '--workers', String(workers)], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', YUNZHOU_SECRET: 'bench', YUNZHOU_DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      // Every simulated person comes from 127.0.0.1: the per-address limits (meant for one office's NAT) are
      // raised so that the address is not what throttles 200 people; the limiter itself stays on.
      YUNZHOU_RATE_LIMITS: JSON.stringify({ auth: { perAddress: 1e6 }, writes: { perAddress: 1e7 }, uploads: { perAddress: 1e6 }, reads: { perAddress: 1e8 } }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  const collect = (chunk: Buffer): void => { for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) logLines.push(l); };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`yunzhou serve exited (${child.exitCode}): ${logLines.slice(-5).join('\n')}`);
    const ok = await fetch(`${url}/ready`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (i > 600) throw new Error('yunzhou serve did not become ready in 60 s');
    await sleep(100);
  }
  if (workers > 1) await sleep(500); // the other workers listen by now too (the primary waits for all before it logs)
  return {
    url, child, logLines,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000).then(() => { child.kill('SIGKILL'); })]);
    },
  };
}

/** The firm: the demo's people and approval flows, 税E贷, invoicing settings and `staff` more sales people. */
export async function prepare(databaseUrl: string, staff: number, dataDir: string): Promise<{ tenantId: string; staffMobiles: string[] }> {
  const crm = await createCrm({ database: { url: databaseUrl, poolMax: 4 }, config: { secret: 'bench', filesDir: join(dataDir, 'files') } });
  try {
    const demo = await seedDemoOrganisation(crm, PASSWORD);
    await seedDemoApprovals(crm, demo);
    const admin = demo.main.admin;
    const mobiles: string[] = [];
    for (let i = 0; i < staff; i += 4) {
      const batch = Array.from({ length: Math.min(4, staff - i) }, (_, k) => `1370${String(i + k).padStart(7, '0')}`);
      await Promise.all(batch.map((mobile, k) => crm.organisation.createUser(admin, { name: `销售${i + k + 1}`, mobile, departmentId: demo.main.departments.newMedia, roleCodes: ['sales'], password: PASSWORD })));
      mobiles.push(...batch);
    }
    return { tenantId: demo.main.tenantId, staffMobiles: mobiles };
  } finally {
    await crm.close();
  }
}

/** Counts per route group and the errors, shared by every simulated person of a phase. */
class Tally implements Recorder {
  readonly ms = new Map<string, number[]>();
  /** Second of the run → the times of the requests that ended in it: whether the tail is spread or in bursts. */
  readonly bySecond = new Map<number, number[]>();

  /** The same times by request (method and path): which requests make a group's tail. */
  readonly byRequest = new Map<string, number[]>();
  errors = 0;
  readonly errorSamples: string[] = [];
  constructor(private readonly started: number, private readonly deadline: number) {}
  /** Requests that end during the ramp or after the deadline (the last steps of unfinished flows) are not counted. */
  private get open(): boolean {
    const now = Date.now();
    return now >= this.started && now < this.deadline;
  }
  record(group: string, ms: number, request?: string): void {
    if (!this.open) return;
    const list = this.ms.get(group) ?? [];
    list.push(ms);
    this.ms.set(group, list);
    const second = Math.floor((Date.now() - this.started) / 1000);
    const inSecond = this.bySecond.get(second) ?? [];
    inSecond.push(ms);
    this.bySecond.set(second, inSecond);
    if (request) {
      const route = request.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\/\d+(?=\/|$)/g, '/:n');
      const times = this.byRequest.get(route) ?? [];
      times.push(ms);
      this.byRequest.set(route, times);
    }
  }
  /** Errors count from the first request, ramp included (the target is 0 for the whole run). */
  error(what: string): void {
    if (Date.now() >= this.deadline) return;
    this.errors++;
    if (this.errorSamples.length < 10) this.errorSamples.push(what.slice(0, 300));
  }
}

async function phase(databaseUrl: string, dbName: string, workers: number, mobiles: readonly string[], opts: FlowBenchOptions, dataDir: string, run: number): Promise<PhaseResult> {
  const server = await startServer(databaseUrl, workers, dataDir);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const call: Caller = { url: server.url };
    const people: FlowPeople = {
      manager: await signIn(call, '13800000002', PASSWORD), approver: await signIn(call, '13800000003', PASSWORD),
      finance: await signIn(call, '13800000004', PASSWORD), operations: await signIn(call, '13800000005', PASSWORD), admin: await signIn(call, '13800000000', PASSWORD),
    };
    if (run === 0) {
      for (const name of ['税E贷', '快贷']) await people.operations.call('POST', '/products', DEMO_PRODUCTS.find((p) => p.name === name), 201);
      await people.admin.call('PUT', '/invoice-settings', { version: 0, seller: DEMO_SELLER, payee: '赵财务', reviewer: '赵财务' });
    }
    const staff: Awaited<ReturnType<typeof signIn>>[] = [];
    for (let i = 0; i < mobiles.length; i += 10) staff.push(...await Promise.all(mobiles.slice(i, i + 10).map((m) => signIn(call, m, PASSWORD))));
    const deadlocksBefore = Number((await admin.query('select deadlocks from pg_stat_database where datname = $1', [dbName])).rows[0].deadlocks);
    const samples: { open: number; busy: number }[] = [];
    const sampler = setInterval(() => {
      admin.query("select count(*)::int as open, (count(*) filter (where state <> 'idle'))::int as busy from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [dbName])
        .then((r) => samples.push(r.rows[0] as { open: number; busy: number }), () => undefined);
    }, 1_000);
    // A deployment's PostgreSQL runs autovacuum; CI machines may turn it off (conf.d/90-ci.conf here). The
    // flow churns the outbox, approval tasks and orders, whose dead rows then slow every claim and read, so
    // without autovacuum the bench vacuums in its place, as often as autovacuum would look (its cost counts).
    const autovacuum = (await admin.query('show autovacuum')).rows[0].autovacuum === 'on';
    let vacuums = 0;
    let vacuuming = false;
    const cleaner = autovacuum ? undefined : new pg.Client({ connectionString: databaseUrl }); // not the samplers' client
    await cleaner?.connect();
    const vacuumer = cleaner && setInterval(() => {
      if (vacuuming) return;
      vacuuming = true;
      cleaner.query('vacuum (analyze)').then(() => { vacuums++; }, () => undefined).finally(() => { vacuuming = false; });
    }, VACUUM_EVERY_MS);
    const waits = new Map<string, number>();
    let waitSamples = 0;
    const waitSampler = setInterval(() => {
      admin.query(`select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w, count(*)::int as n from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and state not in ('idle') and backend_type = 'client backend' group by 1`, [dbName])
        .then((r) => {
          waitSamples++;
          for (const row of r.rows as { w: string; n: number }[]) waits.set(row.w, (waits.get(row.w) ?? 0) + row.n);
        }, () => undefined);
    }, 200);
    // People start one after another over the ramp, then work on: by its end the flows are spread over all
    // their steps, as a firm's staff are during a day, and the figures count from there (the S seconds). A
    // drained run (the smoke test) counts from the first request and starts everyone within a tenth of S.
    const rampMs = opts.drain ? opts.seconds * 100 : (opts.rampSeconds ?? (13 * opts.thinkMs) / 1000) * 1000;
    const t0 = Date.now();
    const measureFrom = opts.drain ? t0 : t0 + rampMs;
    const deadline = measureFrom + opts.seconds * 1_000;
    const tally = new Tally(measureFrom, opts.drain ? Infinity : deadline);
    let cpuBefore = 0;
    let databaseBefore = 0;
    let clientBefore = 0;
    const measuring = (async () => {
      await sleep(measureFrom - Date.now());
      signalServer(server.child.pid, 'SIGUSR2'); // the event-loop probe counts from here
      cpuBefore = cpuMs(server.child.pid);
      databaseBefore = databaseCpuMs();
      clientBefore = clientCpuMs();
    })();
    const started = measureFrom;
    let completed = 0;
    let serial = run * 1_000_000;
    const stopped = (): boolean => Date.now() >= deadline;
    await Promise.all(staff.map(async (person, i) => {
      await sleep((rampMs * i) / staff.length);
      while (!stopped()) {
        const n = ++serial;
        const ok = await runFlow({ call, person, people, tally, n, thinkMs: opts.thinkMs, stopped: opts.drain ? () => false : stopped, taxId: TAX_ID, idNumber: ID_NUMBER }).catch((e: unknown) => {
          tally.error(`flow ${n}: ${(e as Error).message}`);
          return false;
        });
        if (ok && (opts.drain || (!stopped() && Date.now() >= measureFrom))) completed++;
        if (!ok && !stopped()) await sleep(opts.thinkMs); // a failed flow: the person pauses, then starts over
      }
    }));
    await measuring;
    if (vacuumer) clearInterval(vacuumer);
    while (vacuuming) await sleep(50);
    await cleaner?.end();
    clearInterval(sampler);
    clearInterval(waitSampler);
    const cpuUsed = cpuMs(server.child.pid) - cpuBefore;
    const databaseUsed = databaseCpuMs() - databaseBefore;
    const clientUsed = clientCpuMs() - clientBefore;
    const elapsed = ((opts.drain ? Date.now() : Math.min(Date.now(), deadline)) - started) / 1_000;
    const deadlocks = Number((await admin.query('select deadlocks from pg_stat_database where datname = $1', [dbName])).rows[0].deadlocks) - deadlocksBefore;
    const groups: Record<string, GroupFigures> = {};
    for (const g of FLOW_GROUPS) {
      const list = (tally.ms.get(g) ?? []).sort((a, b) => a - b);
      if (list.length) groups[g] = { count: list.length, p50: percentile(list, 50), p95: percentile(list, 95), p99: percentile(list, 99) };
    }
    await server.stop();
    const slowestRequests = [...tally.byRequest.entries()].filter(([, l]) => l.length >= 50).map(([request, l]) => {
      l.sort((a, b) => a - b);
      return { request, count: l.length, p50: percentile(l, 50), p95: percentile(l, 95), p99: percentile(l, 99) };
    }).sort((a, b) => b.p99 - a.p99).slice(0, 8);
    const worstSeconds = [...tally.bySecond.entries()].map(([sec, l]) => [sec, l.length, l.filter((x) => x >= 100).length, Math.max(...l)] as const)
      .filter((x) => x[2] > 0).sort((a, b) => b[2] - a[2]).slice(0, 8);
    const databaseWaits = Object.fromEntries([...waits.entries()].sort((a, b) => b[1] - a[1]).map(([w, n]) => [w, n / Math.max(1, waitSamples)]));
    const eventLoopDelay = server.logLines.filter((l) => l.startsWith('event-loop-delay ')).map((l) => JSON.parse(l.slice('event-loop-delay '.length)));
    const requests = [...tally.ms.values()].reduce((sum, l) => sum + l.length, 0);
    return {
      workers, staff: mobiles.length, seconds: elapsed, flowsCompleted: completed, flowsPerMinute: completed / (elapsed / 60),
      requests, groups, requestsPerFlow: REQUESTS_PER_FLOW, flowEquivalentsPerMinute: requests / REQUESTS_PER_FLOW / (elapsed / 60),
      serverCpuMsPerRequest: requests ? cpuUsed / requests : 0, databaseCpuMsPerRequest: requests ? databaseUsed / requests : 0,
      clientCpuMsPerRequest: requests ? clientUsed / requests : 0, requestsPerSecond: requests / elapsed, errors: tally.errors, errorSamples: tally.errorSamples,
      connections: {
        max: Math.max(0, ...samples.map((x) => x.open)), mean: mean(samples.map((x) => x.open)),
        busyMax: Math.max(0, ...samples.map((x) => x.busy)), busyMean: mean(samples.map((x) => x.busy)),
      },
      deadlocks, deadlockRetriesExhausted: server.logLines.filter((l) => l.includes('40P01')).length,
      slowestRequests, databaseWaits, eventLoopDelay, worstSeconds, rampSeconds: opts.drain ? 0 : rampMs / 1000, autovacuum, benchVacuums: vacuums,
    };
  } finally {
    await server.stop();
    await admin.end();
  }
}

/** How often the bench vacuums when the server's autovacuum is off (autovacuum looks every minute per database
 * by default, and at once again when a table passed its threshold: 20 s is between the two). */
const VACUUM_EVERY_MS = 20_000;

/** Requests one flow sends (runFlow, counted by the smoke test: test/bench/flow.test.ts). */
export const REQUESTS_PER_FLOW = 73;

const TAX_ID = makeUscc('91320506MA1WTXK3P');
const ID_NUMBER = makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488, gender: 'female' });

/** Runs the benchmark: one phase per worker count, on one fresh database. */
export async function runFlowBench(opts: FlowBenchOptions): Promise<PhaseResult[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const dbName = opts.database ?? 'yunzhou_bench_flow';
  const url = await freshDatabase(dbName);
  const dataDir = mkdtempSync(join(tmpdir(), 'yunzhou-bench-flow-'));
  try {
    const t0 = Date.now();
    const { staffMobiles } = await prepare(url, opts.staff, dataDir);
    log(`prepared the demo firm with ${opts.staff} more sales staff in ${fmt((Date.now() - t0) / 1000, 1)} s`);
    const results: PhaseResult[] = [];
    for (const [i, w] of opts.workers.entries()) {
      const r = await phase(url, dbName, w, staffMobiles, opts, dataDir, i);
      results.push(r);
      log(report(r, opts));
    }
    return results;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function report(r: PhaseResult, opts: Pick<FlowBenchOptions, 'thinkMs'>): string {
  const lines = [
    `\n${r.staff} staff, ${r.workers} worker process${r.workers > 1 ? 'es' : ''}, ${fmt(r.seconds, 0)} s, pause between steps ~${opts.thinkMs} ms, measured after a ramp of ${fmt(r.rampSeconds, 0)} s`,
    `  completed flows: ${r.flowsCompleted} (${fmt(r.flowsPerMinute, 1)} per minute); requests: ${r.requests} (${fmt(r.flowEquivalentsPerMinute, 1)} flows' worth per minute)`,
    `  ${fmt(r.requestsPerSecond, 1)} requests/s; CPU per request: server ${fmt(r.serverCpuMsPerRequest, 2)} ms (primary and workers), PostgreSQL ${fmt(r.databaseCpuMsPerRequest, 2)} ms, the staff's client ${fmt(r.clientCpuMsPerRequest, 2)} ms`,
    `  autovacuum: ${r.autovacuum ? 'on' : `off on this server: the bench ran vacuum (analyze) ${r.benchVacuums} times in its place`}`,
    `  errors: ${r.errors} (target 0)${r.errorSamples.length ? `\n    ${r.errorSamples.join('\n    ')}` : ''}`,
    `  database connections: open max ${r.connections.max}, mean ${fmt(r.connections.mean, 1)}; busy max ${r.connections.busyMax}, mean ${fmt(r.connections.busyMean, 1)}`,
    `  deadlocks: ${r.deadlocks} (retried), retries exhausted: ${r.deadlockRetriesExhausted} (target 0)`,
    `  ${'route group'.padEnd(14)} ${'count'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}  ms`,
  ];
  for (const [g, f] of Object.entries(r.groups)) {
    lines.push(`  ${g.padEnd(14)} ${String(f.count).padStart(7)} ${fmt(f.p50, 1).padStart(7)} ${fmt(f.p95, 1).padStart(7)} ${fmt(f.p99, 1).padStart(7)}${f.p99 >= 100 ? '  > 100' : ''}`);
  }
  lines.push('  slowest requests (p50 / p95 / p99 ms):');
  for (const s of r.slowestRequests) lines.push(`    ${s.request.padEnd(56)} ${String(s.count).padStart(6)} ${fmt(s.p50, 1).padStart(7)} ${fmt(s.p95, 1).padStart(7)} ${fmt(s.p99, 1).padStart(7)}`);
  const slowAll = r.worstSeconds.reduce((n, x) => n + x[2], 0);
  lines.push(`  seconds with most requests ≥ 100 ms (second of the run: requests, ≥ 100 ms, max ms): ${r.worstSeconds.map(([sec, n, slow, max]) => `${sec}: ${n}, ${slow}, ${fmt(max, 0)}`).join('; ') || 'none'} (${slowAll} in these)`);
  const waits = Object.entries(r.databaseWaits).slice(0, 6).map(([w, n]) => `${w} ${fmt(n, 2)}`).join(', ');
  lines.push(`  busy database connections, mean per sample by what they wait on: ${waits || 'none'}`);
  for (const e of r.eventLoopDelay) {
    lines.push(`  event loop, process ${e.pid}: delay p50 ${fmt(e.p50, 1)} ms, p99 ${fmt(e.p99, 1)} ms, max ${fmt(e.max, 1)} ms; ${e.stalls} stalls ≥ 20 ms (${fmt(e.stallMs, 0)} ms in all; longest at second ${e.stallAt.map(([at, ms]) => `${fmt(at, 1)}: ${ms} ms`).join(', ')}); GC ${e.gc.count} pauses, ${fmt(e.gc.ms, 0)} ms (longest ${fmt(e.gc.max, 1)}; ${e.gc.major} major, ${fmt(e.gc.majorMs, 0)} ms)`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { staff: { type: 'string' }, seconds: { type: 'string' }, workers: { type: 'string' }, 'think-ms': { type: 'string' }, 'ramp-s': { type: 'string' } } });
  const opts: FlowBenchOptions = {
    staff: Number(values.staff ?? process.env.BENCH_STAFF ?? 200),
    seconds: Number(values.seconds ?? process.env.BENCH_SECONDS ?? 120),
    workers: (values.workers ?? '1,2').split(',').map(Number),
    thinkMs: Number(values['think-ms'] ?? 1000),
    ...(values['ramp-s'] === undefined ? {} : { rampSeconds: Number(values['ramp-s']) }),
  };
  console.log(`Mixed-load benchmark: ${opts.staff} staff run the 13-step flow through HTTP, PostgreSQL, workers ${opts.workers.join(' then ')}`);
  const results = await runFlowBench(opts);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  process.exit(errors ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
