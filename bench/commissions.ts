// `npm run bench:commissions` (`node dist/bench/commissions.js [--receipts N] [--orders N] [--runs R] [--database NAME] [--reuse]`):
// one firm of 200 people (4 centres of 4 teams, each team with its head) and 3,000,000 confirmed receipts over
// three years on 350,000 orders, with the commission lines their confirmation accrues (owner and 来源 split
// 70/30 where someone else brought the inquiry in, the team head's override on top) and the running rows, all
// generated in SQL; last month's statements drawn up through the use case. Then p50/p99 of the running figure
// of one person (a salesperson, a team head) and of a department's statement (部门提成汇总), each through the
// use case beside the same reads written by hand through pg, alternating call by call. Targets (issue 16):
// running figure p99 < 20 ms, department statement p99 < 150 ms.
// DATABASE_URL or TEST_DATABASE_URL names the server; the database (default yunzhou_bench_commissions) is
// dropped and made anew unless --reuse.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCrm } from '../adapters/composition/create-crm.js';
import type { Actor } from '../core/organisation/actor.js';
import { BASE_URL, bulkLoad, fmt, freshDatabase, percentile, timeIt } from './support.js';

const { values: args } = parseArgs({
  options: {
    receipts: { type: 'string' },
    orders: { type: 'string' },
    runs: { type: 'string' },
    database: { type: 'string' },
    reuse: { type: 'boolean' },
  },
});
const RECEIPTS = Number(args.receipts ?? 3_000_000);
const ORDERS = Number(args.orders ?? 350_000);
const RUNS = Number(args.runs ?? 200);
const DATABASE = args.database ?? 'yunzhou_bench_commissions';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error(`--database: a plain lower-case name, not ${DATABASE}`);
const USERS = 200;
const TEAMS = 16;
const DAYS = 1095; // three years of receipts up to today
const PASSWORD = 'bench12345';
const TZ = 'Asia/Shanghai';
const ADMIN_MOBILE = '13800009999';
const userId = (u: number): string => `f0000000-0000-4000-8000-${String(u + 1).padStart(12, '0')}`;
const userMobile = (u: number): string => `1370000${String(u).padStart(4, '0')}`;
// Person u sits in team u % 16; the first 16 people are the teams' heads (role manager), the others sell.
const HEAD = 0;
const SALES = 16;

