// Behind PgBouncer in transaction pooling a server connection passes from client to client between
// transactions, never reset: whatever session state one leaves (a SET, a session advisory lock, LISTEN, a
// named prepared statement, a temp table) the next one meets. Yunzhou leaves none: checked in its source, and
// on a private PgBouncer with one server connection that a whole workload (migrations included) goes
// through, whose session state must end as it began. And the scheduler's exclusive job still runs once.
import test from 'ava';
import pg from 'pg';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { withoutNamedStatementsSetting } from '../../../adapters/knex/database.js';
import { KnexSlotStore } from '../../../adapters/scheduler/knex-slot-store.js';
import { Scheduler } from '../../../adapters/scheduler/scheduler.js';
import { coreMigrations } from '../../../adapters/knex/migrations/index.js';
import { FakeClock } from '../../support/crm.js';
import { startPgBouncer, type PgBouncer } from '../../support/pgbouncer.js';
import { aFirm } from '../../support/tenant.js';
import { isolatedPostgres, type IsolatedDatabase } from '../workcenter/harness.js';

test('named_statements=on|off is taken out of the URL before it reaches the server', (t) => {
  t.deepEqual(withoutNamedStatementsSetting('postgres://u@h:6432/db'), { url: 'postgres://u@h:6432/db', namedStatements: true });
  t.deepEqual(withoutNamedStatementsSetting('postgres://u@h:6432/db?named_statements=off'), { url: 'postgres://u@h:6432/db', namedStatements: false });
  t.deepEqual(withoutNamedStatementsSetting('postgres://u@h/db?sslmode=require&named_statements=off'), { url: 'postgres://u@h/db?sslmode=require', namedStatements: false });
  t.deepEqual(withoutNamedStatementsSetting('postgres://u@h/db?named_statements=off&sslmode=require'), { url: 'postgres://u@h/db?sslmode=require', namedStatements: false });
  t.deepEqual(withoutNamedStatementsSetting('postgres://u@h/db?named_statements=on'), { url: 'postgres://u@h/db', namedStatements: true });
});

