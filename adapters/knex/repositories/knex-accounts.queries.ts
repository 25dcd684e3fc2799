// 账务管理 lists in PostgreSQL/PGlite: receipts and instalments joined with their orders (data scope follows the
// order: owner, department, handler), keyset-paginated, with totals over every match; 回款办理 (receipt
// approvals waiting on a person) from the approvals' task rows; instalments due for a reminder.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type {
  AccountsQueries, AccountsVisibility, AwaitingReceiptRow, InstalmentListFilter, InstalmentListRow, InstalmentTotals, ReceiptListFilter, ReceiptListRow,
  ReceiptTotals, ReminderCandidate, OverdueCandidate,
} from '../../../core/collections/ports.js';
import { instalmentState, outstandingOf } from '../../../core/collections/instalment-state.js';
import { DEFAULT_COLLECTION_SETTINGS } from '../../../core/collections/settings.js';
import { toInstalment } from './knex-collection-plan.repository.js';
import { toReceipt } from './knex-receipt.repository.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);
const likeText = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const NO_DUE = '9999-12-31';

function scoped(q: Knex.QueryBuilder, v: AccountsVisibility): void {
  const scope = v.scope;
  if (!scope) return;
  q.andWhere((w) => {
    w.where('o.owner_id', scope.ownerId).orWhere('o.handler_id', v.userId);
    if (scope.departmentIds && scope.departmentIds.length > 0) w.orWhereIn('o.department_id', [...scope.departmentIds]);
  });
}

/** The rows of `table` (aliased `alias`) of the tenant, with their order, its owner and its department. */
function ordersJoin(db: Knex, table: string, alias: string, tenantId: string): Knex.QueryBuilder {
  return db(`${table} as ${alias}`)
    .join('orders as o', (j) => j.on('o.tenant_id', `${alias}.tenant_id`).andOn('o.id', `${alias}.order_id`))
    .leftJoin('users as ou', (j) => j.on('ou.tenant_id', 'o.tenant_id').andOn('ou.id', 'o.owner_id'))
    .leftJoin('departments as d', (j) => j.on('d.tenant_id', 'o.tenant_id').andOn('d.id', 'o.department_id'))
    .where(`${alias}.tenant_id`, tenantId);
}

