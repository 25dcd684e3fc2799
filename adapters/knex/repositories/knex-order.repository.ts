// Orders in PostgreSQL/PGlite: the order rows, and summaries with names and the amounts of the order_amounts
// view (computed from their sources on every read). Every query names the tenant.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type PageRequest } from '../../../core/shared/pagination.js';
import type { OrderListFilter, OrderPage, OrderRepository, OrderTotals, OrderVisibility } from '../../../core/orders/ports.js';
import type { StagesInUse } from '../../../core/orders/order-settings.js';
import type { Order, OrderSummary } from '../../../core/orders/types.js';
import { sql } from '../unit-of-work.js';
import { prepared } from '../hot-query.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);

export const toOrder = (r: Row): Order => ({
  tenantId: r.tenant_id, id: r.id, inquiryId: r.inquiry_id, title: r.title, companyName: r.company_name, companyKey: r.company_key,
  ownerId: r.owner_id, departmentId: r.department_id, handlerId: r.handler_id, stageKey: r.stage_key, stageBeforeOff: r.stage_before_off,
  stageEnteredAt: r.stage_entered_at, offReason: r.off_reason, completedAt: r.completed_at, createdBy: r.created_by, createdAt: r.created_at,
  updatedAt: r.updated_at, version: r.version,
});

const toSummary = (r: Row): OrderSummary => ({
  ...toOrder(r),
  ownerName: r.owner_name ?? null,
  departmentName: r.department_name ?? null,
  handlerName: r.handler_name ?? null,
  wonAt: r.won_at ?? null,
  amounts: {
    contractFen: r.contract_fen === null || r.contract_fen === undefined ? null : num(r.contract_fen),
    productTotalFen: num(r.product_total_fen),
    receivableFen: num(r.receivable_fen),
    receivedFen: num(r.received_fen),
    outstandingFen: num(r.outstanding_fen),
    invoicedFen: num(r.invoiced_fen),
    disbursedFen: num(r.disbursed_fen),
  },
});

const orderRow = (o: Order): Row => ({
  tenant_id: o.tenantId, id: o.id, inquiry_id: o.inquiryId, title: o.title, company_name: o.companyName, company_key: o.companyKey,
  owner_id: o.ownerId, department_id: o.departmentId, handler_id: o.handlerId, stage_key: o.stageKey, stage_before_off: o.stageBeforeOff,
  stage_entered_at: o.stageEnteredAt, off_reason: o.offReason, completed_at: o.completedAt, created_by: o.createdBy, created_at: o.createdAt,
  updated_at: o.updatedAt, version: o.version,
});

// LIKE wildcards typed by a user are matched literally.
const likeText = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Orders joined with their amounts and the names a screen shows. */
function summaries(db: Knex, tenantId: string): Knex.QueryBuilder {
  return db('orders as o')
    .join('order_amounts as a', (j) => j.on('a.tenant_id', 'o.tenant_id').andOn('a.order_id', 'o.id'))
    .leftJoin('users as ou', (j) => j.on('ou.tenant_id', 'o.tenant_id').andOn('ou.id', 'o.owner_id'))
    .leftJoin('users as hu', (j) => j.on('hu.tenant_id', 'o.tenant_id').andOn('hu.id', 'o.handler_id'))
    .leftJoin('departments as d', (j) => j.on('d.tenant_id', 'o.tenant_id').andOn('d.id', 'o.department_id'))
    .where('o.tenant_id', tenantId);
}

const SUMMARY_COLUMNS = [
  'o.*', 'ou.name as owner_name', 'hu.name as handler_name', 'd.name as department_name', 'a.contract_fen', 'a.product_total_fen',
  'a.receivable_fen', 'a.received_fen', 'a.outstanding_fen', 'a.invoiced_fen', 'a.disbursed_fen', 'a.won_at',
];

