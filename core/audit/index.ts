// The audit area's public face: the operation log port and the service that reads both audit logs.
export type { OperationRecord, OperationEntry, OperationFilter, SensitiveReadView, SensitiveReadAuditFilter, AuditFilter } from './types.js';
export { settingsChange } from './types.js';
export { OperationLog, AuditQueries } from './ports.js';
export { AuditService, AUDIT_EXPORT_MAX_ROWS, type AuditDeps } from './audit.service.js';