// Deterministic ids from a series number, so that rows can point at each other without joins.
const uid = (prefix: string, expr: string): string => `('${prefix}0000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;

/** The bulk statements. Order g (1..ORDERS) belongs to person g % 200; every other order's inquiry was brought in by someone else. */
function seedStatements(tenantId: string, now: Date): { name: string; table: string; sql: string }[] {
  const tenant = `'${tenantId}'::uuid`;
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const today = `(${nowSql} at time zone '${TZ}')::date`;
  const owner = (g: string): string => `('f0000000-0000-4000-8000-' || lpad((1 + ${g} % ${USERS})::text, 12, '0'))::uuid`;
  const source = (g: string): string => `case when ${g} % 2 = 0 then ('f0000000-0000-4000-8000-' || lpad((1 + (${g} * 7 + 3) % ${USERS})::text, 12, '0'))::uuid else ${owner(g)} end`;
  const created = (g: string): string => `(${nowSql} - (${DAYS} + 30 - (${g}::bigint * 7919) % ${DAYS}) * interval '1 day')`;
  const receiptOrder = `(1 + (r * 104729) % ${ORDERS})`;
  const receivedOn = `(${today} - ((r * 7919) % ${DAYS})::int)`;
  return [
    {
      name: 'inquiries', table: 'inquiries',
      sql: `insert into inquiries (tenant_id, id, company_name, company_key, contact_name, mobile, mobile_last4, gender, level, next_follow_up_at, source,
          property_type, owner_id, department_id, remark, lifecycle, created_by, created_at, updated_at, version)
        select ${tenant}, ${uid('a', 'g')}, '压测企业' || g, '压测企业' || g, '王伟', '13' || lpad(g::text, 9, '0'), right(lpad(g::text, 9, '0'), 4), 'male', 'B',
          ${nowSql} + interval '1 day', '电销', '按揭房', ${owner('g')}, p.department_id, '—', 'customer', ${source('g')}, ${created('g')}, ${created('g')}, 1
        from generate_series(1::bigint, ${ORDERS}) g join bench_people p on p.id = ${owner('g')}`,
    },
    {
      name: 'orders', table: 'orders',
      sql: `insert into orders (tenant_id, id, inquiry_id, title, company_name, company_key, owner_id, department_id, handler_id, stage_key, stage_entered_at,
          created_by, created_at, updated_at, version)
        select ${tenant}, ${uid('b', 'g')}, ${uid('a', 'g')}, '企业信用贷', '压测企业' || g, '压测企业' || g, ${owner('g')}, p.department_id, ${owner('g')}, 'contract_won',
          ${created('g')}, ${owner('g')}, ${created('g')}, ${created('g')}, 1
        from generate_series(1::bigint, ${ORDERS}) g join bench_people p on p.id = ${owner('g')}`,
    },
    {
      // Confirmed (approved) receipts, received and confirmed on one of the last three years' days.
      name: 'receipts', table: 'receipts',
      sql: `insert into receipts (tenant_id, id, order_id, received_on, amount_fen, payment_method, payer, received_by, type, invoice_wanted, state,
          submitted_at, confirmed_at, confirmed_by, created_by, created_at, updated_at, version)
        select ${tenant}, ${uid('e', 'r')}, ${uid('b', receiptOrder)}, ${receivedOn}, 100000 + (r % 40) * 10000, (array['转账', '现金', '微信', '支付宝'])[1 + r % 4],
          '压测企业' || ${receiptOrder}, ${owner(receiptOrder)}, '服务费', r % 3 = 0, 'approved',
          (${receivedOn}::timestamp + interval '9 hours') at time zone '${TZ}', (${receivedOn}::timestamp + interval '10 hours') at time zone '${TZ}',
          ${owner(receiptOrder)}, ${owner(receiptOrder)}, (${receivedOn}::timestamp + interval '9 hours') at time zone '${TZ}',
          (${receivedOn}::timestamp + interval '10 hours') at time zone '${TZ}', 2
        from generate_series(1::bigint, ${RECEIPTS}) r`,
    },
    {
      // What ReceiptCommissions records on each confirmation, as the scheme seeded below computes it (whole tiers
      // 2 % / 3 % from 30万 / 4 % from 80万 of the person's month, split 70/30, 1 % to the team head): the
      // month-to-date before each line is a running sum over the person's month in confirmation order.
      name: 'commission lines', table: 'commission_lines',
      sql: `insert into commission_lines (tenant_id, id, kind, receipt_id, order_id, person_id, role, role_code, category_code, department_id, dated_on, month,
          scheme_version, tier_mode, receipt_fen, share, prior_fen, base_fen, rate, tier, amount_fen, created_at)
        with receipt as (
          select r.id, r.order_id, r.amount_fen, r.received_on as on_day, to_char(r.received_on, 'YYYY-MM') as month, r.confirmed_at,
            o.owner_id, i.created_by as source_id, o.department_id
          from receipts r join orders o on o.tenant_id = r.tenant_id and o.id = r.order_id join inquiries i on i.tenant_id = o.tenant_id and i.id = o.inquiry_id
          where r.tenant_id = ${tenant}
        ), credited as (
          select c.*, sum(c.base) over (partition by c.person_id, c.month order by c.on_day, c.receipt_id rows unbounded preceding) - c.base as prior
          from (
            select x.id as receipt_id, x.order_id, x.amount_fen, x.on_day, x.month, x.confirmed_at, x.owner_id as person_id, 'owner' as role,
              case when x.source_id <> x.owner_id then '70' else '100' end as share,
              case when x.source_id <> x.owner_id then x.amount_fen * 7 / 10 else x.amount_fen end as base,
              'accrual:' || x.id || ':' || x.owner_id || ':owner' as id
            from receipt x
            union all
            select x.id, x.order_id, x.amount_fen, x.on_day, x.month, x.confirmed_at, x.source_id, 'source', '30', x.amount_fen - x.amount_fen * 7 / 10,
              'accrual:' || x.id || ':' || x.source_id || ':source'
            from receipt x where x.source_id <> x.owner_id
          ) c
        )
        select ${tenant}, c.id, 'accrual', c.receipt_id, c.order_id, c.person_id, c.role, p.role_code, '*', p.department_id, c.on_day, c.month, 1, 'whole',
          c.amount_fen, c.share, c.prior, c.base, t.rate, t.tier, c.base * t.rate::int / 100, c.confirmed_at
        from credited c join bench_people p on p.id = c.person_id,
          lateral (select case when c.prior + c.base >= 80000000 then 3 when c.prior + c.base >= 30000000 then 2 else 1 end as tier) tt,
          lateral (select tt.tier, (array['2', '3', '4'])[tt.tier] as rate) t
        union all
        select ${tenant}, 'accrual:' || x.id || ':' || h.id || ':head', 'accrual', x.id, x.order_id, h.id, 'head', h.role_code, '*', h.department_id, x.on_day, x.month, 1,
          'whole', x.amount_fen, '100', 0, x.amount_fen, '1', 1, x.amount_fen / 100, x.confirmed_at
        from receipt x join bench_people o on o.id = x.owner_id join bench_people h on h.id = o.head_id
        where h.id <> x.owner_id`,
    },
    {
      name: 'running rows', table: 'commission_running',
      sql: `insert into commission_running (tenant_id, person_id, month, department_id, credited_fen, accrued_fen, clawback_fen, line_count, updated_at)
        select ${tenant}, l.person_id, l.month, min(l.department_id::text)::uuid, coalesce(sum(l.base_fen) filter (where l.role <> 'head'), 0), sum(l.amount_fen), 0, count(*), max(l.created_at)
        from commission_lines l where l.tenant_id = ${tenant} group by l.person_id, l.month`,
    },
  ];
}

type Crm = Awaited<ReturnType<typeof createCrm>>;
interface Firm {
  readonly tenantId: string;
  readonly admin: Actor;
  readonly teams: string[];
}

async function seedFirm(crm: Crm, db: pg.Client): Promise<Firm> {
  const { tenant, admin: adminUser } = await crm.organisation.createTenant({ name: '压测金服', admin: { name: '管理员', mobile: ADMIN_MOBILE, password: PASSWORD } });
  const admin = await crm.auth.authenticate((await crm.auth.login({ mobile: ADMIN_MOBILE, password: PASSWORD, tenantId: tenant.id })).token);
  const teams: string[] = [];
  for (let c = 0; c < 4; c++) {
    const centre = await crm.organisation.createDepartment(admin, { name: `销售中心${c + 1}`, parentId: adminUser.departmentId });
    for (let t = 0; t < 4; t++) teams.push((await crm.organisation.createDepartment(admin, { name: `${c + 1}-${t + 1} 组`, parentId: centre.id })).id);
  }
  // People in bulk, sharing the administrator's password hash (hashing 200 passwords would take a minute).
  const hash = (await db.query('select password_hash from users where tenant_id = $1 and id = $2', [tenant.id, adminUser.id])).rows[0].password_hash as string;
  const roles = new Map((await db.query(`select code, id from roles where tenant_id = $1 and code in ('sales', 'manager')`, [tenant.id])).rows.map((r) => [r.code as string, r.id as string]));
  for (let u = 0; u < USERS; u++) {
    const team = teams[u % TEAMS] as string;
    await db.query('insert into users (tenant_id, id, name, mobile, department_id, password_hash) values ($1, $2, $3, $4, $5, $6)',
      [tenant.id, userId(u), u < TEAMS ? `组长${u + 1}` : `销售${u + 1}`, userMobile(u), team, hash]);
    await db.query('insert into user_roles (tenant_id, user_id, role_id) values ($1, $2, $3)', [tenant.id, userId(u), roles.get(u < TEAMS ? 'manager' : 'sales')]);
    if (u < TEAMS) await db.query('update departments set head_user_id = $3 where tenant_id = $1 and id = $2', [tenant.id, team, userId(u)]);
  }
  // The scheme, through the use case (the very first version may start in the past).
  const firstDay = (await db.query(`select to_char((now() at time zone '${TZ}')::date - ${DAYS + 1}, 'YYYY-MM-DD') as d`)).rows[0].d as string;
  await crm.commissionSchemes.addVersion(admin, {
    version: 1, effectiveFrom: firstDay, tierMode: 'whole', split: { ownerShare: '70', sourceShare: '30' },
    rules: [{ roleCode: '*', categoryCode: '*', tiers: [{ fromFen: 0, rate: '2' }, { fromFen: 30_000_000, rate: '3' }, { fromFen: 80_000_000, rate: '4' }] }],
    overrides: [{ categoryCode: '*', rate: '1' }],
  });
  // Who is who, for the bulk statements: department, 岗位 and the head of the team.
  await db.query(`create temporary table bench_people as
    select u.id, u.department_id, r.code as role_code, d.head_user_id as head_id from users u
      join user_roles ur on ur.tenant_id = u.tenant_id and ur.user_id = u.id join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      join departments d on d.tenant_id = u.tenant_id and d.id = u.department_id
    where u.tenant_id = $1 and u.id::text like 'f0000000-%'`, [tenant.id]);
  await db.query('create unique index on bench_people (id)');
  await db.query('analyze bench_people');
  return { tenantId: tenant.id, admin, teams };
}

async function alternate(n: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<{ ours: number[]; raw: number[] }> {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [fn, out] of [[a, ours], [b, raw]] as const) {
      const t = process.hrtime.bigint();
      await fn();
      out.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return { ours: ours.sort((x, y) => x - y), raw: raw.sort((x, y) => x - y) };
}

async function main(): Promise<void> {
  const reuse = args.reuse === true;
  const url = reuse ? Object.assign(new URL(BASE_URL), { pathname: `/${DATABASE}` }).toString() : await freshDatabase(DATABASE);
  const crm = await createCrm({ database: { url, poolMax: 10 }, config: { secret: 'bench' } });
  const db = new pg.Client({ connectionString: url, options: '-c search_path=yunzhou,public' });
  await db.connect();
  const month = (await db.query(`select to_char(date_trunc('month', (now() at time zone '${TZ}')::date) - interval '1 day', 'YYYY-MM') as m`)).rows[0].m as string;
  let firm: Firm;
  const seeded: string[] = [];
  if (reuse) {
    const login = await crm.auth.login({ mobile: ADMIN_MOBILE, password: PASSWORD });
    const admin = await crm.auth.authenticate(login.token);
    const teams = (await db.query('select department_id from users where tenant_id = $1 and id = any($2::uuid[]) order by id', [admin.tenantId, Array.from({ length: TEAMS }, (_, u) => userId(u))])).rows.map((r) => r.department_id as string);
    firm = { tenantId: admin.tenantId, admin, teams };
  } else {
    console.error(`Seeding 1 firm, ${USERS} people, ${ORDERS.toLocaleString('en')} orders, ${RECEIPTS.toLocaleString('en')} receipts with their commission lines …`);
    const t0 = Date.now();
    firm = await seedFirm(crm, db);
    await db.query(`set work_mem = '256MB'`);
    const now = crm.clock.now();
    const load = await bulkLoad(db, ['inquiries', 'orders', 'receipts', 'commission_lines', 'commission_running'], async () => {
      for (const s of seedStatements(firm.tenantId, now)) {
        const t = Date.now();
        const r = await db.query(s.sql);
        console.error(`  ${s.name.padEnd(18)} ${String(r.rowCount?.toLocaleString('en')).padStart(10)} rows  ${fmt((Date.now() - t) / 1000, 1)} s`);
        seeded.push(`${s.name} ${r.rowCount?.toLocaleString('en')}`);
        // Statistics before the next statement reads these rows: without them the planner nests loops over 3 million rows.
        await db.query(`analyze ${s.table}`);
      }
      console.error('Building the indexes and keys …');
    });
    await db.query('reset work_mem');
    const t1 = Date.now();
    await db.query('vacuum analyze');
    const vacuumSeconds = (Date.now() - t1) / 1000;
    // Last month's statements, drawn up team by team through the use case as finance would.
    const t2 = Date.now();
    for (const team of firm.teams) await crm.commissionStatements.drawUpDepartment(firm.admin, { departmentId: team, month });
    const drawSeconds = (Date.now() - t2) / 1000;
    seeded.push(`seeding ${fmt((Date.now() - t0) / 1000, 0)} s (rows ${fmt(load.loadSeconds, 0)} s, ${load.indexes} indexes and keys ${fmt(load.indexSeconds, 0)} s, vacuum analyze ${fmt(vacuumSeconds, 0)} s)`);
    seeded.push(`${month}'s 200 statements drawn up team by team through drawUpDepartment: ${fmt(drawSeconds, 1)} s`);
  }
  const { tenantId, admin } = firm;
  const login = async (u: number): Promise<Actor> => crm.auth.authenticate((await crm.auth.login({ mobile: userMobile(u), password: PASSWORD, tenantId })).token);
  const seller = await login(SALES);
  const head = await login(HEAD);
  const team = firm.teams[HEAD] as string;

  // The reads RunningService.person sends, by hand: the firm's time zone, the person, the month's lines, the scheme.
  const lineColumns = `id, kind, receipt_id, order_id, person_id, role, role_code, category_code, department_id, dated_on, month, scheme_version, tier_mode,
    receipt_fen, share, prior_fen, base_fen, rate, tier, amount_fen`;
  const runningRaw = async (personId: string): Promise<void> => {
    await db.query('begin');
    await db.query('select time_zone from tenants where id = $1', [tenantId]);
    await db.query('select * from users where tenant_id = $1 and id = $2', [tenantId, personId]);
    await db.query(`select ${lineColumns} from commission_lines where tenant_id = $1 and person_id = $2 and month = $3 order by dated_on, id`, [tenantId, personId, month]);
    await db.query('select * from commission_scheme_versions where tenant_id = $1 order by version', [tenantId]);
    await db.query('commit');
  };
  // The reads StatementService.department sends, by hand: the departments, the month's statements of the department, the names.
  const departmentRaw = async (): Promise<void> => {
    await db.query('begin');
    await db.query('select * from departments where tenant_id = $1 order by sort_order, name', [tenantId]);
    const s = await db.query('select * from commission_statements where tenant_id = $1 and month = $2 and department_id = $3 order by total_fen desc, person_id', [tenantId, month, team]);
    await db.query('select id, name from users where tenant_id = $1 and id = any($2::uuid[])', [tenantId, s.rows.map((r) => r.person_id)]);
    await db.query('commit');
  };
  const teamPeople = Array.from({ length: USERS }, (_, u) => u).filter((u) => u % TEAMS === HEAD).map(userId);
  const lineCount = async (personId: string): Promise<number> => Number((await db.query('select count(*) from commission_lines where tenant_id = $1 and person_id = $2 and month = $3', [tenantId, personId, month])).rows[0].count);

  const cases: { name: string; target: number; ours: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
    {
      name: `running figure · salesperson (${await lineCount(seller.userId)} lines)`, target: 20,
      ours: () => crm.commissionRunning.person(seller, { month }), raw: () => runningRaw(seller.userId),
    },
    {
      name: `running figure · team head (${await lineCount(head.userId)} lines)`, target: 20,
      ours: () => crm.commissionRunning.person(head, { month }), raw: () => runningRaw(head.userId),
    },
    {
      name: `department statement · a team (${teamPeople.length} people)`, target: 150,
      ours: () => crm.commissionStatements.department(admin, team, month), raw: departmentRaw,
    },
    {
      // Not a target of the issue: what finance waits for when it (re)draws a team's month.
      name: 'draw up a team\'s month (redraw)', target: Infinity,
      ours: () => crm.commissionStatements.drawUpDepartment(admin, { departmentId: team, month }),
      raw: () => db.query('select person_id, count(*), sum(amount_fen) from commission_lines where tenant_id = $1 and person_id = any($2::uuid[]) and month = $3 group by person_id', [tenantId, teamPeople, month]),
    },
  ];

  const size = (await db.query(`select pg_size_pretty(pg_database_size(current_database())) as db, pg_size_pretty(pg_total_relation_size('commission_lines')) as lines,
    (select count(*) from commission_lines where tenant_id = $1) as n`, [tenantId])).rows[0];
  console.log(`Commissions benchmark: 1 firm, ${USERS} people in ${TEAMS} teams, ${RECEIPTS.toLocaleString('en')} receipts on ${ORDERS.toLocaleString('en')} orders over three years; month ${month}; ${RUNS} runs each, alternating with raw SQL`);
  for (const s of seeded) console.log(`  ${s}`);
  console.log(`  database ${DATABASE}: ${size.db}; commission_lines ${Number(size.n).toLocaleString('en')} rows, ${size.lines} with indexes`);
  console.log(`${'case'.padEnd(46)} ${'ours p50'.padStart(9)} ${'ours p99'.padStart(9)} ${'raw p50'.padStart(9)} ${'raw p99'.padStart(9)}  raw/ours (p50)`);
  for (const c of cases) {
    const runs = Number.isFinite(c.target) ? RUNS : Math.min(RUNS, 20);
    await timeIt(Math.min(10, runs), c.ours);
    await timeIt(Math.min(10, runs), c.raw);
    const { ours, raw } = await alternate(runs, c.ours, c.raw);
    const [op50, op99, rp50, rp99] = [percentile(ours, 50), percentile(ours, 99), percentile(raw, 50), percentile(raw, 99)];
    const verdict = Number.isFinite(c.target) ? `(p99 < ${c.target} ms: ${op99 < c.target ? 'ok' : 'MISSED'})` : '';
    console.log(`${c.name.padEnd(46)} ${fmt(op50).padStart(9)} ${fmt(op99).padStart(9)} ${fmt(rp50).padStart(9)} ${fmt(rp99).padStart(9)}  ${fmt(rp50 / op50)}  ${verdict}`);
  }
  await db.end();
  await crm.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
