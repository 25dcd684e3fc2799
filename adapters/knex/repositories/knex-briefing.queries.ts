// 数据简报 in PostgreSQL/PGlite, read from the summary tables that triggers keep exact (202611270202, 0204): a
// period's whole months from the monthly tables and its other days from the daily ones, so a year of a large
// firm reads a few thousand rows. A person's funnel reads the orders themselves (by the owner index), as the
// funnel's summary is kept per department. Overdue instalments are read live through their partial index.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import type { BriefingFigures, BriefingQueries, OverdueFigures, TrendRow } from '../../../core/briefing/ports.js';
import type { BriefingScope } from '../../../core/briefing/scope.js';
import type { FunnelCount } from '../../../core/briefing/funnel.js';
import type { RankInput } from '../../../core/briefing/ranking.js';
import type { TrendGranularity } from '../../../core/briefing/trend.js';
import { periodSegments } from '../../../core/briefing/period.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);
export const NO_KEY = '00000000-0000-0000-0000-000000000000';

const TABLES = {
  amounts: { daily: 'briefing_daily', monthly: 'briefing_monthly' },
  orders: { daily: 'briefing_daily_orders', monthly: 'briefing_monthly_orders' },
  followUps: { daily: 'briefing_daily_follow_ups', monthly: 'briefing_monthly_follow_ups' },
} as const;

/**
 * The summary rows of [fromDate, toDate) as one relation `b` with a column `d` (the day, or the month's first
 * day): whole months from the monthly table, the rest from the daily one; `scope` narrows each branch.
 * `daysOnly` reads every day from the daily table (a trend by day or week needs them).
 */
function summary(
  db: Knex, kind: keyof typeof TABLES, columns: readonly string[], tenantId: string, fromDate: string, toDate: string,
  scope: (q: Knex.QueryBuilder) => void, daysOnly = false,
): Knex.QueryBuilder {
  const seg = daysOnly ? { days: [[fromDate, toDate] as const], months: null } : periodSegments(fromDate, toDate);
  const branches: Knex.QueryBuilder[] = [];
  if (seg.days.length) {
    const q = db(TABLES[kind].daily).where('tenant_id', tenantId).select([...columns, 'day as d']);
    q.andWhere((w) => { for (const [a, b] of seg.days) w.orWhere((x) => x.where('day', '>=', a).andWhere('day', '<', b)); });
    scope(q);
    branches.push(q);
  }
  if (seg.months) {
    const q = db(TABLES[kind].monthly).where('tenant_id', tenantId).andWhere('month', '>=', seg.months[0]).andWhere('month', '<', seg.months[1]).select([...columns, 'month as d']);
    scope(q);
    branches.push(q);
  }
  if (branches.length === 0) branches.push(db(TABLES[kind].daily).whereRaw('false').select([...columns, 'day as d']));
  const [first, ...rest] = branches as [Knex.QueryBuilder, ...Knex.QueryBuilder[]];
  return db.from((rest.length ? first.unionAll(rest, true) : first).as('b'));
}

function ownerScope(scope: BriefingScope): (q: Knex.QueryBuilder) => void {
  return (q) => {
    if (scope.departmentIds) q.whereIn('department_key', [...scope.departmentIds]);
    if (scope.ownerId) q.andWhere('owner_key', scope.ownerId);
  };
}

const AMOUNT_COLUMNS = ['department_key', 'owner_key', 'contract_fen', 'contract_count', 'disbursed_fen', 'collected_fen', 'receipt_count', 'inquiry_count'];

