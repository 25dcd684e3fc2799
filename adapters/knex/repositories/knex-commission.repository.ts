// 提成 in PostgreSQL/PGlite: scheme versions, lines keyed by their deterministic id (stored once: `on conflict do
// nothing`), the running total per person and month (locked with `for update` in person order), statements and
// their adjustments. Every statement names the tenant and leads with it on an index.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import type { ScopeFilter } from '../../../core/organisation/actor.js';
import type {
  CommissionRepository, RunningDelta, RunningTotal, StatementFilter, StatementRecord, StoredSchemeVersion,
} from '../../../core/commissions/ports.js';
import type { Adjustment, CommissionLine, SchemeVersion } from '../../../core/commissions/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;
const num = (v: unknown): number => Number(v ?? 0);
const affected = (r: unknown): number => (typeof r === 'number' ? r : Number((r as { rowCount?: number }).rowCount ?? 0));

const toVersion = (r: Row): StoredSchemeVersion => ({
  version: r.version, effectiveFrom: r.effective_from, tierMode: r.tier_mode, split: { ownerShare: r.owner_share, sourceShare: r.source_share },
  rules: r.rules, overrides: r.overrides, createdBy: r.created_by ?? null, createdAt: r.created_at,
});

const toLine = (r: Row): CommissionLine => ({
  id: r.id, kind: r.kind, receiptId: r.receipt_id, orderId: r.order_id, personId: r.person_id, role: r.role, roleCode: r.role_code, categoryCode: r.category_code,
  departmentId: r.department_id ?? null, on: r.dated_on, month: r.month, schemeVersion: r.scheme_version, tierMode: r.tier_mode, receiptFen: num(r.receipt_fen),
  share: r.share, priorFen: num(r.prior_fen), baseFen: num(r.base_fen), rate: r.rate, tier: r.tier, amountFen: num(r.amount_fen),
});

const lineRow = (tenantId: string, l: CommissionLine, at: Date): Row => ({
  tenant_id: tenantId, id: l.id, kind: l.kind, receipt_id: l.receiptId, order_id: l.orderId, person_id: l.personId, role: l.role, role_code: l.roleCode,
  category_code: l.categoryCode, department_id: l.departmentId, dated_on: l.on, month: l.month, scheme_version: l.schemeVersion, tier_mode: l.tierMode,
  receipt_fen: l.receiptFen, share: l.share, prior_fen: l.priorFen, base_fen: l.baseFen, rate: l.rate, tier: l.tier, amount_fen: l.amountFen, created_at: at,
});

const LINE_COLUMNS = [
  'id', 'kind', 'receipt_id', 'order_id', 'person_id', 'role', 'role_code', 'category_code', 'department_id', 'dated_on', 'month', 'scheme_version', 'tier_mode',
  'receipt_fen', 'share', 'prior_fen', 'base_fen', 'rate', 'tier', 'amount_fen',
];

const toRunning = (r: Row): RunningTotal => ({
  personId: r.person_id, month: r.month, departmentId: r.department_id ?? null, creditedFen: num(r.credited_fen), accruedFen: num(r.accrued_fen),
  clawbackFen: num(r.clawback_fen), lineCount: num(r.line_count),
});

const toStatement = (r: Row): StatementRecord => ({
  tenantId: r.tenant_id, id: r.id, personId: r.person_id, month: r.month, departmentId: r.department_id ?? null, status: r.status,
  totals: {
    creditedFen: num(r.credited_fen), accruedFen: num(r.accrued_fen), clawbackFen: num(r.clawback_fen), trueUpFen: num(r.true_up_fen),
    adjustmentFen: num(r.adjustment_fen), totalFen: num(r.total_fen),
  },
  lineCount: r.line_count, trueUpLines: r.true_up_lines ?? [], drawnBy: r.drawn_by ?? null, drawnAt: r.drawn_at, submittedAt: r.submitted_at ?? null,
  approvedAt: r.approved_at ?? null, lockedBy: r.locked_by ?? null, lockedAt: r.locked_at ?? null, version: r.version,
});

const statementRow = (s: StatementRecord): Row => ({
  tenant_id: s.tenantId, id: s.id, person_id: s.personId, month: s.month, department_id: s.departmentId, status: s.status,
  credited_fen: s.totals.creditedFen, accrued_fen: s.totals.accruedFen, clawback_fen: s.totals.clawbackFen, true_up_fen: s.totals.trueUpFen,
  adjustment_fen: s.totals.adjustmentFen, total_fen: s.totals.totalFen, line_count: s.lineCount, true_up_lines: JSON.stringify(s.trueUpLines),
  drawn_by: s.drawnBy, drawn_at: s.drawnAt, submitted_at: s.submittedAt, approved_at: s.approvedAt, locked_by: s.lockedBy, locked_at: s.lockedAt, version: s.version,
});

