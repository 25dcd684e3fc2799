import test from 'ava';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStore } from '../../../adapters/files/local-file-store.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import { PNG_1X1 } from '../../core/files/samples.js';
import { chunked, fileStoreContract, IMAGES_AND_PDF, MB, once } from './file-store-contract.js';

/** Every file under a folder, recursively (temporary files included). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
}

function aStore(): { store: LocalFileStore; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'yunzhou-store-'));
  return { store: new LocalFileStore(root, new RandomIds()), root };
}

fileStoreContract(test, 'local', async () => {
  const { store, root } = aStore();
  return { store, kept: async (tenant) => filesUnder(join(root, tenant)).map((p) => `${tenant}/${p}`) };
});

test('local: the bytes are a file at <root>/<key>, and no partial file stays', async (t) => {
  const { store, root } = aStore();
  const tenant = randomUUID();
  const stored = await store.put(tenant, once(PNG_1X1), { maxBytes: MB, allowedTypes: IMAGES_AND_PDF });
  t.deepEqual(readFileSync(join(root, stored.storageKey)), PNG_1X1);
  t.deepEqual(filesUnder(join(root, tenant, '.partial')), []);
  await t.throwsAsync(store.put(tenant, chunked(PNG_1X1, 2 * MB).source, { maxBytes: MB, allowedTypes: IMAGES_AND_PDF }));
  t.deepEqual(filesUnder(join(root, tenant, '.partial')), []);
  t.is(store.location, `local:${root}`);
});
