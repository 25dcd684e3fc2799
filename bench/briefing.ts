// `node dist/bench/briefing.js`: one firm with 200 people in 21 departments, 1,000,000 orders (and their
// inquiries, a follow-up each), 350,000 confirmed contracts, 700,000 instalments, 200,000 disbursed
// applications and 3,000,000 receipts on PostgreSQL, generated in bulk with generate_series; then p50/p99 of the
// 数据简报 for this month and this year, firm-wide and for one department (a centre of 5 departments), through
// BriefingService (summary tables kept by triggers) beside the same aggregates in raw SQL over the source
// tables through pg, in the same run. Target (issue 7): p99 < 150 ms.
// DATABASE_URL or TEST_DATABASE_URL names the server; the database yunzhou_bench_briefing is dropped, made anew
// and dropped again at the end (BENCH_KEEP=1 keeps it).
import pg from 'pg';
import { createCrm } from '../adapters/composition/create-crm.js';
import type { Actor } from '../core/organisation/actor.js';
import type { Briefing } from '../core/briefing/briefing.service.js';
import { DEMO_PRODUCTS } from '../core/products/demo-products.js';
import { BASE_URL, fmt, freshDatabase, percentile } from './support.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 3_000_000);
const USERS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 3);
const PASSWORD = 'bench12345';
const DB = 'yunzhou_bench_briefing';
const TZ = 'Asia/Shanghai';
const MINUTES_3Y = 1095 * 1440;
const LOADED_TABLES = ['inquiries', 'inquiry_follow_ups', 'orders', 'order_contracts', 'collection_instalments', 'order_lines', 'receipts'];