function applyFilter(q: Knex.QueryBuilder, f: OrderListFilter, v: OrderVisibility): Knex.QueryBuilder {
  const scope = v.scope;
  if (scope) {
    q.andWhere((w) => {
      w.where('o.owner_id', scope.ownerId).orWhere('o.handler_id', v.userId);
      if (scope.departmentIds && scope.departmentIds.length > 0) w.orWhereIn('o.department_id', [...scope.departmentIds]);
    });
  }
  if (f.stage) q.andWhere('o.stage_key', f.stage);
  if (f.ownerId) q.andWhere('o.owner_id', f.ownerId);
  if (f.handlerId) q.andWhere('o.handler_id', f.handlerId);
  if (f.createdFrom) q.andWhere('o.created_at', '>=', f.createdFrom);
  if (f.createdTo) q.andWhere('o.created_at', '<', f.createdTo);
  if (f.wonFrom) q.andWhere('a.won_at', '>=', f.wonFrom);
  if (f.wonTo) q.andWhere('a.won_at', '<', f.wonTo);
  if (f.keyword) {
    const like = likeText(f.keyword);
    q.andWhere((w) => w.whereRaw("o.title ilike ? escape '\\'", [like]).orWhereRaw("o.company_name ilike ? escape '\\'", [like]));
  }
  return q;
}

export class KnexOrderRepository implements OrderRepository {
  async insert(tx: Tx, order: Order): Promise<void> {
    await sql(tx)('orders').insert(orderRow(order));
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<Order | null> {
    const r = await sql(tx)('orders').where({ tenant_id: tenantId, id }).first();
    return r ? toOrder(r) : null;
  }

  async update(tx: Tx, order: Order): Promise<boolean> {
    const { tenant_id: _t, id: _i, created_at: _c, created_by: _b, inquiry_id: _q, ...changes } = orderRow(order);
    const n = await sql(tx)('orders').where({ tenant_id: order.tenantId, id: order.id, version: order.version - 1 }).update(changes);
    return n === 1;
  }

  async summary(tx: Tx, tenantId: string, id: string): Promise<OrderSummary | null> {
    const db = sql(tx);
    const r = await prepared(db, 'order_summary', summaries(db, tenantId).andWhere('o.id', id).first(SUMMARY_COLUMNS));
    return r ? toSummary(r) : null;
  }

  async list(tx: Tx, tenantId: string, filter: OrderListFilter, visibility: OrderVisibility, page: PageRequest): Promise<OrderPage> {
    const db = sql(tx);
    const q = applyFilter(summaries(db, tenantId), filter, visibility)
      .select(SUMMARY_COLUMNS)
      .orderBy([{ column: 'o.created_at', order: 'desc' }, { column: 'o.id', order: 'desc' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(o.created_at, o.id) < (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows = await prepared(db, 'order_list', q);
    const items = rows.slice(0, page.limit).map(toSummary);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const t = (await prepared(db, 'order_totals', applyFilter(summaries(db, tenantId), filter, visibility).first(
      db.raw('count(*)::integer as count'),
      db.raw('coalesce(sum(a.contract_fen), 0)::bigint as contract_fen'),
      db.raw('coalesce(sum(a.receivable_fen), 0)::bigint as receivable_fen'),
      db.raw('coalesce(sum(a.received_fen), 0)::bigint as received_fen'),
      db.raw('coalesce(sum(a.outstanding_fen), 0)::bigint as outstanding_fen'),
    ))) as Row;
    const totals: OrderTotals = {
      count: num(t.count), contractFen: num(t.contract_fen), receivableFen: num(t.receivable_fen), receivedFen: num(t.received_fen), outstandingFen: num(t.outstanding_fen),
    };
    return { items, nextCursor, total: totals.count, totals };
  }

  async stagesInUse(tx: Tx, tenantId: string): Promise<StagesInUse> {
    const db = sql(tx);
    const rows = (await db.raw(
      `select stage_key as stage, count(*)::integer as n from orders where tenant_id = ? group by stage_key
       union all
       select stage_before_off, count(*)::integer from orders where tenant_id = ? and stage_before_off is not null group by stage_before_off`,
      [tenantId, tenantId],
    )).rows as { stage: string; n: number }[];
    const out: Record<string, number> = {};
    for (const r of rows) out[r.stage] = (out[r.stage] ?? 0) + Number(r.n);
    return out;
  }
}