const toAdjustment = (r: Row): Adjustment => ({ id: r.id, amountFen: num(r.amount_fen), reason: r.reason, createdBy: r.created_by, createdOn: r.created_on });

/** Person in scope as owner, or department among the scope's departments; null scope: the whole firm. */
function inScope(q: Knex.QueryBuilder, scope: ScopeFilter | null, personColumn: string, departmentColumn: string): Knex.QueryBuilder {
  if (scope === null) return q;
  return q.where((w) => {
    w.where(personColumn, scope.ownerId);
    if (scope.departmentIds && scope.departmentIds.length > 0) w.orWhereIn(departmentColumn, [...scope.departmentIds]);
  });
}

export class KnexCommissionRepository implements CommissionRepository {
  async versions(tx: Tx, tenantId: string): Promise<StoredSchemeVersion[]> {
    return (await sql(tx)('commission_scheme_versions').where({ tenant_id: tenantId }).orderBy('version')).map(toVersion);
  }

  async insertVersion(tx: Tx, tenantId: string, v: SchemeVersion, by: string, at: Date): Promise<boolean> {
    const inserted = await sql(tx)('commission_scheme_versions')
      .insert({
        tenant_id: tenantId, version: v.version, effective_from: v.effectiveFrom, tier_mode: v.tierMode, owner_share: v.split.ownerShare,
        source_share: v.split.sourceShare, rules: JSON.stringify(v.rules), overrides: JSON.stringify(v.overrides), created_by: by, created_at: at,
      })
      .onConflict().ignore().returning('version');
    return inserted.length === 1;
  }

  async deleteVersion(tx: Tx, tenantId: string, version: number): Promise<boolean> {
    return affected(await sql(tx)('commission_scheme_versions').where({ tenant_id: tenantId, version }).delete()) === 1;
  }

  async accrualsOfReceipt(tx: Tx, tenantId: string, receiptId: string): Promise<CommissionLine[]> {
    return (await sql(tx)('commission_lines').where({ tenant_id: tenantId, receipt_id: receiptId, kind: 'accrual' }).orderBy('id').select(LINE_COLUMNS)).map(toLine);
  }

  async insertLines(tx: Tx, tenantId: string, lines: readonly CommissionLine[], at: Date): Promise<CommissionLine[]> {
    if (lines.length === 0) return [];
    const ids: Row[] = await sql(tx)('commission_lines').insert(lines.map((l) => lineRow(tenantId, l, at))).onConflict(['tenant_id', 'id']).ignore().returning('id');
    const stored = new Set(ids.map((r) => r.id as string));
    return lines.filter((l) => stored.has(l.id));
  }

  async linesOf(tx: Tx, tenantId: string, personId: string, month: string): Promise<CommissionLine[]> {
    const rows = await sql(tx)('commission_lines').where({ tenant_id: tenantId, person_id: personId, month }).orderBy([{ column: 'dated_on' }, { column: 'id' }]).select(LINE_COLUMNS);
    return rows.map(toLine);
  }

  async creditedLinesOf(tx: Tx, tenantId: string, personId: string, month: string): Promise<CommissionLine[]> {
    // `role <> 'head'` as written in the partial index commission_lines_credited, so the planner can use it.
    const rows = await sql(tx)('commission_lines').where({ tenant_id: tenantId, person_id: personId, month }).andWhereRaw(`role <> 'head'`)
      .orderBy([{ column: 'dated_on' }, { column: 'id' }]).select(LINE_COLUMNS);
    return rows.map(toLine);
  }

  async lockRunning(tx: Tx, tenantId: string, month: string, people: readonly { personId: string; departmentId: string | null }[], at: Date): Promise<Map<string, RunningTotal>> {
    const db = sql(tx);
    const byPerson = new Map(people.map((p) => [p.personId, p]));
    const ids = [...byPerson.keys()].sort();
    const out = new Map<string, RunningTotal>();
    if (ids.length === 0) return out;
    // One person at a time in id order: two confirmations sharing people always lock them in the same order.
    for (const id of ids) {
      await db('commission_running')
        .insert({ tenant_id: tenantId, person_id: id, month, department_id: byPerson.get(id)?.departmentId ?? null, updated_at: at })
        .onConflict(['tenant_id', 'person_id', 'month']).ignore();
      const row = await db('commission_running').where({ tenant_id: tenantId, person_id: id, month }).forUpdate().first();
      if (row) out.set(id, toRunning(row));
    }
    return out;
  }

