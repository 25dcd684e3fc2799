// Moving files between stores: local → S3 → PostgreSQL → a fresh local folder, every byte equal at each step;
// a re-run skips what was moved; an interrupted run resumes; a copy that differs from its record is not marked.
import test from 'ava';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { startLocalS3, type LocalS3 } from '../../support/s3-server.js';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { SubjectAccessRegistryToken } from '../../../adapters/composition/areas/files.tokens.js';
import type { SubjectAccessRegistry } from '../../../core/files/subject-access-registry.js';
import type { FileRecord } from '../../../core/files/types.js';
import type { ByteSource } from '../../../core/files/ports.js';
import { FileStore } from '../../../core/files/ports.js';
import { LocalFileStore } from '../../../adapters/files/local-file-store.js';
import { S3FileStore } from '../../../adapters/files/s3-file-store.js';
import { PgFileStore } from '../../../adapters/files/pg-file-store.js';
import type { MovableFileStore } from '../../../adapters/files/movable-file-store.js';
import { migrateFiles } from '../../../adapters/files/migrate-files.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import { PDF_MINIMAL, PNG_1X1, docx } from '../../core/files/samples.js';
import { inPieces, readAll } from './file-store-contract.js';

let crm: Crm;
let s3: LocalS3;
let s3Store: S3FileStore;
const files: { record: FileRecord; bytes: Buffer }[] = [];
const MB = 1024 * 1024;

test.before(async () => {
  s3 = await startLocalS3();
  s3Store = new S3FileStore(s3.settings, new RandomIds());
  crm = await testCrm('pglite', { config: { secret: 'test-secret', filesDir: mkdtempSync(join(tmpdir(), 'yunzhou-migrate-')), files: { kind: 'local' } } });
  crm.container.get<SubjectAccessRegistry>(SubjectAccessRegistryToken).register('test', { assertCanRead: async () => undefined, assertCanWrite: async () => undefined });
  for (let f = 0; f < 2; f++) {
    const firm = await aFirm(crm);
    await crm.database.knex('tenants').where({ id: firm.tenantId }).update({ settings: { maxUploadBytes: 8 * MB } }); // room for a file of two S3 parts
    const samples = [
      Buffer.concat([PNG_1X1, Buffer.from(Array.from({ length: 1 * MB }, (_, i) => (i * 7 + f) % 256))]),
      Buffer.concat([PDF_MINIMAL, Buffer.alloc(6 * MB, f + 1)]), // larger than one S3 part
      docx(),
    ];
    for (const bytes of samples) {
      const record = await crm.files.upload(firm.admin, { subjectType: 'test', subjectId: randomUUID(), kind: 'plan_attachment', fileName: 'x.bin', content: inPieces(bytes, 64 * 1024) });
      files.push({ record, bytes });
    }
  }
});
test.after.always(async () => {
  s3Store?.close();
  await crm?.close();
  await s3?.stop();
});

async function everyByteEqual(store: MovableFileStore): Promise<boolean> {
  for (const { record, bytes } of files) {
    if (!(await readAll(await store.open(record.tenantId, record.storageKey))).equals(bytes)) return false;
  }
  return true;
}

/** A store that fails its `failOn`-th write, as a crash or a lost connection would. */
function failingOnce(store: MovableFileStore, failOn: number): MovableFileStore {
  let writes = 0;
  return {
    location: store.location,
    put: (...a) => store.put(...a),
    open: (...a) => store.open(...a),
    remove: (...a) => store.remove(...a),
    write: async (tenantId: string, key: string, content: ByteSource) => {
      if (++writes === failOn) throw new Error('connection reset');
      return store.write(tenantId, key, content);
    },
  };
}

test.serial('local → s3 → pg → local: every file arrives byte for byte, and a re-run moves nothing', async (t) => {
  const knex = crm.database.knex;
  const local = crm.container.get<FileStore>(FileStore) as MovableFileStore;
  const pg = new PgFileStore(knex, new RandomIds());
  const fresh = new LocalFileStore(mkdtempSync(join(tmpdir(), 'yunzhou-migrate-back-')), new RandomIds());

  t.like(await migrateFiles(knex, local, s3Store), { moved: files.length, skipped: 0, failed: [] });
  t.true(await everyByteEqual(s3Store));
  t.like(await migrateFiles(knex, local, s3Store), { moved: 0, skipped: files.length, failed: [] });

  t.like(await migrateFiles(knex, s3Store, pg), { moved: files.length, skipped: 0, failed: [] });
  t.true(await everyByteEqual(pg));

  t.like(await migrateFiles(knex, pg, fresh), { moved: files.length, skipped: 0, failed: [] });
  t.true(await everyByteEqual(fresh));
  t.like(await migrateFiles(knex, pg, fresh), { moved: 0, skipped: files.length, failed: [] });
});

test.serial('an interrupted migration resumes: the failed file is reported, a re-run moves it and only it', async (t) => {
  const knex = crm.database.knex;
  const local = crm.container.get<FileStore>(FileStore) as MovableFileStore;
  const target = new LocalFileStore(mkdtempSync(join(tmpdir(), 'yunzhou-migrate-resume-')), new RandomIds());
  const first = await migrateFiles(knex, local, failingOnce(target, 3), { batchSize: 2 });
  t.is(first.moved, files.length - 1);
  t.is(first.failed.length, 1);
  t.regex(first.failed[0]?.reason ?? '', /connection reset/);
  const second = await migrateFiles(knex, local, target);
  t.like(second, { moved: 1, skipped: files.length - 1, failed: [] });
  t.true(await everyByteEqual(target));
});

test.serial('bytes that differ from the file record are not marked as moved; nothing is lost and a re-run tries again', async (t) => {
  const knex = crm.database.knex;
  const local = crm.container.get<FileStore>(FileStore) as MovableFileStore;
  const victim = files[0] as { record: FileRecord; bytes: Buffer };
  const corrupt = new LocalFileStore(mkdtempSync(join(tmpdir(), 'yunzhou-migrate-corrupt-')), new RandomIds());
  await corrupt.write(victim.record.tenantId, victim.record.storageKey, inPieces(Buffer.concat([victim.bytes.subarray(0, 100), Buffer.from('!')]), 50));
  const source: MovableFileStore = { ...failingOnce(local, 0), location: 'local:corrupt', open: (tenantId, key) => (key === victim.record.storageKey ? corrupt.open(tenantId, key) : local.open(tenantId, key)) };
  const target = new PgFileStore(knex, new RandomIds());
  const targetName: MovableFileStore = { ...failingOnce(target, 0), location: 'pg:second' };
  const r = await migrateFiles(knex, source, targetName);
  t.is(r.moved, files.length - 1);
  t.deepEqual(r.failed.map((f) => f.fileId), [victim.record.id]);
  t.regex(r.failed[0]?.reason ?? '', /differ from the record \(101 bytes/);
  const marked = await knex('file_store_moves').where({ tenant_id: victim.record.tenantId, store: 'pg:second', file_id: victim.record.id });
  t.deepEqual(marked, []);
  t.is(createHash('sha256').update(victim.bytes).digest('hex'), victim.record.sha256);
  t.like(await migrateFiles(knex, local, targetName), { moved: 1, skipped: files.length - 1, failed: [] });
});

test('moving to the store the files are in is refused', async (t) => {
  const local = crm.container.get<FileStore>(FileStore) as MovableFileStore;
  await t.throwsAsync(migrateFiles(crm.database.knex, local, local), { message: /already in local:/ });
});
