// Collection plans and their instalments in PostgreSQL/PGlite, and an order's money as collections sees it
// (read from the orders area's order_amounts view, which reads our receipts). Every query names the tenant.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import type { CollectionPlanRepository, InstalmentDelta, OrderFinance, StoredInstalment } from '../../../core/collections/ports.js';
import type { CollectionPlan, Instalment, PlanRevision } from '../../../core/collections/types.js';
import { sql } from '../unit-of-work.js';
import { prepared } from '../hot-query.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);
// knex-pglite answers a delete with the driver's result rather than the row count.
const affected = (r: unknown): number => (typeof r === 'number' ? r : Number((r as { rowCount?: number }).rowCount ?? 0));

export const toInstalment = (r: Row): StoredInstalment => ({
  tenantId: r.tenant_id, id: r.id, orderId: r.order_id, number: r.number, dueOn: r.due_on ?? null, onDisbursement: r.on_disbursement === true,
  amountFen: num(r.amount_fen), reservedFen: num(r.reserved_fen), collectedFen: num(r.collected_fen), remindedFor: r.reminded_for ?? null,
  proposed: r.proposed === true,
});

const toPlan = (r: Row): CollectionPlan => ({
  tenantId: r.tenant_id, orderId: r.order_id, revision: r.revision, method: r.method, totalFen: num(r.total_fen), createdBy: r.created_by, createdAt: r.created_at,
  updatedBy: r.updated_by, updatedAt: r.updated_at, version: r.version,
});

const toFinance = (r: Row): OrderFinance => ({
  tenantId: r.tenant_id, orderId: r.id, title: r.title, companyName: r.company_name, ownerId: r.owner_id, departmentId: r.department_id ?? null,
  handlerId: r.handler_id, stageKey: r.stage_key, stageBeforeOff: r.stage_before_off ?? null, completedAt: r.completed_at ?? null,
  receivableFen: num(r.receivable_fen), receivedFen: num(r.received_fen), invoicedFen: num(r.invoiced_fen), invoiceWantedFen: num(r.invoice_wanted_fen),
});

function finance(db: Knex, tenantId: string, orderId: string): Promise<Row | undefined> {
  return prepared(db, 'order_finance', db('orders as o')
    .join('order_amounts as a', (j) => j.on('a.tenant_id', 'o.tenant_id').andOn('a.order_id', 'o.id'))
    .where({ 'o.tenant_id': tenantId, 'o.id': orderId })
    .first(
      'o.tenant_id', 'o.id', 'o.title', 'o.company_name', 'o.owner_id', 'o.department_id', 'o.handler_id', 'o.stage_key', 'o.stage_before_off', 'o.completed_at',
      'a.receivable_fen', 'a.received_fen', 'a.invoiced_fen',
      db.raw(`(select coalesce(sum(r.amount_fen), 0)::bigint from receipts r where r.tenant_id = o.tenant_id and r.order_id = o.id
                and r.state in ('approved', 'reversing') and r.invoice_wanted) as invoice_wanted_fen`),
    ));
}

export class KnexCollectionPlanRepository implements CollectionPlanRepository {
  async lockOrder(tx: Tx, tenantId: string, orderId: string): Promise<OrderFinance | null> {
    const db = sql(tx);
    const locked = await db('orders').where({ tenant_id: tenantId, id: orderId }).forUpdate().first('id');
    if (!locked) return null;
    const r = await finance(db, tenantId, orderId);
    return r ? toFinance(r) : null;
  }

  async orderFinance(tx: Tx, tenantId: string, orderId: string): Promise<OrderFinance | null> {
    const r = await finance(sql(tx), tenantId, orderId);
    return r ? toFinance(r) : null;
  }

  async getPlan(tx: Tx, tenantId: string, orderId: string): Promise<CollectionPlan | null> {
    const r = await sql(tx)('collection_plans').where({ tenant_id: tenantId, order_id: orderId }).first();
    return r ? toPlan(r) : null;
  }

