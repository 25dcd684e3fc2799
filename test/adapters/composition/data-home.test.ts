// One folder for the embedded install: a server started on the old layout (database in YUNZHOU_DATA_DIR,
// secret.key and files/ in the folder above) moves them in once and finds its secret and files afterwards.
import test from 'ava';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCrm, databaseFromEnv, defaultDataDir } from '../../../adapters/composition/create-crm.js';
import { moveOldLayout } from '../../../adapters/composition/data-home.js';
import { FileStore } from '../../../core/files/ports.js';
import { PDF_MINIMAL } from '../../core/files/samples.js';
import { aMobile, PASSWORD } from '../../support/tenant.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'yunzhou-home-'));
  dirs.push(d);
  return d;
};
test.after.always(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function* bytes(b: Buffer): AsyncIterable<Uint8Array> {
  yield b;
}
async function readAll(src: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of src) parts.push(c);
  return Buffer.concat(parts);
}

test.serial('a server started on the old layout moves database, secret and files under YUNZHOU_DATA_DIR, once, and finds them', async (t) => {
  t.falsy(process.env.YUNZHOU_SECRET, 'the secret must come from secret.key for this test');
  const parent = tmp();
  const home = join(parent, 'data');
  // The old layout, as today's main writes it: the database in `home`, the rest beside it.
  const before = await createCrm({ database: { dataDir: home }, migrate: true });
  const mobile = aMobile();
  const { tenant } = await before.organisation.createTenant({ name: '旧布局金服', admin: { name: '管理员', mobile, password: PASSWORD } });
  const { token } = await before.auth.login({ mobile, password: PASSWORD, tenantId: tenant.id });
  const stored = await before.container.get<FileStore>(FileStore).put(tenant.id, bytes(PDF_MINIMAL), { maxBytes: 1 << 20, allowedTypes: ['application/pdf'] });
  await before.close();
  const secret = readFileSync(join(parent, 'secret.key'), 'utf8');
  t.true(existsSync(join(parent, 'files', tenant.id)));
  t.true(existsSync(join(home, 'PG_VERSION')));

  const logged: string[] = [];
  const db = databaseFromEnv({ YUNZHOU_DATA_DIR: home }, (message) => logged.push(message));
  t.deepEqual(db, { dataDir: join(home, 'data') });
  t.is(logged.length, 3, logged.join('\n'));
  t.regex(logged.join('\n'), /secret\.key[\s\S]*stored files[\s\S]*database/);
  t.is(readFileSync(join(home, 'secret.key'), 'utf8'), secret);
  t.true(existsSync(join(home, 'data', 'PG_VERSION')));
  t.false(existsSync(join(home, 'PG_VERSION')));
  t.false(existsSync(join(parent, 'files', tenant.id)));

  const after = await createCrm({ database: db, migrate: false });
  try {
    const actor = await after.auth.authenticate(token); // the token's digest needs the same secret
    t.is(actor.tenantId, tenant.id);
    const content = await readAll(await after.container.get<FileStore>(FileStore).open(tenant.id, stored.storageKey));
    t.deepEqual(content, PDF_MINIMAL);
  } finally {
    await after.close();
  }
  const again: string[] = [];
  databaseFromEnv({ YUNZHOU_DATA_DIR: home }, (message) => again.push(message));
  t.deepEqual(again, [], 'the move happens once');
});

test('a move cut short before the database went finishes on the next start', (t) => {
  const home = join(tmp(), 'data');
  mkdirSync(join(home, '.moving-data', 'base'), { recursive: true });
  mkdirSync(join(home, 'global'), { recursive: true });
  const logged: string[] = [];
  moveOldLayout(home, (m) => logged.push(m));
  t.true(existsSync(join(home, 'data', 'base')));
  t.true(existsSync(join(home, 'data', 'global')));
  t.false(existsSync(join(home, '.moving-data')));
  t.deepEqual(logged, ['moved the database into the data folder']);
});

test('with a neighbour database sharing the folder above, the secret and files are copied, not taken from it', (t) => {
  const parent = tmp();
  for (const name of ['a', 'b']) mkdirSync(join(parent, name), { recursive: true });
  const tenant = '0b9f3c3e-4a4e-4c65-9d5e-1f2a3b4c5d6e';
  mkdirSync(join(parent, 'files', tenant, 'ab'), { recursive: true });
  for (const [p, text] of [[join(parent, 'a', 'PG_VERSION'), '17'], [join(parent, 'b', 'PG_VERSION'), '17'], [join(parent, 'secret.key'), 's3cret'], [join(parent, 'files', tenant, 'ab', 'f1'), 'bytes']] as const) {
    writeFileSync(p, text);
  }
  moveOldLayout(join(parent, 'a'), () => undefined);
  t.is(readFileSync(join(parent, 'a', 'secret.key'), 'utf8'), 's3cret');
  t.is(readFileSync(join(parent, 'secret.key'), 'utf8'), 's3cret');
  t.is(readFileSync(join(parent, 'a', 'files', tenant, 'ab', 'f1'), 'utf8'), 'bytes');
  t.is(readFileSync(join(parent, 'files', tenant, 'ab', 'f1'), 'utf8'), 'bytes');
  t.true(existsSync(join(parent, 'b', 'PG_VERSION')));
});

test('without YUNZHOU_DATA_DIR the database is ./.yunzhou/data, as before', (t) => {
  t.is(defaultDataDir({}), join(process.cwd(), '.yunzhou', 'data'));
  t.deepEqual(databaseFromEnv({ DATABASE_URL: 'postgres://x/y', YUNZHOU_DATA_DIR: '/nowhere' }, () => t.fail()), { url: 'postgres://x/y' });
});
