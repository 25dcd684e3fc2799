// Reading the audit trail (audit.view): the operation log and the sensitive-read log, filtered, in keyset
// pages, and exported as .xlsx. There is no way to change or remove an entry (the tables refuse it).
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { localDateTime, type Page, type PageRequest, type UnitOfWork } from '../shared/index.js';
import type { SheetRow, SheetSpec, SpreadsheetWriter } from '../documents/index.js';
import type { AuditQueries } from './ports.js';
import type { OperationEntry, OperationFilter, SensitiveReadAuditFilter, SensitiveReadView } from './types.js';

export interface AuditDeps {
  readonly uow: UnitOfWork;
  readonly queries: AuditQueries;
  readonly spreadsheets: SpreadsheetWriter;
}

/** An export holds at most this many rows; narrow the filter for more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const OPERATIONS_SHEET: SheetSpec = {
  name: '操作日志',
  columns: [
    { header: '时间', key: 'at', kind: 'text', width: 20 },
    { header: '操作人', key: 'actor', kind: 'text', width: 12 },
    { header: '操作', key: 'kind', kind: 'text', width: 22 },
    { header: '对象类型', key: 'subjectType', kind: 'text', width: 14 },
    { header: '对象', key: 'subjectId', kind: 'text', width: 38 },
    { header: '变更前', key: 'before', kind: 'text', width: 60 },
    { header: '变更后', key: 'after', kind: 'text', width: 60 },
  ],
};

const READS_SHEET: SheetSpec = {
  name: '敏感信息查看记录',
  columns: [
    { header: '时间', key: 'at', kind: 'text', width: 20 },
    { header: '查看人', key: 'actor', kind: 'text', width: 12 },
    { header: '对象类型', key: 'subjectType', kind: 'text', width: 14 },
    { header: '对象', key: 'subjectId', kind: 'text', width: 38 },
    { header: '字段', key: 'field', kind: 'text', width: 22 },
  ],
};

export class AuditService {
  constructor(private readonly d: AuditDeps) {}

  /** The operation log of the actor's firm, newest first. */
  operations(actor: Actor, filter: OperationFilter, page: PageRequest): Promise<Page<OperationEntry>> {
    requirePermission(actor, PERMISSIONS.auditView);
    return this.d.uow.read((tx) => this.d.queries.operations(tx, actor.tenantId, filter, page));
  }

  /** Who saw which sensitive field of which record in clear, newest first. */
  sensitiveReads(actor: Actor, filter: SensitiveReadAuditFilter, page: PageRequest): Promise<Page<SensitiveReadView>> {
    requirePermission(actor, PERMISSIONS.auditView);
    return this.d.uow.read((tx) => this.d.queries.sensitiveReads(tx, actor.tenantId, filter, page));
  }

  /** The filtered operation log as .xlsx, times in the firm's zone. */
  exportOperations(actor: Actor, filter: OperationFilter): AsyncIterable<Uint8Array> {
    requirePermission(actor, PERMISSIONS.auditView);
    const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
    return this.d.spreadsheets.write(OPERATIONS_SHEET, this.rows((p) => this.operations(actor, filter, p), (e) => ({
      at: localDateTime(e.at, actor.timeZone), actor: e.actorName ?? e.actorId, kind: e.kind, subjectType: e.subjectType, subjectId: e.subjectId,
      before: json(e.before), after: json(e.after),
    })));
  }

  /** The filtered sensitive-read log as .xlsx. */
  exportSensitiveReads(actor: Actor, filter: SensitiveReadAuditFilter): AsyncIterable<Uint8Array> {
    requirePermission(actor, PERMISSIONS.auditView);
    return this.d.spreadsheets.write(READS_SHEET, this.rows((p) => this.sensitiveReads(actor, filter, p), (e) => ({
      at: localDateTime(e.at, actor.timeZone), actor: e.actorName ?? e.actorId, subjectType: e.subjectType, subjectId: e.subjectId, field: e.field,
    })));
  }

  private async *rows<T>(page: (p: PageRequest) => Promise<Page<T>>, row: (e: T) => SheetRow): AsyncIterable<SheetRow> {
    let cursor: string | undefined;
    let n = 0;
    do {
      const p = await page({ limit: 200, ...(cursor ? { cursor } : {}) });
      for (const e of p.items) {
        if (n++ >= AUDIT_EXPORT_MAX_ROWS) return;
        yield row(e);
      }
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
  }
}
