// What the audit area needs from persistence: an append-only operation log written in the caller's
// transaction, and keyset pages of it and of the sensitive-read log (newest first).
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { OperationEntry, OperationFilter, SensitiveReadAuditFilter, SensitiveReadView } from './types.js';

/** Written by every area through core/shared's port; re-exported here, where the log is read. */
export { OperationLog } from '../shared/index.js';

export interface AuditQueries {
  operations(tx: Tx, tenantId: string, filter: OperationFilter, page: PageRequest): Promise<Page<OperationEntry>>;
  sensitiveReads(tx: Tx, tenantId: string, filter: SensitiveReadAuditFilter, page: PageRequest): Promise<Page<SensitiveReadView>>;
}
export const AuditQueries = Symbol.for('yunzhou.AuditQueries');
