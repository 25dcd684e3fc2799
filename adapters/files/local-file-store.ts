// The FileStore port on a local folder: <root>/<tenantId>/<2 hex>/<fileId>. Bytes stream to a temporary file
// in <root>/<tenantId>/.partial while their size is counted, their SHA-256 computed and their first and last
// bytes kept for sniffing; the file is renamed into place only when every check passed, and removed otherwise.
// The client's file name never reaches the file system.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { IdGenerator } from '../../core/shared/ports.js';
import type { ByteSource, FileStore, PutOptions, StoredFile } from '../../core/files/ports.js';
import { familyMayBeAllowed, magicFamily, MAGIC_BYTES, oleDirectoryRange, sniffContentType, type SniffMore } from '../../core/files/content-type.js';
import { emptyFile, fileTooLarge, unsupportedFileType } from '../../core/files/errors.js';

const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 64 * 1024; // a zip's central directory (OOXML part names) sits at the end
const SAFE_ID = /^[A-Za-z0-9-]{8,64}$/;

function checkId(what: string, id: string): void {
  if (!SAFE_ID.test(id)) throw new Error(`Unsafe ${what} for a file path: ${JSON.stringify(id)}`);
}

function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string, private readonly ids: IdGenerator) {}

  async put(tenantId: string, content: ByteSource, options: PutOptions): Promise<StoredFile> {
    checkId('tenant id', tenantId);
    const id = this.ids.id();
    checkId('file id', id);
    const shard = id.slice(0, 2).toLowerCase();
    const partialDir = join(this.root, tenantId, '.partial');
    await mkdir(partialDir, { recursive: true, mode: 0o700 });
    const tmp = join(partialDir, `${id}.part`);
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    let writeError: Error | null = null;
    out.on('error', (e) => { writeError = e; });
    const hash = createHash('sha256');
    const headParts: Buffer[] = [];
    let headLength = 0;
    let tail = Buffer.alloc(0);
    let size = 0;
    let familyChecked = false;
    const checkFamily = (): void => {
      familyChecked = true;
      if (!familyMayBeAllowed(magicFamily(Buffer.concat(headParts)), options.allowedTypes)) throw unsupportedFileType(options.allowedTypes);
    };
    try {
      for await (const raw of content) {
        const chunk = asBuffer(raw as Uint8Array | string);
        size += chunk.length;
        if (size > options.maxBytes) throw fileTooLarge(options.maxBytes); // before writing a byte past the limit
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          headParts.push(part);
          headLength += part.length;
        }
        if (!familyChecked && headLength >= MAGIC_BYTES) checkFamily(); // an EXE is refused at its first chunk
        tail = chunk.length >= TAIL_BYTES ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES)) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
        if (writeError) throw writeError;
        if (!out.write(chunk)) await once(out, 'drain');
      }
      if (size === 0) throw emptyFile();
      if (!familyChecked) checkFamily();
      out.end();
      await once(out, 'close');
      if (writeError) throw writeError;

      const head = Buffer.concat(headParts);
      const more: { -readonly [K in keyof SniffMore]: SniffMore[K] } = size > head.length ? { tail } : {};
      const ole = oleDirectoryRange(head);
      if (ole && ole.offset + ole.length > head.length) more.oleDirectory = await readRange(tmp, ole.offset, ole.length);
      const contentType = sniffContentType(head, more);
      if (!contentType || !options.allowedTypes.includes(contentType)) throw unsupportedFileType(options.allowedTypes);

      const storageKey = `${tenantId}/${shard}/${id}`;
      await mkdir(join(this.root, tenantId, shard), { recursive: true, mode: 0o700 });
      await rename(tmp, join(this.root, storageKey));
      return { id, sizeBytes: size, sha256: hash.digest('hex'), contentType, storageKey };
    } catch (e) {
      out.destroy();
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async open(tenantId: string, storageKey: string): Promise<ByteSource> {
    const handle = await open(this.path(tenantId, storageKey), 'r');
    return handle.createReadStream(); // closes the handle when done or destroyed
  }

  async remove(tenantId: string, storageKey: string): Promise<void> {
    await rm(this.path(tenantId, storageKey), { force: true });
  }

  /** The path of a key this store issued for this tenant; anything else is refused (no ../ games). */
  private path(tenantId: string, storageKey: string): string {
    checkId('tenant id', tenantId);
    const [owner, shard, id, ...rest] = storageKey.split('/');
    if (owner !== tenantId || rest.length || !shard || !/^[a-z0-9]{2}$/.test(shard) || !id) throw new Error(`Storage key ${JSON.stringify(storageKey)} is not this tenant's`);
    checkId('file id', id);
    return join(this.root, owner, shard, id);
  }
}

async function readRange(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
