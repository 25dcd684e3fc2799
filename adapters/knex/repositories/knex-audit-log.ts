// The operation log (audit_log) written in the caller's transaction, and keyset pages of it and of
// sensitive_reads, newest first, with the actor's name.
import type { Knex } from 'knex';
import type { Clock, IdGenerator, Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { AuditQueries, OperationLog } from '../../../core/audit/ports.js';
import type { AuditFilter, OperationEntry, OperationFilter, OperationRecord, SensitiveReadAuditFilter, SensitiveReadView } from '../../../core/audit/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexOperationLog implements OperationLog {
  constructor(private readonly clock: Clock, private readonly ids: IdGenerator) {}

  async record(tx: Tx, entries: readonly OperationRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.clock.now();
    await sql(tx)('audit_log').insert(entries.map((e) => ({
      tenant_id: e.tenantId, id: this.ids.id(), at, actor_id: e.actorId, kind: e.kind, subject_type: e.subjectType, subject_id: e.subjectId,
      before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    })));
  }
}

function filtered(q: Knex.QueryBuilder, alias: string, f: AuditFilter): void {
  if (f.actorId !== undefined) q.where(`${alias}.actor_id`, f.actorId);
  if (f.subjectType !== undefined) q.where(`${alias}.subject_type`, f.subjectType);
  if (f.subjectId !== undefined) q.where(`${alias}.subject_id`, f.subjectId);
  if (f.from !== undefined) q.where(`${alias}.at`, '>=', f.from);
  if (f.to !== undefined) q.where(`${alias}.at`, '<', f.to);
}

async function keysetPage<T>(q: Knex.QueryBuilder, alias: string, page: PageRequest, map: (r: Row) => T): Promise<Page<T>> {
  const count = page.withTotal ? q.clone() : null;
  if (page.cursor) q.where(`${alias}.seq`, '<', String(decodeCursor(page.cursor, 1)[0]));
  const rows = (await q.orderBy(`${alias}.seq`, 'desc').limit(page.limit + 1)) as Row[];
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1];
  const nextCursor = more && last ? encodeCursor([String(last.seq)]) : null;
  const items = kept.map(map);
  if (!count) return { items, nextCursor };
  const c = await count.clearSelect().count<{ count: number }[]>('* as count');
  return { items, nextCursor, total: Number(c[0]?.count ?? 0) };
}

export class KnexAuditQueries implements AuditQueries {
  async operations(tx: Tx, tenantId: string, filter: OperationFilter, page: PageRequest): Promise<Page<OperationEntry>> {
    const q = sql(tx)('audit_log as a')
      .leftJoin('users as u', function () { this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.actor_id'); })
      .where('a.tenant_id', tenantId)
      .select('a.*', 'u.name as actor_name');
    filtered(q, 'a', filter);
    if (filter.kind !== undefined) {
      const kind = filter.kind;
      q.where((w) => w.where('a.kind', kind).orWhere('a.kind', 'like', `${kind.replace(/[\\%_]/g, '\\$&')}.%`));
    }
    return keysetPage(q, 'a', page, (r) => ({
      tenantId: r.tenant_id, id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name ?? null, kind: r.kind,
      subjectType: r.subject_type, subjectId: r.subject_id, before: r.before ?? null, after: r.after ?? null,
    }));
  }

  async sensitiveReads(tx: Tx, tenantId: string, filter: SensitiveReadAuditFilter, page: PageRequest): Promise<Page<SensitiveReadView>> {
    const q = sql(tx)('sensitive_reads as s')
      .leftJoin('users as u', function () { this.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.actor_id'); })
      .where('s.tenant_id', tenantId)
      .select('s.*', 'u.name as actor_name');
    filtered(q, 's', filter);
    if (filter.field !== undefined) q.where('s.field', filter.field);
    return keysetPage(q, 's', page, (r) => ({
      id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name ?? null, subjectType: r.subject_type, subjectId: r.subject_id, field: r.field,
    }));
  }
}
