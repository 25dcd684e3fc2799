// The FileStore port on any S3-compatible object store (AWS S3, MinIO, Aliyun OSS or Tencent COS in S3 mode …).
// An upload streams through the checks (checked-upload.ts) into a multipart upload of one part at a time, so
// a process holds at most one part (5 MB, S3's minimum) of an upload, never more of a larger file; a refused
// upload is aborted before it completes and leaves no object. Downloads stream the object's body.
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { IdGenerator } from '../../core/shared/ports.js';
import type { ByteSource, PutOptions, StoredFile } from '../../core/files/ports.js';
import { putChecked } from './checked-upload.js';
import { tenantKey } from './storage-key.js';
import type { MovableFileStore } from './movable-file-store.js';

export interface S3Settings {
  /** e.g. https://oss-cn-hangzhou.aliyuncs.com or http://127.0.0.1:9000; omitted for AWS itself. */
  readonly endpoint?: string | undefined;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Bucket in the path (MinIO and most self-hosted servers) rather than in the host name. */
  readonly forcePathStyle?: boolean | undefined;
  /** Prepended to every key, e.g. `yunzhou/` to share a bucket. */
  readonly prefix?: string | undefined;
}

const PART_BYTES = 5 * 1024 * 1024;

type Sdk = { readonly s3: typeof import('@aws-sdk/client-s3'); readonly storage: typeof import('@aws-sdk/lib-storage') };
let sdk: Promise<Sdk> | null = null;
/** The AWS SDK, loaded on first use: a third of a second at start-up that installs on local disk need not pay. */
function loadSdk(): Promise<Sdk> {
  sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([s3, storage]) => ({ s3, storage }));
  return sdk;
}

export class S3FileStore implements MovableFileStore {
  readonly location: string;
  private client: S3Client | null = null;

  constructor(private readonly settings: S3Settings, private readonly ids: IdGenerator) {
    this.location = `s3:${settings.endpoint ?? `aws:${settings.region}`}/${settings.bucket}/${settings.prefix ?? ''}`;
  }

  async put(tenantId: string, content: ByteSource, options: PutOptions): Promise<StoredFile> {
    return putChecked(this.ids, tenantId, content, options, (storageKey, bytes) => this.upload(storageKey, bytes));
  }

  async write(tenantId: string, storageKey: string, content: ByteSource): Promise<void> {
    tenantKey(tenantId, storageKey);
    await this.upload(storageKey, content);
  }

  async open(tenantId: string, storageKey: string): Promise<ByteSource> {
    tenantKey(tenantId, storageKey);
    const { s3 } = await loadSdk();
    const res = await (await this.s3()).send(new s3.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(storageKey) }));
    if (!(res.Body instanceof Readable)) throw new Error(`No content for ${storageKey}`);
    return res.Body;
  }

  async remove(tenantId: string, storageKey: string): Promise<void> {
    tenantKey(tenantId, storageKey);
    const { s3 } = await loadSdk();
    await (await this.s3()).send(new s3.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(storageKey) })); // S3 deletes are idempotent
  }

  /** Closes the client's connections. */
  close(): void {
    this.client?.destroy();
  }

  private async s3(): Promise<S3Client> {
    const { s3 } = await loadSdk();
    this.client ??= new s3.S3Client({
      region: this.settings.region,
      endpoint: this.settings.endpoint,
      forcePathStyle: this.settings.forcePathStyle ?? false,
      credentials: { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible servers refuse the newer default ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return this.client;
  }

  private async upload(storageKey: string, bytes: ByteSource): Promise<void> {
    const { storage } = await loadSdk();
    const client = await this.s3();
    const body = Readable.from(bytes, { objectMode: false });
    const upload = new storage.Upload({
      client,
      params: { Bucket: this.settings.bucket, Key: this.key(storageKey), Body: body },
      partSize: PART_BYTES,
      queueSize: 1, // one part in memory at a time
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (e) {
      body.destroy();
      throw e;
    }
  }

  private key(storageKey: string): string {
    return `${this.settings.prefix ?? ''}${storageKey}`;
  }
}
