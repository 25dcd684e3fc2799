// The real standalone server for the console's browser tests: the built-in plugins, the demo firms, on the
// embedded database (loaded from a seeded template made once per day and migration set, since seeding takes
// a while) or on PostgreSQL when TEST_DATABASE_URL is set (a fresh database per server, copied from a seeded one).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { dumpEmbedded } from '../../adapters/knex/database.js';
import { seedDemo, DEFAULT_DEMO_PASSWORD } from '../../adapters/demo/seed-demo.js';
import { builtInPlugins } from '../../plugins/index.js';
import { serve, type TestServer } from './http.js';
import type { HttpOptions } from '../../http/app.js';
import type { Backend } from './database.js';
import type { TestPage } from './browser.js';
import type { Clock } from '../../core/shared/ports.js';

export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

export interface ConsoleServer extends TestServer {
  readonly crm: Crm;
  /** Signs in through the API (to check results, never to drive a screen) and returns a bearer token. */
  token(mobile: string): Promise<string>;
  /** A request to /api/v1 as that person (to set up or check, never to drive a screen): status and body. */
  as(mobile: string, method: string, path: string, body?: unknown, raw?: Buffer): Promise<{ status: number; body: any }>;
  /** The same, answering the body of a 2xx and throwing with the refusal otherwise. */
  must(mobile: string, method: string, path: string, body?: unknown, raw?: Buffer): Promise<any>;
}

/** The arguments of ConsoleServer.as and must, for a test's own short name for them. */
export type ApiArgs = Parameters<ConsoleServer['as']>;

function templateKey(): string {
  const files = ['adapters/knex/migrations', 'adapters/demo'].join('|');
  return createHash('sha256').update(files + new Date().toISOString().slice(0, 10) + process.env.npm_package_version).digest('hex').slice(0, 12);
}

let demoTemplate: Promise<Blob> | null = null;

/** A seeded embedded database image: migrated with the plugins, the demo firms added. */
async function seededTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `yunzhou-demo-${templateKey()}-${process.pid}.tar`);
  demoTemplate ??= (async () => {
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const crm = await createCrm({ database: { memory: true }, migrate: true, plugins: builtInPlugins(), config: { secret: 'test-secret' } });
    await seedDemo(crm, DEMO_PASSWORD);
    const blob = await dumpEmbedded(crm.database as never);
    await crm.close();
    writeFileSync(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
    renameSync(`${file}.tmp`, file);
    return blob;
  })();
  return demoTemplate;
}

/** What the seeded PostgreSQL template is made of: the compiled migrations, plugins and demo, and the day. */
function postgresTemplateKey(): string {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const hash = createHash('sha256');
  for (const dir of ['adapters/knex/migrations', 'adapters/demo', 'plugins']) {
    const files = (readdirSync(join(dist, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).sort();
    for (const f of files) hash.update(f).update(readFileSync(join(dist, dir, f)));
  }
  return hash.update(new Date().toISOString().slice(0, 10)).digest('hex').slice(0, 12);
}

/**
 * Creates database `name` as a copy of one migrated and seeded with the demo, made once per key and shared by
 * every test worker (a server-wide advisory lock orders them), and copies the demo's stored files beside it.
 * Seeding per server took ~8 s of each browser test file.
 */
async function copyOfSeededPostgres(base: string, name: string, filesDir: string): Promise<void> {
  const template = `yunzhou_console_tpl_${postgresTemplateKey()}`;
  const templateFiles = join(tmpdir(), `${template}-files`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`select pg_advisory_lock(hashtext('yunzhou console template'))`);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
    if (!exists || !existsSync(templateFiles)) {
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(base);
      url.pathname = `/${building}`;
      rmSync(templateFiles, { recursive: true, force: true });
      const crm = await createCrm({ database: { url: url.toString(), poolMax: 4 }, migrate: true, plugins: builtInPlugins(), config: { secret: 'test-secret', filesDir: templateFiles } });
      await seedDemo(crm, DEMO_PASSWORD);
      await crm.close();
      await admin.query(`alter database ${building} rename to ${template}`);
    }
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('yunzhou console template'))`).catch(() => undefined);
    await admin.end();
  }
  cpSync(templateFiles, filesDir, { recursive: true });
}

/** The backends the browser tests run on: PostgreSQL when TEST_DATABASE_URL is set, else the embedded one. */
export function consoleBackend(): Backend {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export async function consoleServer(http: HttpOptions = {}, backend: Backend = consoleBackend(), clock?: Clock): Promise<ConsoleServer> {
  const filesDir = mkdtempSync(join(tmpdir(), 'yunzhou-console-files-'));
  const config = { secret: 'test-secret', filesDir };
  const timed = clock ? { clock } : {};
  let crm: Crm;
  let dropDatabase = async (): Promise<void> => {};
  if (backend === 'postgres') {
    // A database of its own (the demo's mobiles must belong to one firm only), copied from a seeded template.
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('the PostgreSQL console tests need TEST_DATABASE_URL');
    const name = `yunzhou_console_${process.pid}_${Date.now().toString(36)}`;
    await copyOfSeededPostgres(base, name, filesDir);
    const url = new URL(base);
    url.pathname = `/${name}`;
    // Listening on the same, direct URL: the console's badges are live, as on a PostgreSQL install with YUNZHOU_LISTEN_URL.
    crm = await createCrm({ database: { url: url.toString(), poolMax: 10 }, migrate: false, plugins: builtInPlugins(), config: { ...config, listenUrl: url.toString() }, ...timed });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    crm = await createCrm({ database: { memory: true, loadDataDir: await seededTemplate() }, migrate: false, plugins: builtInPlugins(), config, ...timed });
  }
  const server = await serve(crm, http);
  const token = async (mobile: string): Promise<string> => {
    const r = await server.call('POST', '/api/v1/auth/login', { body: { mobile, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${mobile}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };
  const as = async (mobile: string, method: string, path: string, body?: unknown, raw?: Buffer): Promise<{ status: number; body: any }> =>
    server.call(method, `/api/v1${path}`, {
      token: await token(mobile), ...(body === undefined ? {} : { body }), ...(raw ? { raw, headers: { 'content-type': 'application/octet-stream' } } : {}),
    });
  return {
    ...server,
    crm,
    token,
    as,
    async must(mobile: string, method: string, path: string, body?: unknown, raw?: Buffer) {
      const r = await as(mobile, method, path, body, raw);
      if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async close() {
      await server.close();
      await crm.close();
      await dropDatabase();
    },
  };
}

/** Opens a console URL as a visitor and signs in on the page it sends to (as a person would); the caller
 * waits for where it expects to land. */
export async function signInThroughPage(p: TestPage, url: string, mobile: string, password = DEMO_PASSWORD): Promise<void> {
  await p.page.goto(url);
  await p.page.waitForURL(/\/login/);
  await p.page.getByLabel('手机号').fill(mobile);
  await p.page.getByLabel('密码').fill(password);
  await p.page.getByRole('button', { name: '登录' }).click();
}