export class KnexBriefingQueries implements BriefingQueries {
  async figures(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<BriefingFigures> {
    const db = sql(tx);
    const r = (await summary(db, 'amounts', AMOUNT_COLUMNS, tenantId, fromDate, toDate, ownerScope(scope)).first(
      db.raw('coalesce(sum(b.contract_fen), 0)::bigint as contract_fen'),
      db.raw('coalesce(sum(b.contract_count), 0)::bigint as contract_count'),
      db.raw('coalesce(sum(b.disbursed_fen), 0)::bigint as disbursed_fen'),
      db.raw('coalesce(sum(b.collected_fen), 0)::bigint as collected_fen'),
      db.raw('coalesce(sum(b.receipt_count), 0)::bigint as receipt_count'),
      db.raw('coalesce(sum(b.inquiry_count), 0)::bigint as inquiry_count'),
    )) as Row;
    // Follow-ups count for their author; a department's are its people's.
    const authors = (q: Knex.QueryBuilder): void => {
      if (scope.ownerId) q.andWhere('author_key', scope.ownerId);
      if (scope.departmentIds) q.whereIn('author_key', db('users').where('tenant_id', tenantId).whereIn('department_id', [...scope.departmentIds]).select('id'));
    };
    const fu = (await summary(db, 'followUps', ['author_key', 'follow_up_count'], tenantId, fromDate, toDate, authors).first(db.raw('coalesce(sum(b.follow_up_count), 0)::bigint as n'))) as Row;
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
      const depts = (q: Knex.QueryBuilder): void => {
        if (scope.departmentIds) q.whereIn('department_key', [...scope.departmentIds]);
      };
      rows = await summary(db, 'orders', ['department_key', 'stage_key', 'off_from', 'order_count'], tenantId, fromDate, toDate, depts)
        .groupBy('b.stage_key', 'b.off_from').select('b.stage_key', 'b.off_from', db.raw('sum(b.order_count)::bigint as n'));
    }
    return rows.filter((r) => num(r.n) !== 0).map((r) => ({ stageKey: r.stage_key, offFrom: r.off_from === '' ? null : r.off_from, count: num(r.n) }));
  }

  async overdue(tx: Tx, tenantId: string, scope: BriefingScope, today: string): Promise<OverdueFigures> {
    const db = sql(tx);
    const q = db('collection_instalments as i').where('i.tenant_id', tenantId).andWhereRaw('i.outstanding_fen > 0 and i.due_on < ?::date', [today]);
    // Each instalment carries its order's department and owner (202611270205): the open-instalment index answers.
    if (scope.departmentIds) q.whereIn('i.department_id', [...scope.departmentIds]);
    if (scope.ownerId) q.andWhere('i.owner_id', scope.ownerId);
    const r = (await q.first(db.raw('count(*)::bigint as n'), db.raw('coalesce(sum(i.outstanding_fen), 0)::bigint as fen'))) as Row;
    return { count: num(r.n), outstandingFen: num(r.fen) };
  }

  async collectedByPerson(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<RankInput[]> {
    const db = sql(tx);
    const rows: Row[] = await summary(db, 'amounts', ['owner_key', 'department_key', 'collected_fen'], tenantId, fromDate, toDate, ownerScope(scope))
      .leftJoin('users as u', (j) => j.on('u.tenant_id', db.raw('?', [tenantId])).andOn('u.id', 'b.owner_key'))
      .where('b.owner_key', '<>', NO_KEY)
      .groupBy('b.owner_key', 'u.name')
      .havingRaw('sum(b.collected_fen) > 0')
      .select('b.owner_key as id', 'u.name', db.raw('sum(b.collected_fen)::bigint as fen'));
    return rows.map((r) => ({ id: r.id, name: r.name ?? '', amountFen: num(r.fen) }));
  }

  async collectedByDepartment(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<RankInput[]> {
    const db = sql(tx);
    const rows: Row[] = await summary(db, 'amounts', ['owner_key', 'department_key', 'collected_fen'], tenantId, fromDate, toDate, ownerScope(scope))
      .leftJoin('departments as dp', (j) => j.on('dp.tenant_id', db.raw('?', [tenantId])).andOn('dp.id', 'b.department_key'))
      .groupBy('b.department_key', 'dp.name')
      .havingRaw('sum(b.collected_fen) > 0')
      .select('b.department_key as id', 'dp.name', db.raw('sum(b.collected_fen)::bigint as fen'));
    return rows.map((r) => ({ id: r.id, name: r.name ?? (r.id === NO_KEY ? '未分配部门' : ''), amountFen: num(r.fen) }));
  }

  async trend(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string, granularity: TrendGranularity): Promise<TrendRow[]> {
    const db = sql(tx);
    // Months can be summed from whole months; days and weeks need the daily rows.
    const rows: Row[] = await summary(db, 'amounts', AMOUNT_COLUMNS, tenantId, fromDate, toDate, ownerScope(scope), granularity !== 'month')
      .groupByRaw('1')
      .orderByRaw('1')
      .select(
        db.raw('date_trunc(?, b.d::timestamp)::date::text as bucket', [granularity]),
        db.raw('sum(b.collected_fen)::bigint as collected_fen'),
        db.raw('sum(b.contract_fen)::bigint as contract_fen'),
        db.raw('sum(b.disbursed_fen)::bigint as disbursed_fen'),
      );
    return rows.map((r) => ({ bucket: r.bucket, collectedFen: num(r.collected_fen), contractFen: num(r.contract_fen), disbursedFen: num(r.disbursed_fen) }));
  }
}