// The source the app runs (dist's .js mirrors it; read the .ts beside the repository root).
const root = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Statements that leave state on the session (so on a pooled server connection, for the next client). */
const SESSION_STATE: readonly [string, RegExp][] = [
  ['session advisory lock (use pg_advisory_xact_lock)', /pg_(try_)?advisory_lock(_shared)?\s*\(/i],
  ['LISTEN / UNLISTEN', /['"`]\s*(un)?listen\s/i],
  ['SET without LOCAL', /['"`;]\s*set\s+(session\s+)?(search_path|role|session\s+authorization|statement_timeout|lock_timeout|idle_in_transaction_session_timeout|time\s+zone|timezone|application_name|work_mem|default_transaction_\w+|synchronous_commit|datestyle|intervalstyle)\b/i],
  ['set_config(…, false) (session-wide)', /set_config\s*\([^)]*,\s*false\s*\)/i],
  ['search_path as a startup option', /-c\s*search_path/i],
  ['PREPARE (SQL-level prepared statement)', /['"`]\s*prepare\s+\w+/i],
  ['temporary table', /create\s+(temp|temporary)\s+table/i],
  ['cursor WITH HOLD', /with\s+hold/i],
];

/** Files allowed a session-scoped statement, each with the reason it never runs through transaction pooling. */
const ALLOWED: Readonly<Record<string, string>> = {
  // A host's own Knex: yunzhou sets its search path while it holds a host connection and puts the host's back
  // on release. Behind PgBouncer a host passes search_path=server on yunzhou's own URL instead (docs/embedding.md).
  'adapters/knex/schema.ts': 'host-owned connections, restored on release',
  // The console's live badges: each process's one LISTEN connection of its own, on the direct URL
  // (YUNZHOU_LISTEN_URL), never from the pool nor through PgBouncer (docs/scale.md).
  'adapters/live/listen-sources.ts': 'a dedicated connection on the direct listen URL',
};

test('no statement in the app leaves session state behind (what transaction pooling would hand to another client)', (t) => {
  const found: string[] = [];
  for (const dir of ['adapters', 'plugins', 'http']) {
    for (const file of sources(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const name = file.slice(root.length + 1);
      if (!ALLOWED[name]) for (const [what, re] of SESSION_STATE) if (re.test(text)) found.push(`${name}: ${what}`);
    }
  }
  t.deepEqual(found, []);
  // Named statements (the token check, the order views) are made in one place, switched off by the URL behind PgBouncer.
  const named = sources(join(root, 'adapters')).filter((f) => /\.(query|options)\(\{\s*name/.test(readFileSync(f, 'utf8')));
  t.deepEqual(named.map((f) => f.slice(root.length + 1)), ['adapters/knex/hot-query.ts']);
});

if (process.env.TEST_DATABASE_URL) {
  let db: IsolatedDatabase;
  let bouncer: PgBouncer;
  test.before(async () => {
    db = await isolatedPostgres([]); // empty: the migrations run through PgBouncer below
    bouncer = await startPgBouncer(db.url, { poolSize: 1 });
  });
  test.after.always(async () => {
    await bouncer?.close();
    await db?.drop();
  });

  /** One client's view of the server connection it is handed: its pid and every kind of session state. */
  async function sessionState(url: string): Promise<Record<string, unknown>> {
    const c = new pg.Client({ connectionString: withoutNamedStatementsSetting(url).url });
    await c.connect();
    try {
      const { rows: [r] } = await c.query(`select pg_backend_pid() as pid,
        (select coalesce(json_object_agg(name, setting order by name), '{}') from pg_settings where source = 'session') as settings,
        current_setting('search_path') as search_path,
        (select count(*)::int from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()) as advisory_locks,
        (select count(*)::int from pg_listening_channels()) as listening,
        (select coalesce(json_agg(name order by name), '[]') from pg_prepared_statements) as prepared,
        (select count(*)::int from pg_cursors) as cursors,
        (select count(*)::int from pg_class where relnamespace = pg_my_temp_schema()) as temp_relations`);
      return r as Record<string, unknown>;
    } finally {
      await c.end();
    }
  }

  test.serial('PgBouncer hands one server connection from client to client: a session SET leaks to the next, SET LOCAL does not', async (t) => {
    const a = new pg.Client({ connectionString: withoutNamedStatementsSetting(bouncer.url).url });
    await a.connect();
    const before = await sessionState(bouncer.url);
    try {
      await a.query('begin');
      await a.query("set local statement_timeout = '17s'");
      await a.query('commit');
      t.deepEqual(await sessionState(bouncer.url), before, 'SET LOCAL ends with its transaction');
      await a.query("set statement_timeout = '17s'");
      const leaked = await sessionState(bouncer.url);
      t.is(leaked.pid, before.pid, 'the same server connection');
      t.like(leaked.settings, { statement_timeout: '17000' });
    } finally {
      await a.query('reset statement_timeout');
      await a.end();
    }
    t.deepEqual(await sessionState(bouncer.url), before);
  });

  test.serial('through PgBouncer yunzhou migrates, works and runs its scheduler without leaving session state on the shared server connection', async (t) => {
    const before = await sessionState(bouncer.url);
    const clock = new FakeClock(new Date('2026-12-01T08:00:00Z'));
    const crms: Crm[] = [];
    try {
      // Two processes' worth: two crms, both migrating (Knex's migration lock is a row, not a session lock).
      for (let i = 0; i < 2; i++) {
        crms.push(await createCrm({ database: { url: bouncer.url, poolMax: 4 }, migrate: true, clock, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } }));
      }
      const [one, two] = crms as [Crm, Crm];
      const applied = await one.database.knex('migrations').count<{ n: number }[]>({ n: '*' });
      t.is(Number(applied[0]?.n), coreMigrations.migrations.length);
      // Work: a firm, logins and the token check (the named statement, unnamed here), concurrently from both.
      const firm = await aFirm(one);
      const people = await Promise.all([firm.person(['sales']), firm.person(['sales'])]);
      const actors = await Promise.all([...people, ...people].map((p, i) => (i % 2 ? one : two).auth.authenticate(p.token)));
      t.deepEqual(actors.map((a) => a.tenantId), Array(4).fill(firm.tenantId));
      await Promise.all([one.outboxRelay.runOnce(), two.outboxRelay.runOnce()]);
      // The scheduler's exclusive job: both processes due at the same slot, it runs once.
      const runs: Date[] = [];
      const job = { name: 'probe.pgbouncer', everySeconds: 300, exclusive: true, async run(slot: Date) { runs.push(slot); } };
      const schedulers = crms.map((c, i) => new Scheduler({ clock, store: new KnexSlotStore(c.database.knex), runnerId: `runner-${i}` }));
      for (const s of schedulers) s.register(job);
      const outcomes = (await Promise.all(schedulers.map((s) => s.runDue(new Date('2026-12-01T08:01:00Z'))))).flat().map((r) => r.outcome);
      t.deepEqual(runs, [new Date('2026-12-01T08:00:00Z')]);
      t.is(outcomes.filter((o) => o === 'ran').length, 1);
      t.true(outcomes.every((o) => ['ran', 'taken', 'done'].includes(o)), outcomes.join());
    } finally {
      for (const c of crms) await c.close();
    }
    const after = await sessionState(bouncer.url);
    t.is(after.pid, before.pid, 'one server connection served it all');
    t.deepEqual(after, before);
  });
}
