// File records in PostgreSQL/PGlite. Every query names the tenant.
import type { Tx } from '../../../core/shared/ports.js';
import type { FileRepository } from '../../../core/files/ports.js';
import type { FileRecord } from '../../../core/files/types.js';
import type { FileKind } from '../../../core/files/file-kinds.js';
import { FILE_KIND_POLICIES } from '../../../core/files/file-kinds.js';
import type { ContentType } from '../../../core/files/content-type.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const toFile = (r: Row): FileRecord => ({
  tenantId: r.tenant_id, id: r.id, subjectType: r.subject_type, subjectId: r.subject_id, kind: r.kind as FileKind, originalName: r.original_name,
  contentType: r.content_type as ContentType, sizeBytes: Number(r.size_bytes), sha256: r.sha256, storageKey: r.storage_key,
  uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at, supersededBy: r.superseded_by ?? null, supersededAt: r.superseded_at ?? null,
});

const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === '23505';

export class KnexFileRepository implements FileRepository {
  async insert(tx: Tx, f: FileRecord): Promise<boolean> {
    try {
      await sql(tx)('files').insert({
        tenant_id: f.tenantId, id: f.id, subject_type: f.subjectType, subject_id: f.subjectId, kind: f.kind, keeps_one: FILE_KIND_POLICIES[f.kind].keepsOne,
        original_name: f.originalName, content_type: f.contentType, size_bytes: f.sizeBytes, sha256: f.sha256, storage_key: f.storageKey,
        uploaded_by: f.uploadedBy, uploaded_at: f.uploadedAt, superseded_by: f.supersededBy, superseded_at: f.supersededAt,
      });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  async supersedeCurrent(tx: Tx, tenantId: string, subjectType: string, subjectId: string, kind: FileKind, byId: string, at: Date): Promise<string[]> {
    const rows: Row[] = await sql(tx)('files')
      .where({ tenant_id: tenantId, subject_type: subjectType, subject_id: subjectId, kind })
      .whereNull('superseded_at')
      .update({ superseded_by: byId, superseded_at: at })
      .returning('id');
    return rows.map((r) => r.id as string);
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<FileRecord | null> {
    const r = await sql(tx)('files').where({ tenant_id: tenantId, id }).first();
    return r ? toFile(r) : null;
  }

  async listBySubject(tx: Tx, tenantId: string, subjectType: string, subjectId: string, includeHistory: boolean): Promise<FileRecord[]> {
    const q = sql(tx)('files').where({ tenant_id: tenantId, subject_type: subjectType, subject_id: subjectId });
    if (!includeHistory) q.whereNull('superseded_at');
    return (await q.orderBy([{ column: 'uploaded_at', order: 'desc' }, { column: 'id', order: 'desc' }])).map(toFile);
  }
}
