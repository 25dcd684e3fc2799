// 资料清单 in PostgreSQL/PGlite: products' saved checklists (versioned), the documents the order's files were
// marked as, and the open applications the expiry reminders read. Every statement names the tenant.
import type { Tx } from '../../../core/shared/ports.js';
import type { ChecklistRepository, MarkedDocument, OpenApplication, StoredChecklist } from '../../../core/checklists/ports.js';
import type { CollectedDocument, DocumentRequirement } from '../../../core/checklists/document-requirement.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

/** Applications not yet decided for good: 待申请, 申请中, 已批核. */
const OPEN_STATUSES = ['pending', 'applying', 'approved'];

const toMarked = (r: Row): MarkedDocument => ({
  fileId: r.file_id, document: r.document, documentDate: r.document_date ?? null, coversFrom: r.covers_from ?? null, coversTo: r.covers_to ?? null,
  expiresOn: r.expires_on ?? null, longTerm: r.long_term === true, markedBy: r.marked_by, markedAt: r.marked_at,
});

export class KnexChecklistRepository implements ChecklistRepository {
  async productChecklists(tx: Tx, tenantId: string, productIds: readonly string[]): Promise<StoredChecklist[]> {
    if (productIds.length === 0) return [];
    const rows: Row[] = await sql(tx)('product_documents').where({ tenant_id: tenantId }).whereIn('product_id', [...productIds]);
    return rows.map((r) => ({ productId: r.product_id, documents: r.documents as DocumentRequirement[], version: r.version }));
  }

  async saveProductChecklist(tx: Tx, tenantId: string, productId: string, documents: readonly DocumentRequirement[], expectedVersion: number, by: string, at: Date): Promise<boolean> {
    const row = { documents: JSON.stringify(documents), version: expectedVersion + 1, updated_by: by, updated_at: at };
    if (expectedVersion === 0) {
      const inserted = await sql(tx)('product_documents').insert({ tenant_id: tenantId, product_id: productId, ...row }).onConflict(['tenant_id', 'product_id']).ignore().returning('product_id');
      return inserted.length === 1;
    }
    return (await sql(tx)('product_documents').where({ tenant_id: tenantId, product_id: productId, version: expectedVersion }).update(row)) === 1;
  }

  async orderDocuments(tx: Tx, tenantId: string, orderId: string): Promise<MarkedDocument[]> {
    const rows: Row[] = await sql(tx)('file_documents as d')
      .join('files as f', (j) => j.on('f.tenant_id', 'd.tenant_id').andOn('f.id', 'd.file_id'))
      .where({ 'd.tenant_id': tenantId, 'f.tenant_id': tenantId, 'f.subject_type': 'order', 'f.subject_id': orderId })
      .whereNull('f.superseded_at')
      .select('d.*')
      .orderBy([{ column: 'd.marked_at', order: 'asc' }, { column: 'd.file_id', order: 'asc' }, { column: 'd.document', order: 'asc' }]);
    return rows.map(toMarked);
  }

  async markFile(tx: Tx, tenantId: string, doc: CollectedDocument, by: string, at: Date): Promise<void> {
    await sql(tx)('file_documents')
      .insert({
        tenant_id: tenantId, file_id: doc.fileId, document: doc.document, document_date: doc.documentDate ?? null, covers_from: doc.coversFrom ?? null,
        covers_to: doc.coversTo ?? null, expires_on: doc.expiresOn ?? null, long_term: doc.longTerm === true, marked_by: by, marked_at: at,
      })
      .onConflict(['tenant_id', 'file_id', 'document'])
      .merge(['document_date', 'covers_from', 'covers_to', 'expires_on', 'long_term', 'marked_by', 'marked_at']);
  }

  async unmarkFile(tx: Tx, tenantId: string, fileId: string, document: string): Promise<boolean> {
    return (await sql(tx)('file_documents').where({ tenant_id: tenantId, file_id: fileId, document }).delete().returning('file_id')).length > 0;
  }

  async openApplications(tx: Tx, tenantId: string, afterOrderId: string | null, limit: number): Promise<OpenApplication[]> {
    const db = sql(tx);
    const orderIds = db('order_lines').where({ tenant_id: tenantId }).whereIn('status', OPEN_STATUSES).distinct('order_id').orderBy('order_id').limit(limit);
    if (afterOrderId) orderIds.andWhere('order_id', '>', afterOrderId);
    const rows: Row[] = await db('order_lines as l')
      .join('orders as o', (j) => j.on('o.tenant_id', 'l.tenant_id').andOn('o.id', 'l.order_id'))
      .where({ 'l.tenant_id': tenantId, 'o.tenant_id': tenantId })
      .whereIn('l.status', OPEN_STATUSES)
      .whereIn('l.order_id', orderIds)
      .select('l.order_id', 'l.product_id', 'o.title', 'o.owner_id', 'o.department_id')
      .orderBy([{ column: 'l.order_id', order: 'asc' }, { column: 'l.position', order: 'asc' }]);
    return rows.map((r) => ({ orderId: r.order_id, orderTitle: r.title, ownerId: r.owner_id ?? null, departmentId: r.department_id ?? null, productId: r.product_id }));
  }
}