  async addRunning(tx: Tx, tenantId: string, d: RunningDelta, at: Date): Promise<void> {
    const db = sql(tx);
    await db('commission_running')
      .insert({
        tenant_id: tenantId, person_id: d.personId, month: d.month, department_id: d.departmentId, credited_fen: d.creditedFen, accrued_fen: d.accruedFen,
        clawback_fen: d.clawbackFen, line_count: d.lineCount, updated_at: at,
      })
      .onConflict(['tenant_id', 'person_id', 'month'])
      .merge({
        department_id: d.departmentId,
        credited_fen: db.raw('commission_running.credited_fen + ?', [d.creditedFen]),
        accrued_fen: db.raw('commission_running.accrued_fen + ?', [d.accruedFen]),
        clawback_fen: db.raw('commission_running.clawback_fen + ?', [d.clawbackFen]),
        line_count: db.raw('commission_running.line_count + ?', [d.lineCount]),
        updated_at: at,
      });
  }

  async running(tx: Tx, tenantId: string, personId: string, month: string): Promise<RunningTotal | null> {
    const row = await sql(tx)('commission_running').where({ tenant_id: tenantId, person_id: personId, month }).first();
    return row ? toRunning(row) : null;
  }

  async runningInScope(tx: Tx, tenantId: string, month: string, scope: ScopeFilter | null, departmentId?: string): Promise<RunningTotal[]> {
    let q = sql(tx)('commission_running').where({ tenant_id: tenantId, month }).andWhere('line_count', '>', 0);
    if (departmentId !== undefined) q = q.andWhere('department_id', departmentId);
    q = inScope(q, scope, 'person_id', 'department_id');
    const rows = await q.orderByRaw('accrued_fen + clawback_fen desc, person_id');
    return rows.map(toRunning);
  }

  async statement(tx: Tx, tenantId: string, id: string, forUpdate = false): Promise<StatementRecord | null> {
    const q = sql(tx)('commission_statements').where({ tenant_id: tenantId, id });
    const row = await (forUpdate ? q.forUpdate() : q).first();
    return row ? toStatement(row) : null;
  }

  async statementOf(tx: Tx, tenantId: string, personId: string, month: string, forUpdate = false): Promise<StatementRecord | null> {
    const q = sql(tx)('commission_statements').where({ tenant_id: tenantId, person_id: personId, month });
    const row = await (forUpdate ? q.forUpdate() : q).first();
    return row ? toStatement(row) : null;
  }

  async insertStatement(tx: Tx, s: StatementRecord): Promise<boolean> {
    const inserted = await sql(tx)('commission_statements').insert(statementRow(s)).onConflict().ignore().returning('id');
    return inserted.length === 1;
  }

  async updateStatement(tx: Tx, s: StatementRecord): Promise<boolean> {
    const { tenant_id: _t, id: _i, person_id: _p, month: _m, ...changes } = statementRow(s);
    return affected(await sql(tx)('commission_statements').where({ tenant_id: s.tenantId, id: s.id, version: s.version - 1 }).update(changes)) === 1;
  }

  async statements(tx: Tx, tenantId: string, filter: StatementFilter, scope: ScopeFilter | null): Promise<StatementRecord[]> {
    let q = sql(tx)('commission_statements').where({ tenant_id: tenantId, month: filter.month });
    if (filter.departmentId !== undefined) q = q.andWhere('department_id', filter.departmentId);
    if (filter.personId !== undefined) q = q.andWhere('person_id', filter.personId);
    if (filter.status !== undefined) q = q.andWhere('status', filter.status);
    q = inScope(q, scope, 'person_id', 'department_id');
    return (await q.orderBy([{ column: 'total_fen', order: 'desc' }, { column: 'person_id' }])).map(toStatement);
  }

  async adjustments(tx: Tx, tenantId: string, statementId: string): Promise<Adjustment[]> {
    return (await sql(tx)('commission_adjustments').where({ tenant_id: tenantId, statement_id: statementId }).orderBy([{ column: 'created_at' }, { column: 'id' }])).map(toAdjustment);
  }

  async insertAdjustment(tx: Tx, tenantId: string, statementId: string, a: Adjustment, at: Date): Promise<void> {
    await sql(tx)('commission_adjustments').insert({
      tenant_id: tenantId, id: a.id, statement_id: statementId, amount_fen: a.amountFen, reason: a.reason, created_by: a.createdBy, created_on: a.createdOn, created_at: at,
    });
  }

  async deleteAdjustment(tx: Tx, tenantId: string, statementId: string, id: string): Promise<boolean> {
    return affected(await sql(tx)('commission_adjustments').where({ tenant_id: tenantId, statement_id: statementId, id }).delete()) === 1;
  }
}