// Deterministic ids from a series number, so that rows can point at each other without joins.
const uid = (prefix: string, expr: string): string => `('${prefix}0000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
interface SeedContext {
  readonly now: Date;
  readonly tenantId: string;
  readonly userIds: readonly string[];
  readonly deptIds: readonly string[];
  readonly productId: string;
}

/** The bulk statements, with every value written into the SQL (no parameters to type). */
function seedStatements(ctx: SeedContext): { name: string; rows: number; series: number; sql: (from: number, to: number) => string }[] {
  const uuids = (ids: readonly string[]): string => `array[${ids.map((i) => `'${i}'`).join(',')}]::uuid[]`;
  const nowSql = `'${ctx.now.toISOString()}'::timestamptz`;
  // Order g is created m(g) minutes before now, over three years; contracted when (g - 1) % 20 < 7 (35%).
  const created = (g: string): string => `(${nowSql} - ((${g}::bigint * 7919) % ${MINUTES_3Y}) * interval '1 minute')`;
  const owner = (g: string): string => `(${uuids(ctx.userIds)})[1 + ${g} % ${USERS}]`;
  const dept = (g: string): string => `(${uuids(ctx.deptIds)})[1 + ${g} % ${USERS}]`;
  const tenant = `'${ctx.tenantId}'::uuid`;
  const product = `'${ctx.productId}'::uuid`;
  const today = `(${nowSql} at time zone '${TZ}')::date`;
  const contracted = Math.floor(ORDERS / 20) * 7;
  return [
    {
      name: 'inquiries', rows: ORDERS, series: ORDERS,
      sql: (from, to) => `insert into inquiries (tenant_id, id, company_name, company_key, contact_name, mobile, mobile_last4, gender, level, next_follow_up_at, source,
              property_type, owner_id, department_id, remark, lifecycle, created_at, updated_at, version)
            select ${tenant}, ${uid('a', 'g')}, '压测企业' || g, '压测企业' || g, '王伟', '13' || lpad(g::text, 9, '0'), right(lpad(g::text, 9, '0'), 4), 'male', 'B',
              ${nowSql} + interval '1 day', '电销', '按揭房', ${owner('g')}, ${dept('g')}, '—', 'prospect', ${created('g')} - interval '2 hours', ${created('g')}, 1
            from generate_series(${from}, ${to}) g`,
    },
    {
      name: 'follow-ups', rows: ORDERS, series: ORDERS,
      sql: (from, to) => `insert into inquiry_follow_ups (tenant_id, id, inquiry_id, author_id, type, content, next_follow_up_at, level_before, level_after, created_at)
            select ${tenant}, ${uid('f', 'g')}, ${uid('a', 'g')}, ${owner('g')}, '回访跟进', '跟进', ${nowSql} + interval '1 day', 'B', 'B', ${created('g')} - interval '1 hour'
            from generate_series(${from}, ${to}) g`,
    },
    {
      name: 'orders', rows: ORDERS, series: ORDERS,
      sql: (from, to) => `insert into orders (tenant_id, id, inquiry_id, title, company_name, company_key, owner_id, department_id, handler_id, stage_key, stage_before_off,
              stage_entered_at, completed_at, created_by, created_at, updated_at, version)
            select ${tenant}, ${uid('b', 'g')}, ${uid('a', 'g')}, '企业信用贷', '压测企业' || g, '压测企业' || g, ${owner('g')}, ${dept('g')}, ${owner('g')}, s.stage,
              case when s.stage in ('lost', 'cancelled') then (array['initial_contact', 'plan_negotiation', 'application_approval'])[1 + g % 3] end,
              ${created('g')}, case when s.stage = 'completed' then ${created('g')} + interval '60 days' end, ${owner('g')}, ${created('g')}, ${created('g')}, 1
            from generate_series(${from}, ${to}) g,
              lateral (select case when (g - 1) % 20 < 7 then (case when g % 3 = 0 then 'completed' else 'contract_won' end)
                                   when (g - 1) % 20 < 11 then 'application_approval' when (g - 1) % 20 < 14 then 'plan_negotiation'
                                   when (g - 1) % 20 < 18 then 'initial_contact' when (g - 1) % 20 = 18 then 'lost' else 'cancelled' end as stage) s`,
    },
    {
      name: 'contracts', rows: contracted, series: ORDERS,
      sql: (from, to) => `insert into order_contracts (tenant_id, order_id, number, amount_fen, signed_on, customer_party, firm_party, confirmed_at, confirmed_by, created_by,
              created_at, updated_by, updated_at)
            select ${tenant}, ${uid('b', 'g')}, 'HT' || g, 1000000 + (g % 50) * 100000, (${created('g')})::date, '压测企业' || g, '压测金服',
              least(${created('g')} + interval '10 days', ${nowSql}), ${owner('g')}, ${owner('g')}, ${created('g')}, ${owner('g')}, ${created('g')}
            from generate_series(${from}, ${to}) g where (g - 1) % 20 < 7`,
    },
    {
      name: 'instalments', rows: contracted * 2, series: ORDERS,
      sql: (from, to) => `insert into collection_instalments (tenant_id, id, order_id, number, due_on, on_disbursement, amount_fen, reserved_fen, collected_fen,
              owner_id, department_id)
            select ${tenant}, ${uid('c', 'g * 2 + k')}, ${uid('b', 'g')}, k + 1, ((${created('g')}) at time zone '${TZ}')::date + 30 + k * 60, false,
              (1000000 + (g % 50) * 100000) / 2, p.paid, p.paid, ${owner('g')}, ${dept('g')}
            from generate_series(${from}, ${to}) g, generate_series(0, 1) k,
              lateral (select case when g % 97 = 0 then 0 else (1000000 + (g % 50) * 100000) / 2 end as paid) p
            where (g - 1) % 20 < 7`,
    },
    {
      name: 'disbursed applications', rows: Math.floor(ORDERS / 20) * 4, series: ORDERS,
      sql: (from, to) => `insert into order_lines (tenant_id, id, order_id, product_id, product_name, institution, service_fee_fen, quantity, source, status,
              disbursed_amount_fen, disbursed_on, status_changed_at, created_at)
            select ${tenant}, ${uid('d', 'g')}, ${uid('b', 'g')}, ${product}, '税E贷', '建设银行', 500000, 1, 'manual', 'disbursed', 50000000 + (g % 20) * 1000000,
              least(((${created('g')}) at time zone '${TZ}')::date + 20, ${today}), ${created('g')}, ${created('g')}
            from generate_series(${from}, ${to}) g where (g - 1) % 20 < 4`,
    },
    {
      name: 'receipts', rows: RECEIPTS, series: RECEIPTS,
      sql: (from, to) => `insert into receipts (tenant_id, id, order_id, received_on, amount_fen, payment_method, payer, received_by, type, invoice_wanted, state,
              created_by, created_at, updated_at, version)
            select ${tenant}, ${uid('e', 'r')}, ${uid('b', 'o.g')},
              least(((${created('o.g')}) at time zone '${TZ}')::date + (r % 200), ${today}),
              100000 + (r % 40) * 10000, (array['转账', '现金', '微信', '支付宝'])[1 + r % 4], '压测企业' || o.g, ${owner('o.g')}, '服务费', r % 3 = 0,
              case when r % 50 = 0 then 'pending' when r % 50 = 1 then 'rejected' else 'approved' end, ${owner('o.g')}, ${nowSql}, ${nowSql}, 1
            from generate_series(${from}, ${to}) r,
              lateral (select ((r % ${contracted}) / 7) * 20 + (r % ${contracted}) % 7 + 1 as g) o`,
    },
  ];
}

/** The same figures as the briefing, computed from the source tables (no summary tables). */
async function rawBriefing(db: pg.Client, tenantId: string, fromDate: string, toDate: string, departmentIds: string[] | null, today: string, granularity: string): Promise<Record<string, unknown>> {
  const d = departmentIds;
  const inDept = (col: string): string => (d ? `and ${col} = any($4::uuid[])` : '');
  const args = (extra: unknown[] = []): unknown[] => [tenantId, fromDate, toDate, ...(d ? [d] : []), ...extra];
  const from = `($2::date::timestamp at time zone '${TZ}')`;
  const to = `($3::date::timestamp at time zone '${TZ}')`;
  const one = async (sql: string, a: unknown[] = args()) => (await db.query(sql, a)).rows;
  const contracts = await one(`select coalesce(sum(c.amount_fen), 0)::bigint as fen, count(*)::bigint as n from order_contracts c join orders o on o.tenant_id = c.tenant_id and o.id = c.order_id
    where c.tenant_id = $1 and c.confirmed_at >= ${from} and c.confirmed_at < ${to} ${inDept('o.department_id')}`);
  const receipts = await one(`select coalesce(sum(r.amount_fen), 0)::bigint as fen, count(*)::bigint as n from receipts r join orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
    where r.tenant_id = $1 and r.state in ('approved', 'reversing') and r.received_on >= $2::date and r.received_on < $3::date ${inDept('o.department_id')}`);
  const disbursed = await one(`select coalesce(sum(l.disbursed_amount_fen), 0)::bigint as fen from order_lines l join orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
    where l.tenant_id = $1 and l.status = 'disbursed' and l.disbursed_on >= $2::date and l.disbursed_on < $3::date ${inDept('o.department_id')}`);
  const inquiries = await one(`select count(*)::bigint as n from inquiries i where i.tenant_id = $1 and i.merged_into_id is null and i.created_at >= ${from} and i.created_at < ${to} ${inDept('i.department_id')}`);
  const followUps = await one(`select count(*)::bigint as n from inquiry_follow_ups f join users u on u.tenant_id = f.tenant_id and u.id = f.author_id
    where f.tenant_id = $1 and f.created_at >= ${from} and f.created_at < ${to} ${inDept('u.department_id')}`);
  const funnel = await one(`select stage_key, coalesce(stage_before_off, '') as off_from, count(*)::bigint as n from orders o
    where o.tenant_id = $1 and o.created_at >= ${from} and o.created_at < ${to} ${inDept('o.department_id')} group by 1, 2`);
  const overdue = await one(`select count(*)::bigint as n, coalesce(sum(i.amount_fen - i.collected_fen), 0)::bigint as fen from collection_instalments i
    join orders o on o.tenant_id = i.tenant_id and o.id = i.order_id
    where i.tenant_id = $1 and i.collected_fen < i.amount_fen and i.due_on < $2::date ${d ? 'and o.department_id = any($3::uuid[])' : ''}`, [tenantId, today, ...(d ? [d] : [])]);
  const people = await one(`select o.owner_id, u.name, sum(r.amount_fen)::bigint as fen from receipts r join orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
    left join users u on u.tenant_id = o.tenant_id and u.id = o.owner_id
    where r.tenant_id = $1 and r.state in ('approved', 'reversing') and r.received_on >= $2::date and r.received_on < $3::date ${inDept('o.department_id')}
    group by 1, 2 order by 3 desc limit 10`);
  const depts = await one(`select o.department_id, dp.name, sum(r.amount_fen)::bigint as fen from receipts r join orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
    left join departments dp on dp.tenant_id = o.tenant_id and dp.id = o.department_id
    where r.tenant_id = $1 and r.state in ('approved', 'reversing') and r.received_on >= $2::date and r.received_on < $3::date ${inDept('o.department_id')}
    group by 1, 2 order by 3 desc limit 10`);
  const g = d ? '$5' : '$4';
  const trend = await one(`select bucket, sum(collected)::bigint as collected, sum(contract)::bigint as contract, sum(disbursed)::bigint as disbursed from (
      select date_trunc(${g}, r.received_on::timestamp)::date as bucket, r.amount_fen as collected, 0 as contract, 0 as disbursed
        from receipts r join orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
       where r.tenant_id = $1 and r.state in ('approved', 'reversing') and r.received_on >= $2::date and r.received_on < $3::date ${inDept('o.department_id')}
      union all
      select date_trunc(${g}, c.confirmed_at at time zone '${TZ}')::date, 0, c.amount_fen, 0 from order_contracts c join orders o on o.tenant_id = c.tenant_id and o.id = c.order_id
       where c.tenant_id = $1 and c.confirmed_at >= ${from} and c.confirmed_at < ${to} ${inDept('o.department_id')}
      union all
      select date_trunc(${g}, l.disbursed_on::timestamp)::date, 0, 0, l.disbursed_amount_fen from order_lines l join orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
       where l.tenant_id = $1 and l.status = 'disbursed' and l.disbursed_on >= $2::date and l.disbursed_on < $3::date ${inDept('o.department_id')}
    ) x group by 1 order by 1`, args([granularity]));
  return {
    contractFen: Number(contracts[0].fen), contractCount: Number(contracts[0].n), disbursedFen: Number(disbursed[0].fen), collectedFen: Number(receipts[0].fen),
    receiptCount: Number(receipts[0].n), newInquiries: Number(inquiries[0].n), followUps: Number(followUps[0].n), funnelRows: funnel.length, overdue: overdue[0],
    people: people.length, depts: depts.length, trend: trend.length,
  };
}

async function main(): Promise<void> {
  const url = await freshDatabase(DB);
  const started = Date.now();
  const crm = await createCrm({ database: { url }, config: { secret: 'bench-secret' } });
  const db = new pg.Client({ connectionString: url, options: '-c search_path=yunzhou,public' });
  await db.connect();
  try {
    const { tenant, admin: adminUser } = await crm.organisation.createTenant({ name: '压测金服', admin: { name: '管理员', mobile: '13800009999', password: PASSWORD } });
    const admin: Actor = await crm.auth.authenticate((await crm.auth.login({ mobile: '13800009999', password: PASSWORD, tenantId: tenant.id })).token);
    // 4 centres of 4 teams each under the root: 21 departments.
    const centres = [];
    const teams: string[] = [];
    for (let c = 0; c < 4; c++) {
      const centre = await crm.organisation.createDepartment(admin, { name: `销售中心${c + 1}`, parentId: adminUser.departmentId });
      centres.push(centre.id);
      for (let t = 0; t < 4; t++) teams.push((await crm.organisation.createDepartment(admin, { name: `${c + 1}-${t + 1} 组`, parentId: centre.id })).id);
    }
    const hash = (await db.query('select password_hash from users where tenant_id = $1 and id = $2', [tenant.id, adminUser.id])).rows[0].password_hash as string;
    const role = (await db.query(`select id from roles where tenant_id = $1 and code = 'sales'`, [tenant.id])).rows[0].id as string;
    const userIds: string[] = [];
    const deptIds: string[] = [];
    for (let u = 0; u < USERS; u++) {
      const id = `f0000000-0000-4000-8000-${String(u + 1).padStart(12, '0')}`;
      const team = teams[u % teams.length] as string;
      await db.query(`insert into users (tenant_id, id, name, mobile, department_id, password_hash) values ($1, $2, $3, $4, $5, $6)`,
        [tenant.id, id, `销售${u + 1}`, `1370000${String(u).padStart(4, '0')}`, team, hash]);
      await db.query('insert into user_roles (tenant_id, user_id, role_id) values ($1, $2, $3)', [tenant.id, id, role]);
      userIds.push(id);
      deptIds.push(team);
    }
    const product = await crm.products.createProduct(admin, DEMO_PRODUCTS.find((x) => x.name === '税E贷') ?? (DEMO_PRODUCTS[0] as never));

    // Bulk load with row triggers (the summary triggers, the foreign keys) off; the summaries are rebuilt after.
    const ctx: SeedContext = { now: new Date(), tenantId: tenant.id, userIds, deptIds, productId: product.id };
    console.log(`seeding 1 firm, ${USERS} people, ${ORDERS.toLocaleString('en')} orders, ${RECEIPTS.toLocaleString('en')} receipts …`);
    await db.query(`set session_replication_role = replica`);
    await db.query(`set work_mem = '256MB'`);
    await db.query(`set maintenance_work_mem = '512MB'`);
    // Secondary indexes are dropped for the load and built once afterwards (much faster than row by row).
    const indexes = (await db.query(`select indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = any($1)
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [LOADED_TABLES])).rows as { indexname: string; indexdef: string }[];
    for (const i of indexes) await db.query(`drop index ${i.indexname}`);
    for (const s of seedStatements(ctx)) {
      const t0 = Date.now();
      const chunk = 500_000;
      for (let a = 1; a <= s.series; a += chunk) {
        await db.query(s.sql(a, Math.min(a + chunk - 1, s.series)));
        if (s.series > chunk) process.stderr.write(`\r  ${s.name} ${Math.round((Math.min(a + chunk - 1, s.series) / s.series) * 100)}%`);
      }
      if (s.series > chunk) process.stderr.write('\r');
      console.log(`  ${s.name.padEnd(24)} ${s.rows.toLocaleString('en').padStart(10)} rows  ${fmt((Date.now() - t0) / 1000, 1)} s`);
    }
    await db.query(`set session_replication_role = origin`);
    let t0 = Date.now();
    for (const i of indexes) await db.query(i.indexdef);
    console.log(`  ${indexes.length} indexes rebuilt          ${fmt((Date.now() - t0) / 1000, 1)} s`);
    t0 = Date.now();
    await db.query('select briefing_rebuild($1)', [tenant.id]);
    console.log(`  summary tables rebuilt      ${fmt((Date.now() - t0) / 1000, 1)} s`);
    t0 = Date.now();
    await db.query('vacuum analyze'); // as autovacuum would after a bulk load, before measuring rather than during
    console.log(`  vacuum analyze              ${fmt((Date.now() - t0) / 1000, 1)} s`);
    const sizes = (await db.query(`select (select count(*) from briefing_daily) as daily, (select count(*) from briefing_monthly) as monthly,
      (select count(*) from briefing_daily_orders) as funnel, (select count(*) from briefing_monthly_orders) as funnel_monthly`)).rows[0];
    console.log(`  summary rows: daily ${sizes.daily} (monthly ${sizes.monthly}), funnel ${sizes.funnel} (monthly ${sizes.funnel_monthly}); seeding took ${fmt((Date.now() - started) / 1000, 0)} s`);

    const cases: { name: string; period: 'month' | 'year'; departmentId?: string }[] = [
      { name: 'this month · firm', period: 'month' },
      { name: 'this year · firm', period: 'year' },
      { name: 'this month · one centre', period: 'month', departmentId: centres[0] },
      { name: 'this year · one centre', period: 'year', departmentId: centres[0] },
    ];
    const subtree = async (id: string): Promise<string[]> => (await db.query(`with recursive t as (select id from departments where tenant_id = $1 and id = $2
      union all select d.id from departments d join t on d.parent_id = t.id where d.tenant_id = $1) select id from t`, [tenant.id, id])).rows.map((r) => r.id);

    console.log(`\nbriefing p50 / p99 in ms (ours: ${RUNS} runs through BriefingService on the summary tables; raw: ${RAW_RUNS} runs of the same aggregates on the source tables)`);
    console.log(`${'case'.padEnd(26)} ${'ours p50'.padStart(9)} ${'ours p99'.padStart(9)} ${'raw p50'.padStart(9)} ${'raw p99'.padStart(9)}  raw/ours  same figures`);
    for (const c of cases) {
      const ids = c.departmentId ? await subtree(c.departmentId) : null;
      const ours: number[] = [];
      const raw: number[] = [];
      let last: Briefing | null = null;
      let rawFigures: Record<string, unknown> | null = null;
      // Ours first (after 5 unmeasured warm-up calls), then the raw statements: a raw run reads gigabytes and would
      // evict the cache the next call of ours finds, which is not what a briefing sees in service.
      for (let i = 0; i < 5; i++) await crm.briefing.briefing(admin, { period: c.period, departmentId: c.departmentId });
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        last = await crm.briefing.briefing(admin, { period: c.period, departmentId: c.departmentId });
        ours.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      for (let i = 0; i < RAW_RUNS && last; i++) {
        const t = process.hrtime.bigint();
        rawFigures = await rawBriefing(db, tenant.id, last.period.fromDate, last.period.toDate, ids, last.overdue.asOf, last.trend.granularity);
        raw.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      ours.sort((a, b) => a - b);
      raw.sort((a, b) => a - b);
      const f = last?.figures;
      const same = !!f && !!rawFigures && ['contractFen', 'contractCount', 'disbursedFen', 'collectedFen', 'receiptCount', 'newInquiries', 'followUps'].every((k) => (f as unknown as Record<string, unknown>)[k] === rawFigures?.[k]);
      console.log(`${c.name.padEnd(26)} ${fmt(percentile(ours, 50)).padStart(9)} ${fmt(percentile(ours, 99)).padStart(9)} ${fmt(percentile(raw, 50)).padStart(9)} ${fmt(percentile(raw, 99)).padStart(9)}  ${fmt(percentile(raw, 50) / percentile(ours, 50), 1).padStart(8)}  ${same ? 'yes' : 'NO'}`);
      if (!same) console.log('  ours', f, '\n  raw ', rawFigures);
      if (c === cases[1] && f) console.log(`  (year · firm: collected ¥${(f.collectedFen / 100).toLocaleString('en')} in ${f.receiptCount.toLocaleString('en')} receipts, contracts ${f.contractCount.toLocaleString('en')}, ${last?.overdue.count} instalments overdue)`);
    }
  } finally {
    await db.end();
    await crm.close();
    if (!process.env.BENCH_KEEP) {
      const admin = new pg.Client({ connectionString: BASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${DB}`);
      await admin.end();
    }
  }
}

await main();
