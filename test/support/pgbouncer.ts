// A private PgBouncer (Debian's pgbouncer package, which test/support/ensure-tools.sh installs) in transaction
// pooling in front of a PostgreSQL URL: its own ini file in a temporary folder, a free port on 127.0.0.1,
// trust authentication towards the tests (it logs in to PostgreSQL with the URL's user and password).
// PgBouncer refuses to run as root, so as root it runs as the `postgres` user (setpriv), like private-postgres.ts.
//
// Run as a program it wraps a command: `node dist/test/support/pgbouncer.js npx ava …` runs the command with
// TEST_DATABASE_URL pointed at a PgBouncer in front of the one it was given (.ci/run does this).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PgBouncer {
  /** The URL the app and the tests use: PgBouncer's port, and `named_statements=off` (PgBouncer 1.18). */
  readonly url: string;
  /** The PgBouncer console (SHOW POOLS, SHOW SERVERS …), database `pgbouncer`. */
  readonly adminUrl: string;
  close(): Promise<void>;
}

export interface PgBouncerOptions {
  /** Server connections per database and user (default 20); 1 makes every client share one connection. */
  readonly poolSize?: number;
}

const BINARY = '/usr/sbin/pgbouncer';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ host: '127.0.0.1', port }, () => {
      c.end();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export async function startPgBouncer(targetUrl: string, options: PgBouncerOptions = {}): Promise<PgBouncer> {
  const target = new URL(targetUrl);
  const user = decodeURIComponent(target.username || 'postgres');
  const password = decodeURIComponent(target.password);
  const dbname = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-pgbouncer-'));
  const port = await freePort();
  // `*`: any database the client names, on the same server (tests make databases of their own).
  const server = [
    `host=${target.hostname || '127.0.0.1'}`, `port=${target.port || '5432'}`, `user=${quote(user)}`,
    ...(password ? [`password=${quote(password)}`] : []),
    // The search path comes from the server side, set once per server connection (the URL says
    // search_path=server so yunzhou never sets it on a session that PgBouncer hands on).
    `connect_query=${quote('SET search_path TO yunzhou, public')}`,
  ].join(' ');
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `* = ${server}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${join(dir, 'users.txt')}`,
    `admin_users = ${user}`,
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize ?? 20}`,
    'max_client_conn = 2000',
    // Transaction pooling never resets a server connection between clients: what a client leaves is seen by the next.
    'server_reset_query =',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    '',
  ].join('\n'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    for (const f of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, f), uid, gid);
  }
  const ini = join(dir, 'pgbouncer.ini');
  const child: ChildProcess = asRoot
    ? spawn('setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', BINARY, ini], { stdio: 'ignore' }) // execs: the pid is PgBouncer's
    : spawn(BINARY, [ini], { stdio: 'ignore' });
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  child.once('error', () => undefined); // reported below as "did not start"
  for (let i = 0; i < 100 && !exited && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
  const log = (): string => { try { return readFileSync(join(dir, 'pgbouncer.log'), 'utf8'); } catch { return ''; } };
  if (exited || !(await listening(port))) {
    const text = log();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PgBouncer did not start (${BINARY}; test/support/ensure-tools.sh installs Debian's pgbouncer):\n${text}`);
  }
  const client = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}`;
  return {
    url: `${client}/${encodeURIComponent(dbname)}?named_statements=off&search_path=server`,
    adminUrl: `${client}/pgbouncer`,
    async close() {
      if (!exited) {
        child.kill('SIGTERM'); // immediate shutdown (SIGINT would wait for the clients)
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// As a program: run a command with TEST_DATABASE_URL through a PgBouncer, then stop it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  const url = process.env.TEST_DATABASE_URL;
  if (!command || !url) {
    console.error('usage: TEST_DATABASE_URL=… node dist/test/support/pgbouncer.js <command> [args…]');
    process.exit(2);
  }
  const bouncer = await startPgBouncer(url);
  const code = await new Promise<number>((resolve) => {
    const run = spawn(command, args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: bouncer.url } });
    run.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  await bouncer.close();
  process.exit(code);
}
