// The FileStore port on a local folder: <root>/<tenantId>/<2 hex>/<fileId>. Bytes stream to a temporary file
// in <root>/<tenantId>/.partial while checked (checked-upload.ts); the file is renamed into place only when
// every check passed, and removed otherwise. The client's file name never reaches the file system.
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import type { IdGenerator } from '../../core/shared/ports.js';
import type { ByteSource, PutOptions, StoredFile } from '../../core/files/ports.js';
import { asBuffer, putChecked } from './checked-upload.js';
import { tenantKey } from './storage-key.js';
import type { MovableFileStore } from './movable-file-store.js';

export class LocalFileStore implements MovableFileStore {
  readonly location: string;

  constructor(private readonly root: string, private readonly ids: IdGenerator) {
    this.location = `local:${resolve(root)}`;
  }

  async put(tenantId: string, content: ByteSource, options: PutOptions): Promise<StoredFile> {
    return putChecked(this.ids, tenantId, content, options, (storageKey, bytes) => this.writeAtomically(tenantId, storageKey, bytes));
  }

  async write(tenantId: string, storageKey: string, content: ByteSource): Promise<void> {
    tenantKey(tenantId, storageKey);
    async function* buffers(): AsyncGenerator<Buffer> {
      for await (const c of content) yield asBuffer(c as Uint8Array | string);
    }
    await this.writeAtomically(tenantId, storageKey, buffers());
  }

  async open(tenantId: string, storageKey: string): Promise<ByteSource> {
    const handle = await open(this.path(tenantId, storageKey), 'r');
    return handle.createReadStream(); // closes the handle when done or destroyed
  }

  async remove(tenantId: string, storageKey: string): Promise<void> {
    await rm(this.path(tenantId, storageKey), { force: true });
  }

  /** Streams to <tenant>/.partial, then renames into place; a source that throws leaves nothing behind. */
  private async writeAtomically(tenantId: string, storageKey: string, bytes: AsyncIterable<Buffer>): Promise<void> {
    const target = this.path(tenantId, storageKey);
    const partialDir = join(this.root, tenantId, '.partial');
    await mkdir(partialDir, { recursive: true, mode: 0o700 });
    const tmp = join(partialDir, `${tenantKey(tenantId, storageKey).fileId}.part`);
    const out = createWriteStream(tmp, { flags: 'w', mode: 0o600 });
    let writeError: Error | null = null;
    out.on('error', (e) => { writeError = e; });
    try {
      for await (const chunk of bytes) {
        if (writeError) throw writeError;
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'close');
      if (writeError) throw writeError;
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(tmp, target);
    } catch (e) {
      out.destroy();
      await rm(tmp, { force: true });
      throw e;
    }
  }

  /** The path of a key this store issued for this tenant; anything else is refused (no ../ games). */
  private path(tenantId: string, storageKey: string): string {
    const { shard, fileId } = tenantKey(tenantId, storageKey);
    return join(this.root, tenantId, shard, fileId);
  }
}
