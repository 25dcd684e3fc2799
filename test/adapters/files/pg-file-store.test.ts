import test from 'ava';
import { PgFileStore } from '../../../adapters/files/pg-file-store.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import { openDatabase, type Database } from '../../../adapters/knex/database.js';
import { backends, testDatabase } from '../../support/database.js';
import { fileStoreContract, MB, chunked } from './file-store-contract.js';
import { PNG_1X1 } from '../../core/files/samples.js';
import { randomUUID } from 'node:crypto';

const dbs = new Map<string, Promise<Database>>();
test.after.always(async () => {
  for (const db of dbs.values()) await (await db).close();
});

for (const backend of backends()) {
  const db = (): Promise<Database> => {
    if (!dbs.has(backend)) dbs.set(backend, testDatabase(backend).then(openDatabase));
    return dbs.get(backend) as Promise<Database>;
  };
  const kept = async (tenant: string): Promise<string[]> =>
    ((await (await db()).knex('file_chunks').where({ tenant_id: tenant }).distinct('storage_key').orderBy('storage_key')) as { storage_key: string }[]).map((r) => r.storage_key);
  fileStoreContract(test, `pg on ${backend}`, async () => ({ store: new PgFileStore((await db()).knex, new RandomIds()), kept }));

  test(`pg on ${backend}: a file is rows of 256 KB chunks, read back one chunk at a time`, async (t) => {
    const { knex } = await db();
    const store = new PgFileStore(knex, new RandomIds());
    const tenant = randomUUID();
    const f = await store.put(tenant, chunked(PNG_1X1, 1 * MB + 10, 100_000).source, { maxBytes: 2 * MB, allowedTypes: ['image/png'] });
    const rows = (await knex('file_chunks').where({ tenant_id: tenant, storage_key: f.storageKey }).orderBy('seq').select('seq', knex.raw('length(bytes) as n'))) as { seq: number; n: number }[];
    t.deepEqual(rows.map((r) => [r.seq, Number(r.n)]), [[0, 256 * 1024], [1, 256 * 1024], [2, 256 * 1024], [3, 256 * 1024], [4, 10]]);
    const sizes: number[] = [];
    for await (const c of await store.open(tenant, f.storageKey)) sizes.push(c.length);
    t.deepEqual(sizes, [256 * 1024, 256 * 1024, 256 * 1024, 256 * 1024, 10]);
  });
}
