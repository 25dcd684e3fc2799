// The FileStore port in the database itself, for operators with no object store: a file is rows of 256 KB
// chunks (file_chunks), written one statement per chunk outside any transaction (an upload can be slow and the
// embedded database has one connection) and read back one chunk per query, so neither direction holds more
// than a chunk. Works the same on PostgreSQL and the embedded PGlite. Chunks arrive under a partial key and
// are renamed to the real key in one statement when every check passed; a refused upload's chunks are deleted.
import type { Knex } from 'knex';
import type { IdGenerator } from '../../core/shared/ports.js';
import type { ByteSource, PutOptions, StoredFile } from '../../core/files/ports.js';
import { asBuffer, putChecked } from './checked-upload.js';
import { tenantKey } from './storage-key.js';
import type { MovableFileStore } from './movable-file-store.js';

const CHUNK_BYTES = 256 * 1024;
const PARTIAL = '.partial';

export class PgFileStore implements MovableFileStore {
  readonly location = 'pg';

  constructor(private readonly knex: Knex, private readonly ids: IdGenerator) {}

  async put(tenantId: string, content: ByteSource, options: PutOptions): Promise<StoredFile> {
    return putChecked(this.ids, tenantId, content, options, (storageKey, bytes) => this.writeAtomically(tenantId, storageKey, bytes));
  }

  async write(tenantId: string, storageKey: string, content: ByteSource): Promise<void> {
    tenantKey(tenantId, storageKey);
    await this.writeAtomically(tenantId, storageKey, content);
  }

  async open(tenantId: string, storageKey: string): Promise<ByteSource> {
    tenantKey(tenantId, storageKey);
    const first = await this.chunk(tenantId, storageKey, 0);
    if (!first) throw new Error(`No content for ${storageKey}`);
    return this.chunksFrom(tenantId, storageKey, first);
  }

  async remove(tenantId: string, storageKey: string): Promise<void> {
    tenantKey(tenantId, storageKey);
    await this.knex('file_chunks').where({ tenant_id: tenantId, storage_key: storageKey }).delete();
  }

  private async *chunksFrom(tenantId: string, storageKey: string, first: Buffer): AsyncGenerator<Buffer> {
    yield first;
    for (let seq = 1; ; seq++) {
      const next = await this.chunk(tenantId, storageKey, seq);
      if (!next) return;
      yield next;
    }
  }

  private async chunk(tenantId: string, storageKey: string, seq: number): Promise<Buffer | null> {
    const row = await this.knex('file_chunks').where({ tenant_id: tenantId, storage_key: storageKey, seq }).first('bytes') as { bytes: Uint8Array } | undefined;
    return row ? asBuffer(row.bytes) : null;
  }

  /** Chunks go in under `<key>.partial`; the last statement makes them the key's, replacing any earlier content. */
  private async writeAtomically(tenantId: string, storageKey: string, bytes: ByteSource): Promise<void> {
    const partial = `${storageKey}${PARTIAL}`;
    const where = { tenant_id: tenantId, storage_key: partial };
    await this.knex('file_chunks').where(where).delete(); // what an interrupted earlier attempt left
    try {
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (): Promise<void> => {
        await this.knex('file_chunks').insert({ ...where, seq: seq++, bytes: Buffer.concat(pending) });
        pending = [];
        pendingBytes = 0;
      };
      for await (const raw of bytes) {
        let chunk = asBuffer(raw as Uint8Array | string);
        while (chunk.length) {
          const take = chunk.subarray(0, CHUNK_BYTES - pendingBytes);
          pending.push(take);
          pendingBytes += take.length;
          chunk = chunk.subarray(take.length);
          if (pendingBytes === CHUNK_BYTES) await flush();
        }
      }
      if (pendingBytes) await flush();
      await this.knex.transaction(async (tx) => {
        await tx('file_chunks').where({ tenant_id: tenantId, storage_key: storageKey }).delete();
        await tx('file_chunks').where(where).update({ storage_key: storageKey });
      });
    } catch (e) {
      await this.knex('file_chunks').where(where).delete().catch(() => undefined);
      throw e;
    }
  }
}
