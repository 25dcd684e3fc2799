// `yunzhou files migrate --to s3|pg|local`: copies every file's bytes from the store in use to another, under
// the same key. Each file is streamed across, read back from the target and checked against its record's size
// and SHA-256, and only then marked as moved (file_store_moves); a re-run skips marked files, so an interrupted
// migration resumes where it stopped. The source keeps its copy until the operator removes it.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { ByteSource } from '../../core/files/ports.js';
import { asBuffer } from './checked-upload.js';
import type { MovableFileStore } from './movable-file-store.js';

export interface FileMigrationReport {
  readonly moved: number;
  /** Files already marked as moved to this target by an earlier run. */
  readonly skipped: number;
  readonly failed: readonly { readonly tenantId: string; readonly fileId: string; readonly reason: string }[];
}

export interface FileMigrationOptions {
  readonly now?: () => Date;
  /** Called after each file with a line for the operator. */
  readonly progress?: (line: string) => void;
  readonly batchSize?: number;
}

interface FileRow { tenant_id: string; id: string; storage_key: string; size_bytes: number; sha256: string }

/** Size and SHA-256 of a stream, passing its bytes on. */
function measured(source: ByteSource): { bytes: AsyncGenerator<Buffer>; result: () => { size: number; sha256: string } } {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | null = null;
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const raw of source) {
      const chunk = asBuffer(raw as Uint8Array | string);
      size += chunk.length;
      hash.update(chunk);
      yield chunk;
    }
    digest = hash.digest('hex');
  }
  return { bytes: bytes(), result: () => ({ size, sha256: digest ?? '' }) };
}

async function measure(source: ByteSource): Promise<{ size: number; sha256: string }> {
  const m = measured(source);
  for await (const chunk of m.bytes) void chunk;
  return m.result();
}

/** Copies one file, checks the copy against its record, marks it moved; the reason when it could not. */
async function moveOne(knex: Knex, from: MovableFileStore, to: MovableFileStore, f: FileRow, now: () => Date): Promise<string | null> {
  let opened: ByteSource | null = null;
  try {
    opened = await from.open(f.tenant_id, f.storage_key);
    const source = measured(opened);
    await to.write(f.tenant_id, f.storage_key, source.bytes);
    const read = source.result();
    if (read.size !== Number(f.size_bytes) || read.sha256 !== f.sha256) throw new Error(`the source's bytes differ from the record (${read.size} bytes, sha256 ${read.sha256})`);
    const copy = await measure(await to.open(f.tenant_id, f.storage_key));
    if (copy.size !== Number(f.size_bytes) || copy.sha256 !== f.sha256) throw new Error(`the copy differs from the record (${copy.size} bytes, sha256 ${copy.sha256})`);
    await knex('file_store_moves').insert({ tenant_id: f.tenant_id, file_id: f.id, store: to.location, moved_at: now() }).onConflict(['tenant_id', 'file_id', 'store']).ignore();
    return null;
  } catch (e) {
    (opened as { destroy?: () => void } | null)?.destroy?.(); // a target that failed before reading it all
    return e instanceof Error ? e.message : String(e);
  }
}

export async function migrateFiles(knex: Knex, from: MovableFileStore, to: MovableFileStore, options: FileMigrationOptions = {}): Promise<FileMigrationReport> {
  if (from.location === to.location) throw new Error(`The files are already in ${to.location}`);
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 100;
  const isMoved = (m: Knex.QueryBuilder): Knex.QueryBuilder =>
    m.select(knex.raw('1')).from('file_store_moves as m').whereRaw('m.tenant_id = f.tenant_id and m.file_id = f.id').andWhere('m.store', to.location);
  let skipped = 0;
  let moved = 0;
  const failed: { tenantId: string; fileId: string; reason: string }[] = [];
  // Firm by firm: every statement names its tenant, as the distribution by firm requires.
  const tenants = ((await knex('tenants').select('id').orderBy('id')) as { id: string }[]).map((r) => r.id);
  for (const tenantId of tenants) {
    const row = await knex('files as f').where('f.tenant_id', tenantId).whereExists(isMoved).count<{ n: string | number }[]>('* as n').first();
    skipped += Number(row?.n ?? 0);
    let after: string | null = null;
    for (;;) {
      const q = knex('files as f').select('f.tenant_id', 'f.id', 'f.storage_key', 'f.size_bytes', 'f.sha256')
        .where('f.tenant_id', tenantId).whereNotExists(isMoved).orderBy('f.id').limit(batchSize);
      if (after) q.where('f.id', '>', after);
      const rows = (await q) as FileRow[];
      if (!rows.length) break;
      for (const f of rows) {
        const failure = await moveOne(knex, from, to, f, now);
        if (failure) failed.push({ tenantId: f.tenant_id, fileId: f.id, reason: failure });
        else moved++;
        options.progress?.(failure ? `FAILED ${f.tenant_id}/${f.id}: ${failure}` : `moved ${f.tenant_id}/${f.id} (${f.size_bytes} bytes)`);
      }
      after = (rows[rows.length - 1] as FileRow).id;
    }
  }
  return { moved, skipped, failed };
}
