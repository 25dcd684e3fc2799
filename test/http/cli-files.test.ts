// `yunzhou files migrate` as an operator runs it, on an embedded install in a temporary folder.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createCrm } from '../../adapters/composition/create-crm.js';
import { SubjectAccessRegistryToken } from '../../adapters/composition/areas/files.tokens.js';
import type { SubjectAccessRegistry } from '../../core/files/subject-access-registry.js';
import { FileStore } from '../../core/files/ports.js';
import { aFirm } from '../support/tenant.js';
import { PDF_MINIMAL } from '../core/files/samples.js';

const run = promisify(execFile);
const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../http/cli/main.js');
const home = mkdtempSync(join(tmpdir(), 'yunzhou-cli-files-'));
const env = { ...process.env, YUNZHOU_DATA_DIR: home, LOG_LEVEL: 'silent', DATABASE_URL: '', YUNZHOU_FILES: '', YUNZHOU_SECRET: '' };
test.after.always(() => rmSync(home, { recursive: true, force: true }));

async function* once(b: Buffer): AsyncGenerator<Uint8Array> {
  yield b;
}

test('files migrate --to pg moves the install\'s files into the database; a re-run moves none; the server then reads them there', async (t) => {
  t.timeout(5 * 60_000); // three processes each open the embedded database on disk
  const database = { dataDir: join(home, 'data') };
  const crm = await createCrm({ database, migrate: true, config: { files: { kind: 'local' } } });
  crm.container.get<SubjectAccessRegistry>(SubjectAccessRegistryToken).register('test', { assertCanRead: async () => undefined, assertCanWrite: async () => undefined });
  const firm = await aFirm(crm);
  const file = await crm.files.upload(firm.admin, { subjectType: 'test', subjectId: randomUUID(), kind: 'plan_attachment', fileName: '方案.pdf', content: once(PDF_MINIMAL) });
  await crm.close();

  const first = await run(process.execPath, [cli, 'files', 'migrate', '--to', 'pg'], { env, timeout: 120_000 });
  t.regex(first.stdout, /Moving files from local:.* to pg/);
  t.regex(first.stdout, /Moved 1 file\(s\); 0 already moved; 0 failed\./);
  const again = await run(process.execPath, [cli, 'files', 'migrate', '--to', 'pg'], { env, timeout: 120_000 });
  t.regex(again.stdout, /Moved 0 file\(s\); 1 already moved; 0 failed\./);
  const bad = await run(process.execPath, [cli, 'files', 'migrate', '--to', 'ftp'], { env, timeout: 120_000 }).catch((e: { code: number; stderr: string }) => e);
  t.is((bad as { code: number }).code, 2);
  t.regex((bad as { stderr: string }).stderr, /--to local\|s3\|pg/);

  const after = await createCrm({ database, migrate: false, config: { files: { kind: 'pg' } } });
  try {
    const parts: Buffer[] = [];
    for await (const c of await after.container.get<FileStore>(FileStore).open(file.tenantId, file.storageKey)) parts.push(Buffer.from(c));
    t.deepEqual(Buffer.concat(parts), PDF_MINIMAL);
  } finally {
    await after.close();
  }
});