function receiptFilter(q: Knex.QueryBuilder, f: ReceiptListFilter, v: AccountsVisibility): Knex.QueryBuilder {
  scoped(q, v);
  if (f.receivedFrom) q.andWhere('r.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q.andWhere('r.received_on', '<=', f.receivedTo);
  if (f.departmentIds) q.whereIn('o.department_id', [...f.departmentIds]);
  if (f.ownerId) q.andWhere('o.owner_id', f.ownerId);
  if (f.receivedBy) q.andWhere('r.received_by', f.receivedBy);
  if (f.paymentMethod) q.andWhere('r.payment_method', f.paymentMethod);
  if (f.type) q.andWhere('r.type', f.type);
  if (f.state) q.andWhere('r.state', f.state);
  if (f.orderId) q.andWhere('r.order_id', f.orderId);
  if (f.keyword) {
    const like = likeText(f.keyword);
    q.andWhere((w) => w.whereRaw("o.company_name ilike ? escape '\\'", [like]).orWhereRaw("o.title ilike ? escape '\\'", [like]));
  }
  return q;
}

function instalmentFilter(q: Knex.QueryBuilder, f: InstalmentListFilter, v: AccountsVisibility, today: string): Knex.QueryBuilder {
  scoped(q, v);
  if (f.dueFrom) q.andWhere('i.due_on', '>=', f.dueFrom);
  if (f.dueTo) q.andWhere('i.due_on', '<=', f.dueTo);
  if (f.departmentIds) q.whereIn('o.department_id', [...f.departmentIds]);
  if (f.ownerId) q.andWhere('o.owner_id', f.ownerId);
  if (f.orderId) q.andWhere('i.order_id', f.orderId);
  if (f.keyword) {
    const like = likeText(f.keyword);
    q.andWhere((w) => w.whereRaw("o.company_name ilike ? escape '\\'", [like]).orWhereRaw("o.title ilike ? escape '\\'", [like]));
  }
  // The states of instalment-state.ts, as SQL over the same columns.
  switch (f.state) {
    case 'collected':
      q.andWhereRaw('i.collected_fen >= i.amount_fen');
      break;
    case 'overdue':
      q.andWhereRaw('i.outstanding_fen > 0 and i.due_on < ?::date', [today]);
      break;
    case 'partial':
      q.andWhereRaw('i.collected_fen > 0 and i.collected_fen < i.amount_fen and (i.due_on is null or i.due_on >= ?::date)', [today]);
      break;
    case 'uncollected':
      q.andWhereRaw('i.collected_fen = 0 and (i.due_on is null or i.due_on >= ?::date)', [today]);
      break;
    default:
      break;
  }
  return q;
}

export class KnexAccountsQueries implements AccountsQueries {
  async receipts(tx: Tx, tenantId: string, filter: ReceiptListFilter, v: AccountsVisibility, page: PageRequest): Promise<Page<ReceiptListRow> & { totals?: ReceiptTotals }> {
    const db = sql(tx);
    const q = receiptFilter(ordersJoin(db, 'receipts', 'r', tenantId), filter, v)
      .leftJoin('users as rb', (j) => j.on('rb.tenant_id', 'r.tenant_id').andOn('rb.id', 'r.received_by'))
      .select(
        'r.*', 'o.title as order_title', 'o.company_name', 'o.owner_id', 'ou.name as owner_name', 'o.department_id', 'd.name as department_name', 'rb.name as received_by_name',
        db.raw(`(select coalesce(json_agg(json_build_object('instalmentId', a.instalment_id, 'amountFen', a.amount_fen, 'number', ci.number) order by a.position), '[]'::json)
                   from receipt_allocations a left join collection_instalments ci on ci.tenant_id = a.tenant_id and ci.id = a.instalment_id
                  where a.tenant_id = r.tenant_id and a.receipt_id = r.id) as allocs`),
      )
      .orderBy([{ column: 'r.received_on', order: 'desc' }, { column: 'r.id', order: 'desc' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [on, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(r.received_on, r.id) < (?::date, ?::uuid)', [on ?? null, id ?? null]);
    }
    const rows: Row[] = await q;
    const items: ReceiptListRow[] = rows.slice(0, page.limit).map((r) => {
      const allocs = (r.allocs ?? []) as { instalmentId: string; amountFen: number; number: number | null }[];
      return {
        ...toReceipt(r, allocs.map((a) => ({ instalmentId: a.instalmentId, amountFen: num(a.amountFen) }))),
        orderTitle: r.order_title, companyName: r.company_name, ownerId: r.owner_id, ownerName: r.owner_name ?? null, departmentId: r.department_id ?? null,
        departmentName: r.department_name ?? null, receivedByName: r.received_by_name ?? null,
        instalmentNumbers: allocs.map((a) => a.number).filter((n): n is number => n !== null),
      };
    });
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.receivedOn, last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const t = (await receiptFilter(ordersJoin(db, 'receipts', 'r', tenantId), filter, v).first(
      db.raw('count(*)::integer as count'),
      db.raw('coalesce(sum(r.amount_fen), 0)::bigint as amount_fen'),
      db.raw(`coalesce(sum(r.amount_fen) filter (where r.state in ('approved', 'reversing')), 0)::bigint as collected_fen`),
    )) as Row;
    const totals: ReceiptTotals = { count: num(t.count), amountFen: num(t.amount_fen), collectedFen: num(t.collected_fen) };
    return { items, nextCursor, total: totals.count, totals };
  }

  async instalments(
    tx: Tx, tenantId: string, filter: InstalmentListFilter, v: AccountsVisibility, today: string, page: PageRequest,
  ): Promise<Page<InstalmentListRow> & { totals?: InstalmentTotals }> {
    const db = sql(tx);
    const q = instalmentFilter(ordersJoin(db, 'collection_instalments', 'i', tenantId), filter, v, today)
      .select('i.*', 'o.title as order_title', 'o.company_name', 'o.owner_id', 'ou.name as owner_name', 'o.department_id', 'd.name as department_name',
        db.raw(`coalesce(i.due_on, '${NO_DUE}'::date)::text as sort_due`))
      .orderByRaw(`coalesce(i.due_on, '${NO_DUE}'::date) asc, i.id asc`)
      .limit(page.limit + 1);
    if (page.cursor) {
      const [due, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw(`(coalesce(i.due_on, '${NO_DUE}'::date), i.id) > (?::date, ?::uuid)`, [due ?? null, id ?? null]);
    }
    const rows: Row[] = await q;
    const items: InstalmentListRow[] = rows.slice(0, page.limit).map((r) => {
      const { remindedFor: _r, ...i } = toInstalment(r);
      return {
        ...i, state: instalmentState(i, today), outstandingFen: outstandingOf(i), orderTitle: r.order_title, companyName: r.company_name, ownerId: r.owner_id,
        ownerName: r.owner_name ?? null, departmentId: r.department_id ?? null, departmentName: r.department_name ?? null,
      };
    });
    const lastRow = rows[Math.min(rows.length, page.limit) - 1];
    const nextCursor = rows.length > page.limit && lastRow ? encodeCursor([lastRow.sort_due, lastRow.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const t = (await instalmentFilter(ordersJoin(db, 'collection_instalments', 'i', tenantId), filter, v, today).first(
      db.raw('count(*)::integer as count'),
      db.raw('coalesce(sum(i.amount_fen), 0)::bigint as amount_fen'),
      db.raw('coalesce(sum(i.collected_fen), 0)::bigint as collected_fen'),
      db.raw('coalesce(sum(greatest(i.amount_fen - i.collected_fen, 0)), 0)::bigint as outstanding_fen'),
    )) as Row;
    const totals: InstalmentTotals = { count: num(t.count), amountFen: num(t.amount_fen), collectedFen: num(t.collected_fen), outstandingFen: num(t.outstanding_fen) };
    return { items, nextCursor, total: totals.count, totals };
  }

  async awaitingApprover(tx: Tx, tenantId: string, userId: string, page: PageRequest): Promise<Page<AwaitingReceiptRow>> {
    const db = sql(tx);
    const q = db('approval_tasks as t')
      .join('approval_instances as ai', (j) => j.on('ai.tenant_id', 't.tenant_id').andOn('ai.id', 't.instance_id'))
      .join('receipts as r', (j) => j.on('r.tenant_id', 'ai.tenant_id').andOn('r.id', 'ai.business_id'))
      .join('orders as o', (j) => j.on('o.tenant_id', 'r.tenant_id').andOn('o.id', 'r.order_id'))
      .leftJoin('users as su', (j) => j.on('su.tenant_id', 'ai.tenant_id').andOn('su.id', 'ai.submitter_id'))
      .where({ 't.tenant_id': tenantId, 't.appointed_approver_id': userId, 't.status': 'pending', 'ai.business_type': 'receipt', 'ai.status': 'pending' })
      .select('t.id as task_id', 't.node_name', 't.opened_at', 'ai.id as instance_id', 'ai.submitter_id', 'su.name as submitter_name', 'r.id as receipt_id', 'r.state',
        'r.received_on', 'r.amount_fen', 'r.payment_method', 'r.payer', 'o.id as order_id', 'o.title as order_title', 'o.company_name')
      .orderBy([{ column: 't.opened_at', order: 'asc' }, { column: 't.id', order: 'asc' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(t.opened_at, t.id) > (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows: Row[] = await q;
    const items: AwaitingReceiptRow[] = rows.slice(0, page.limit).map((r) => ({
      taskId: r.task_id, instanceId: r.instance_id, nodeName: r.node_name, openedAt: r.opened_at, receiptId: r.receipt_id,
      action: r.state === 'reversing' ? 'reverse' : 'confirm', receivedOn: r.received_on, amountFen: num(r.amount_fen), paymentMethod: r.payment_method,
      payer: r.payer, orderId: r.order_id, orderTitle: r.order_title, companyName: r.company_name, submitterId: r.submitter_id, submitterName: r.submitter_name ?? null,
    }));
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.taskId]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const [{ n }] = (await db('approval_tasks as t')
      .join('approval_instances as ai', (j) => j.on('ai.tenant_id', 't.tenant_id').andOn('ai.id', 't.instance_id'))
      .where({ 't.tenant_id': tenantId, 't.appointed_approver_id': userId, 't.status': 'pending', 'ai.business_type': 'receipt', 'ai.status': 'pending' })
      .count('* as n')) as [{ n: number | string }];
    return { items, nextCursor, total: num(n) };
  }

  async reminderCandidates(tx: Tx, now: Date, limit: number): Promise<ReminderCandidate[]> {
    const db = sql(tx);
    const rows: Row[] = await db('collection_instalments as i')
      .join('orders as o', (j) => j.on('o.tenant_id', 'i.tenant_id').andOn('o.id', 'i.order_id'))
      .join('tenants as t', 't.id', 'i.tenant_id')
      .leftJoin('collection_settings as s', 's.tenant_id', 'i.tenant_id')
      .whereRaw('i.outstanding_fen > 0 and i.due_on is not null and o.completed_at is null')
      .whereRaw('(i.reminded_for is null or i.reminded_for <> i.due_on)')
      .whereRaw('i.due_on >= (?::timestamptz at time zone t.time_zone)::date', [now])
      .whereRaw('i.due_on <= (?::timestamptz at time zone t.time_zone)::date + coalesce(s.reminder_days_before, ?::integer)', [now, DEFAULT_COLLECTION_SETTINGS.reminderDaysBefore])
      .select('i.*', 'o.owner_id', 'o.title as order_title', 'o.company_name',
        db.raw('(?::timestamptz at time zone t.time_zone)::date::text as today', [now]),
        db.raw('coalesce(s.reminder_days_before, ?::integer) as days_before', [DEFAULT_COLLECTION_SETTINGS.reminderDaysBefore]))
      .orderBy([{ column: 'i.due_on' }, { column: 'i.id' }])
      .limit(limit);
    return rows.map((r) => ({
      instalment: toInstalment(r), today: r.today, daysBefore: num(r.days_before), ownerId: r.owner_id, orderTitle: r.order_title, companyName: r.company_name,
    }));
  }

  async markReminded(tx: Tx, tenantId: string, instalmentId: string, dueOn: string): Promise<void> {
    await sql(tx)('collection_instalments').where({ tenant_id: tenantId, id: instalmentId }).update({ reminded_for: dueOn });
  }

  async overdueCandidates(tx: Tx, now: Date, limit: number): Promise<OverdueCandidate[]> {
    const db = sql(tx);
    const today = '(?::timestamptz at time zone t.time_zone)::date';
    const rows: Row[] = await db('collection_instalments as i')
      .join('orders as o', (j) => j.on('o.tenant_id', 'i.tenant_id').andOn('o.id', 'i.order_id'))
      .join('tenants as t', 't.id', 'i.tenant_id')
      .whereRaw('i.outstanding_fen > 0 and i.due_on is not null and o.completed_at is null')
      .whereRaw(`i.due_on < ${today}`, [now])
      .whereNotExists(db('collection_overdue_notices as n').whereRaw(`n.tenant_id = i.tenant_id and n.instalment_id = i.id and n.day = ${today}`, [now]))
      .select('i.*', 'o.owner_id', 'o.title as order_title', 'o.company_name', db.raw(`${today}::text as today`, [now]))
      .orderBy([{ column: 'i.due_on' }, { column: 'i.id' }])
      .limit(limit);
    return rows.map((r) => ({ instalment: toInstalment(r), today: r.today, ownerId: r.owner_id, orderTitle: r.order_title, companyName: r.company_name }));
  }

  async markOverdueNoticed(tx: Tx, tenantId: string, instalmentId: string, day: string): Promise<boolean> {
    const rows = await sql(tx)('collection_overdue_notices').insert({ tenant_id: tenantId, instalment_id: instalmentId, day })
      .onConflict(['tenant_id', 'instalment_id', 'day']).ignore().returning('day');
    return rows.length > 0;
  }
}
