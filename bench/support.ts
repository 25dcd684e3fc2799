// Shared by the benchmarks: a fresh PostgreSQL database, autocannon in a child process (so the load
// generator does not steal the server's event loop), and percentile helpers.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import pg from 'pg';

export const BASE_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Drops and creates a database next to the one in BASE_URL; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** Runs autocannon against a URL in a child process and returns its figures. */
export function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const require = createRequire(import.meta.url);
  const bin = require.resolve('autocannon/autocannon.js');
  const args = [bin, '-c', String(opts.connections), '-d', String(opts.seconds), '-j'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const r = JSON.parse(out);
        resolve({ requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
      } catch (e) {
        reject(e);
      }
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Times `fn` n times and returns p50/p99 in milliseconds. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number; mean: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

export const fmt = (n: number, d = 2): string => n.toFixed(d);

export interface BulkLoadTimings {
  readonly loadSeconds: number;
  readonly indexSeconds: number;
  readonly indexes: number;
}

/**
 * Loads tables as pg_restore does: their indexes, keys and the foreign keys pointing at them dropped, row
 * triggers off (`session_replication_role = replica`), `load` run, then keys and indexes built once each with
 * a large `maintenance_work_mem` (sorting once is far cheaper than 10 million random B-tree insertions) and
 * the foreign keys put back. The data must be consistent by construction: nothing checks it while loading.
 * `db` must read the tables' schema through its search_path.
 */
export async function bulkLoad(db: pg.Client, tables: readonly string[], load: () => Promise<void>, opts: { maintenanceWorkMem?: string; log?: (line: string) => void } = {}): Promise<BulkLoadTimings> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const oids = `array(select to_regclass(t)::oid from unnest($1::text[]) t)`;
  const inbound = (await db.query(`select format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as add,
      format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop
    from pg_constraint where contype = 'f' and confrelid = any(${oids}) and not conrelid = any(${oids})`, [tables])).rows as { add: string; drop: string }[];
  // Foreign keys between the loaded tables themselves go too: they depend on the keys dropped below.
  const inner = (await db.query(`select format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as add,
      format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop
    from pg_constraint where contype = 'f' and confrelid = any(${oids}) and conrelid = any(${oids})`, [tables])).rows as { add: string; drop: string }[];
  const keys = (await db.query(`select format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as add,
      format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop
    from pg_constraint where contype in ('p', 'u', 'x') and conrelid = any(${oids})`, [tables])).rows as { add: string; drop: string }[];
  const indexes = (await db.query(`select pg_get_indexdef(i.indexrelid) as add, format('drop index %s', i.indexrelid::regclass) as drop
    from pg_index i where i.indrelid = any(${oids}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`, [tables])).rows as { add: string; drop: string }[];
  for (const c of [...inbound, ...inner, ...indexes, ...keys]) await db.query(c.drop);
  const t0 = Date.now();
  await db.query('set session_replication_role = replica');
  try {
    await load();
  } finally {
    await db.query('set session_replication_role = origin');
  }
  const loadSeconds = (Date.now() - t0) / 1000;
  const t1 = Date.now();
  await db.query(`set maintenance_work_mem = '${opts.maintenanceWorkMem ?? '1GB'}'`);
  // One parallel worker beside the leader: the machine has two cores.
  await db.query('set max_parallel_maintenance_workers = 1');
  for (const c of [...keys, ...indexes, ...inner, ...inbound]) {
    const t = Date.now();
    await db.query(c.add);
    log(`  ${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s  ${c.add.slice(0, 110)}`);
  }
  await db.query('reset maintenance_work_mem');
  await db.query('reset max_parallel_maintenance_workers');
  return { loadSeconds, indexSeconds: (Date.now() - t1) / 1000, indexes: keys.length + indexes.length };
}
