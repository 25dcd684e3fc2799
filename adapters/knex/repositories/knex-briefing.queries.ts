// 数据简报 in PostgreSQL/PGlite, read from the summary tables that triggers keep exact (202611270202): a year of a
// large firm reads tens of thousands of daily rows. A person's funnel reads the orders themselves (by owner
// index), as the funnel's summary is kept per department. Overdue instalments are read live (few rows).
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import type { BriefingFigures, BriefingQueries, OverdueFigures, TrendRow } from '../../../core/briefing/ports.js';
import type { BriefingScope } from '../../../core/briefing/scope.js';
import type { FunnelCount } from '../../../core/briefing/funnel.js';
import type { RankInput } from '../../../core/briefing/ranking.js';
import type { TrendGranularity } from '../../../core/briefing/trend.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);
export const NO_KEY = '00000000-0000-0000-0000-000000000000';

/** The summary rows of a scope over [fromDate, toDate). */
function daily(db: Knex, table: string, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Knex.QueryBuilder {
  const q = db(`${table} as b`).where('b.tenant_id', tenantId).andWhere('b.day', '>=', fromDate).andWhere('b.day', '<', toDate);
  if (scope.departmentIds) q.whereIn('b.department_key', [...scope.departmentIds]);
  if (scope.ownerId) q.andWhere('b.owner_key', scope.ownerId);
  return q;
}

export class KnexBriefingQueries implements BriefingQueries {
  async figures(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<BriefingFigures> {
    const db = sql(tx);
    const r = (await daily(db, 'briefing_daily', tenantId, scope, fromDate, toDate).first(
      db.raw('coalesce(sum(b.contract_fen), 0)::bigint as contract_fen'),
      db.raw('coalesce(sum(b.contract_count), 0)::bigint as contract_count'),
      db.raw('coalesce(sum(b.disbursed_fen), 0)::bigint as disbursed_fen'),
      db.raw('coalesce(sum(b.collected_fen), 0)::bigint as collected_fen'),
      db.raw('coalesce(sum(b.receipt_count), 0)::bigint as receipt_count'),
      db.raw('coalesce(sum(b.inquiry_count), 0)::bigint as inquiry_count'),
    )) as Row;
    // Follow-ups count for their author; a department's are its people's.
    const f = db('briefing_daily_follow_ups as b').where('b.tenant_id', tenantId).andWhere('b.day', '>=', fromDate).andWhere('b.day', '<', toDate);
    if (scope.ownerId) f.andWhere('b.author_key', scope.ownerId);
    if (scope.departmentIds) {
      f.whereIn('b.author_key', db('users').where('tenant_id', tenantId).whereIn('department_id', [...scope.departmentIds]).select('id'));
    }
    const fu = (await f.first(db.raw('coalesce(sum(b.follow_up_count), 0)::bigint as n'))) as Row;
    return {
      contractFen: num(r.contract_fen), contractCount: num(r.contract_count), disbursedFen: num(r.disbursed_fen), collectedFen: num(r.collected_fen),
      receiptCount: num(r.receipt_count), newInquiries: num(r.inquiry_count), followUps: num(fu.n),
    };
  }

  async funnel(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<FunnelCount[]> {
    const db = sql(tx);
    let rows: Row[];
    if (scope.ownerId) {
      rows = (await db.raw(
        `select stage_key, coalesce(stage_before_off, '') as off_from, count(*)::bigint as n from orders
          where tenant_id = ? and owner_id = ?
            and created_at >= (?::date::timestamp at time zone briefing_tz(?)) and created_at < (?::date::timestamp at time zone briefing_tz(?))
          group by 1, 2`,
        [tenantId, scope.ownerId, fromDate, tenantId, toDate, tenantId],
      )).rows;
    } else {
      const q = db('briefing_daily_orders as b').where('b.tenant_id', tenantId).andWhere('b.day', '>=', fromDate).andWhere('b.day', '<', toDate);
      if (scope.departmentIds) q.whereIn('b.department_key', [...scope.departmentIds]);
      rows = await q.groupBy('b.stage_key', 'b.off_from').select('b.stage_key', 'b.off_from', db.raw('sum(b.order_count)::bigint as n'));
    }
    return rows.filter((r) => num(r.n) !== 0).map((r) => ({ stageKey: r.stage_key, offFrom: r.off_from === '' ? null : r.off_from, count: num(r.n) }));
  }

  async overdue(tx: Tx, tenantId: string, scope: BriefingScope, today: string): Promise<OverdueFigures> {
    const db = sql(tx);
    const q = db('collection_instalments as i').where('i.tenant_id', tenantId).andWhereRaw('i.collected_fen < i.amount_fen and i.due_on < ?::date', [today]);
    if (scope.departmentIds || scope.ownerId) {
      q.join('orders as o', (j) => j.on('o.tenant_id', 'i.tenant_id').andOn('o.id', 'i.order_id'));
      if (scope.departmentIds) q.whereIn('o.department_id', [...scope.departmentIds]);
      if (scope.ownerId) q.andWhere('o.owner_id', scope.ownerId);
    }
    const r = (await q.first(db.raw('count(*)::bigint as n'), db.raw('coalesce(sum(i.amount_fen - i.collected_fen), 0)::bigint as fen'))) as Row;
    return { count: num(r.n), outstandingFen: num(r.fen) };
  }

  async collectedByPerson(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<RankInput[]> {
    const db = sql(tx);
    const rows: Row[] = await daily(db, 'briefing_daily', tenantId, scope, fromDate, toDate)
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'b.tenant_id').andOn('u.id', 'b.owner_key'))
      .andWhere('b.owner_key', '<>', NO_KEY)
      .groupBy('b.owner_key', 'u.name')
      .havingRaw('sum(b.collected_fen) > 0')
      .select('b.owner_key as id', 'u.name', db.raw('sum(b.collected_fen)::bigint as fen'));
    return rows.map((r) => ({ id: r.id, name: r.name ?? '', amountFen: num(r.fen) }));
  }

  async collectedByDepartment(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<RankInput[]> {
    const db = sql(tx);
    const rows: Row[] = await daily(db, 'briefing_daily', tenantId, scope, fromDate, toDate)
      .leftJoin('departments as d', (j) => j.on('d.tenant_id', 'b.tenant_id').andOn('d.id', 'b.department_key'))
      .groupBy('b.department_key', 'd.name')
      .havingRaw('sum(b.collected_fen) > 0')
      .select('b.department_key as id', 'd.name', db.raw('sum(b.collected_fen)::bigint as fen'));
    return rows.map((r) => ({ id: r.id, name: r.name ?? (r.id === NO_KEY ? '未分配部门' : ''), amountFen: num(r.fen) }));
  }

  async trend(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string, granularity: TrendGranularity): Promise<TrendRow[]> {
    const db = sql(tx);
    const rows: Row[] = await daily(db, 'briefing_daily', tenantId, scope, fromDate, toDate)
      .groupByRaw('1')
      .orderByRaw('1')
      .select(
        db.raw('date_trunc(?, b.day::timestamp)::date::text as bucket', [granularity]),
        db.raw('sum(b.collected_fen)::bigint as collected_fen'),
        db.raw('sum(b.contract_fen)::bigint as contract_fen'),
        db.raw('sum(b.disbursed_fen)::bigint as disbursed_fen'),
      );
    return rows.map((r) => ({ bucket: r.bucket, collectedFen: num(r.collected_fen), contractFen: num(r.contract_fen), disbursedFen: num(r.disbursed_fen) }));
  }
}
