// A local S3-compatible server for the tests (s3rver, an npm devDependency): started on 127.0.0.1 by the
// test itself, with one bucket, in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { S3Settings } from '../../adapters/files/s3-file-store.js';

interface S3rverInstance { run(): Promise<AddressInfo>; close(): Promise<void> }
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

export interface LocalS3 {
  readonly settings: S3Settings;
  stop(): Promise<void>;
}

export async function startLocalS3(bucket = 'yunzhou-files'): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'yunzhou-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', bucket, forcePathStyle: true,
      accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', // s3rver's fixed credentials
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
