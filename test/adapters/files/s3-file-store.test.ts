import test from 'ava';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3FileStore } from '../../../adapters/files/s3-file-store.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import { startLocalS3, type LocalS3 } from '../../support/s3-server.js';
import { PNG_1X1 } from '../../core/files/samples.js';
import { fileStoreContract, once } from './file-store-contract.js';

let s3: LocalS3;
let lister: S3Client;
const stores: S3FileStore[] = [];
test.before(async () => {
  s3 = await startLocalS3();
  const { endpoint, region, forcePathStyle, accessKeyId, secretAccessKey } = s3.settings;
  lister = new S3Client({ endpoint, region, forcePathStyle, credentials: { accessKeyId, secretAccessKey } });
});
test.after.always(async () => {
  for (const s of stores) s.close();
  lister?.destroy();
  await s3?.stop();
});

/** Every object under a prefix of the bucket. */
async function objectsUnder(prefix: string): Promise<string[]> {
  const res = await lister.send(new ListObjectsV2Command({ Bucket: s3.settings.bucket, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key as string);
}

fileStoreContract(test, 's3', async () => {
  const store = new S3FileStore(s3.settings, new RandomIds());
  stores.push(store);
  return { store, kept: (tenant) => objectsUnder(`${tenant}/`) };
});

test('s3: a prefix shares a bucket: keys live under it, and the location names endpoint, bucket and prefix', async (t) => {
  const store = new S3FileStore({ ...s3.settings, prefix: 'crm/' }, new RandomIds());
  stores.push(store);
  const tenant = '0b5c7a1e-2f3d-4c5b-8a9e-1f2e3d4c5b6a';
  const f = await store.put(tenant, once(PNG_1X1), { maxBytes: 1 << 20, allowedTypes: ['image/png'] });
  t.deepEqual(await objectsUnder(`crm/${tenant}/`), [`crm/${f.storageKey}`]);
  t.is(store.location, `s3:${s3.settings.endpoint}/${s3.settings.bucket}/crm/`);
});