  async instalments(tx: Tx, tenantId: string, orderId: string): Promise<StoredInstalment[]> {
    const rows = await sql(tx)('collection_instalments').where({ tenant_id: tenantId, order_id: orderId }).orderBy([{ column: 'number' }, { column: 'id' }]);
    return rows.map(toInstalment);
  }

  async savePlan(tx: Tx, plan: CollectionPlan, instalments: readonly Instalment[], revision: PlanRevision): Promise<boolean> {
    const db = sql(tx);
    const row = {
      revision: plan.revision, method: plan.method, total_fen: plan.totalFen, updated_by: plan.updatedBy, updated_at: plan.updatedAt, version: plan.version,
    };
    if (plan.version === 1) {
      const inserted = await db('collection_plans')
        .insert({ tenant_id: plan.tenantId, order_id: plan.orderId, created_by: plan.createdBy, created_at: plan.createdAt, ...row })
        .onConflict(['tenant_id', 'order_id']).ignore().returning('order_id');
      if (inserted.length !== 1) return false;
    } else {
      const n = await db('collection_plans').where({ tenant_id: plan.tenantId, order_id: plan.orderId, version: plan.version - 1 }).update(row);
      if (n !== 1) return false;
    }
    const keep = instalments.map((i) => i.id);
    const gone = db('collection_instalments').where({ tenant_id: plan.tenantId, order_id: plan.orderId });
    await (keep.length ? gone.whereNotIn('id', keep) : gone).del();
    if (instalments.length) {
      await db('collection_instalments')
        .insert(instalments.map((i) => ({
          tenant_id: i.tenantId, id: i.id, order_id: i.orderId, number: i.number, due_on: i.dueOn, on_disbursement: i.onDisbursement, amount_fen: i.amountFen,
          reserved_fen: i.reservedFen, collected_fen: i.collectedFen, proposed: i.proposed === true,
        })))
        // A kept (locked) instalment changes only its number (and is no longer proposed once a person saved the plan).
        .onConflict(['tenant_id', 'id']).merge(['number', 'proposed']);
    }
    await db('collection_plan_revisions').insert({
      tenant_id: revision.tenantId, order_id: revision.orderId, revision: revision.revision, method: revision.method, total_fen: revision.totalFen,
      reason: revision.reason, instalments: JSON.stringify(revision.instalments), created_by: revision.createdBy, created_at: revision.createdAt,
    });
    return true;
  }

  async revisions(tx: Tx, tenantId: string, orderId: string): Promise<PlanRevision[]> {
    const rows = await sql(tx)('collection_plan_revisions as r')
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.created_by'))
      .where({ 'r.tenant_id': tenantId, 'r.order_id': orderId })
      .orderBy('r.revision', 'desc')
      .select('r.*', 'u.name as created_by_name');
    return rows.map((r: Row) => ({
      tenantId: r.tenant_id, orderId: r.order_id, revision: r.revision, method: r.method, totalFen: num(r.total_fen), reason: r.reason ?? null,
      instalments: r.instalments, createdBy: r.created_by, createdByName: r.created_by_name ?? null, createdAt: r.created_at,
    }));
  }

  async deletePlan(tx: Tx, tenantId: string, orderId: string, version: number): Promise<boolean> {
    const db = sql(tx);
    await db('collection_instalments').where({ tenant_id: tenantId, order_id: orderId }).del();
    return affected(await db('collection_plans').where({ tenant_id: tenantId, order_id: orderId, version }).del()) === 1;
  }

  async adjustInstalments(tx: Tx, tenantId: string, deltas: readonly InstalmentDelta[]): Promise<void> {
    const db = sql(tx);
    for (const d of deltas) {
      if (d.reservedFen === 0 && d.collectedFen === 0) continue;
      await db('collection_instalments')
        .where({ tenant_id: tenantId, id: d.instalmentId })
        .update({ reserved_fen: db.raw('reserved_fen + ?', [d.reservedFen]), collected_fen: db.raw('collected_fen + ?', [d.collectedFen]) });
    }
  }
}
