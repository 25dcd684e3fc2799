// A throwaway PostgreSQL cluster of a test's own (Debian's postgresql binaries, a temporary data folder, a
// free port on 127.0.0.1), so a test may stop and restart the database without disturbing the shared
// server other tests use. As root the cluster runs as the `postgres` user (PostgreSQL refuses root).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PrivatePostgres {
  readonly url: string;
  /** Stops the server (fast: sessions are cut) and leaves it stopped; the event loop runs on meanwhile. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('A private PostgreSQL cluster needs Debian\'s postgresql package (/usr/lib/postgresql/<version>/bin/initdb)');
  return join(root, versions[0], 'bin');
}

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

/** Creates and starts a cluster (trust authentication, user postgres, fsync off: it is thrown away). */
export async function privatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const command = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]);
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = command(cmd, args);
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  const runAsync = async (cmd: string, args: string[]): Promise<void> => {
    const [file, argv] = command(cmd, args);
    await promisify(execFile)(file, argv);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const startArgs = ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'log'), '-o', options];
  run('pg_ctl', startArgs);
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await runAsync('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
      running = false;
    },
    async start() {
      await runAsync('pg_ctl', startArgs);
      running = true;
    },
    close() {
      try {
        if (running) run('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
