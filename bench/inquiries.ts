// `node dist/bench/inquiries.js [--count N] [--firms F] [--database NAME] [--runs R] [--reuse]`: N inquiries
// (default 1,000,000) over F firms (default 20) on PostgreSQL, then p50/p99 of 查重 by mobile, the first page,
// a deep keyset page and the first page with its total (共N条) of a filtered 咨询 list, and creating an
// inquiry with its duplicate check — each through the use case and beside the same statements written as raw
// SQL through pg, in the same run, alternating call by call. Targets (issue 3, and issue 18 at 10,000,000
// over 200 firms): 查重 p99 < 5 ms, list page p99 < 20 ms, raw/ours ≥ 0.5.
// DATABASE_URL or TEST_DATABASE_URL names the server; the database (default yunzhou_bench_inquiries) is
// dropped and made anew unless --reuse.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCrm } from '../adapters/composition/create-crm.js';
import { encodeCursor } from '../core/shared/pagination.js';
import type { Actor } from '../core/organisation/actor.js';
import { BASE_URL, bulkLoad, fmt, freshDatabase, percentile, timeIt } from './support.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string' },
    firms: { type: 'string' },
    database: { type: 'string' },
    runs: { type: 'string' },
    reuse: { type: 'boolean' },
  },
});
const TOTAL = Number(args.count ?? process.env.BENCH_INQUIRIES ?? 1_000_000);
const TENANTS = Number(args.firms ?? process.env.BENCH_FIRMS ?? 20);
const DATABASE = args.database ?? 'yunzhou_bench_inquiries';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error(`--database: a plain lower-case name, not ${DATABASE}`);
const USERS = 20; // sales per firm, 5 in each of 4 departments
const CHUNK = 200_000; // rows per INSERT … SELECT, all firms interleaved
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 1000);
const PASSWORD = 'bench12345';

function progress(done: number, total: number, started: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = (Date.now() - started) / 1000;
  const rate = done / Math.max(secs, 0.001);
  process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}%  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows  ${fmt(secs, 1)} s  ${Math.round(rate).toLocaleString('en')} rows/s`);
  if (done === total) process.stderr.write('\n');
}

// Row g belongs to firm (g - 1) % F as its k-th inquiry: the firms' rows are interleaved on disk as they would
// be after years of use, and every firm gets the same mix (the patterns are functions of k).
const SEED_SQL = `
insert into inquiries (tenant_id, id, company_name, company_key, contact_name, mobile, mobile_last4, mobile_exclusive, gender, level,
  next_follow_up_at, last_follow_up_at, source, property_type, owner_id, department_id, remark, tax_id, lifecycle, created_by,
  created_at, updated_at, version)
select ($1::uuid[])[1 + f], gen_random_uuid(), s.c || '有限公司', s.c, s.n, s.m, right(s.m, 4), true, case when k % 2 = 0 then 'male' else 'female' end,
  case when k % 10 < 2 then 'A' when k % 10 < 6 then 'B' else 'C' end,
  $2::timestamptz + ((k * 37) % 28800 - 14400) * interval '1 minute',
  $2::timestamptz - (k % 30) * interval '1 day',
  (array['电销','网络推广','新媒体','转介绍','老客户','地推','其他'])[1 + k % 7],
  (array['按揭房','全款房','自建房','无房产'])[1 + (k / 7) % 4],
  case when k % 10 = 9 then null else ($3::uuid[])[1 + f][1 + (k / 10) % ${USERS}] end,
  ($4::uuid[])[1 + f][1 + (k / 10) % ${USERS}],
  '—',
  case when k % 10 = 3 then '91' || lpad(g::text, 16, '0') end,
  case when k % 20 = 0 then 'prospect' when k % 100 = 1 then 'customer' else 'inquiry' end,
  null,
  $2::timestamptz - ((k * 13) % 525600) * interval '1 minute',
  $2::timestamptz - ((k * 13) % 525600) * interval '1 minute',
  1
from (
  select g, f, k,
    '13' || lpad(((g * 7919) % 1000000000)::text, 9, '0') as m,
    (array['华信','恒达','鑫源','瑞丰','宏图','博远','金石','天成','汇通','中晟','锦程','嘉禾','同创','永盛','德润','新锐','泰和','广源','启明','安泰'])[1 + k % 20]
      || (array['科技','贸易','建材','餐饮管理','物流','电子','服装','机械','装饰工程','农业发展','医疗器械','文化传媒'])[1 + (k / 20) % 12] || g::text as c,
    (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + k % 10] || (array['伟','芳','娜','敏','静','强','磊','洋','艳','勇'])[1 + (k / 10) % 10] as n
  from generate_series($5::bigint, $6::bigint) g, lateral (select ((g - 1) % $7)::int as f, ((g - 1) / $7 + 1)::bigint as k) fk
) s`;

interface Firm {
  readonly tenantId: string;
  readonly userIds: string[];
  readonly deptIds: string[];
}

async function seedFirms(crm: Awaited<ReturnType<typeof createCrm>>, db: pg.Client): Promise<{ firms: Firm[]; manager: Actor; admin: Actor }> {
  const firms: Firm[] = [];
  let manager: Actor | null = null;
  let admin: Actor | null = null;
  for (let i = 0; i < TENANTS; i++) {
    const mobile = `1380000${String(i).padStart(4, '0')}`;
    const { tenant, admin: adminUser } = await crm.organisation.createTenant({ name: `压测金服${i + 1}`, admin: { name: '管理员', mobile, password: PASSWORD } });
    const adminActor = await crm.auth.authenticate((await crm.auth.login({ mobile, password: PASSWORD, tenantId: tenant.id })).token);
    const depts = [];
    for (let d = 0; d < 4; d++) depts.push(await crm.organisation.createDepartment(adminActor, { name: `销售${d + 1}部`, parentId: adminUser.departmentId }));
    // Sales people in bulk, sharing the administrator's password hash (hashing 400 passwords would take minutes).
    const hash = (await db.query('select password_hash from users where tenant_id = $1 and id = $2', [tenant.id, adminUser.id])).rows[0].password_hash as string;
    const role = (await db.query(`select id from roles where tenant_id = $1 and code = 'sales'`, [tenant.id])).rows[0].id as string;
    const userIds: string[] = [];
    const deptIds: string[] = [];
    for (let u = 0; u < USERS; u++) {
      const dept = depts[u % 4]?.id as string;
      const r = await db.query(
        `insert into users (tenant_id, id, name, mobile, department_id, password_hash) values ($1, gen_random_uuid(), $2, $3, $4, $5) returning id`,
        [tenant.id, `销售${u + 1}`, `1390${String(i).padStart(3, '0')}${String(u).padStart(4, '0')}`, dept, hash],
      );
      await db.query('insert into user_roles (tenant_id, user_id, role_id) values ($1, $2, $3)', [tenant.id, r.rows[0].id, role]);
      userIds.push(r.rows[0].id);
      deptIds.push(dept);
    }
    firms.push({ tenantId: tenant.id, userIds, deptIds });
    if (i === 0) {
      admin = adminActor;
      const mm = '13700000001';
      await crm.organisation.createUser(adminActor, { name: '王经理', mobile: mm, departmentId: depts[0]?.id as string, roleCodes: ['manager'], password: PASSWORD });
      manager = await crm.auth.authenticate((await crm.auth.login({ mobile: mm, password: PASSWORD, tenantId: tenant.id })).token);
    }
  }
  return { firms, manager: manager as Actor, admin: admin as Actor };
}

type Timing = { p50: number; p99: number };

async function alternate(n: number, a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>): Promise<{ ours: Timing; raw: Timing }> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [fn, out] of [[a, ta], [b, tb]] as const) {
      const t = process.hrtime.bigint();
      await fn(i);
      out.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const stats = (ms: number[]): Timing => {
    ms.sort((x, y) => x - y);
    return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
  };
  return { ours: stats(ta), raw: stats(tb) };
}

/** Drops and seeds the database afresh; returns the firm measured (the first) and its manager. */
interface SeedFigures {
  readonly firmsSeconds: number;
  readonly loadSeconds: number;
  readonly indexSeconds: number;
  readonly summariesSeconds: number;
  readonly vacuumSeconds: number;
}

/** Drops and seeds the database afresh; returns the firm measured (the first), its manager and the seeding's times. */
async function seed(crm: Awaited<ReturnType<typeof createCrm>>, db: pg.Client, now: Date): Promise<{ tenantId: string; manager: Actor; figures: SeedFigures }> {
  console.error(`Seeding ${TOTAL.toLocaleString('en')} inquiries over ${TENANTS} firms …`);
  const t0 = Date.now();
  const { firms, manager } = await seedFirms(crm, db);
  const firmsSeconds = (Date.now() - t0) / 1000;
  const perFirm = Math.floor(TOTAL / TENANTS);
  const rows = perFirm * TENANTS;
  // Bulk load as pg_restore does: triggers (foreign-key checks and other areas' summary triggers) off while
  // loading, indexes built after, summaries rebuilt afterwards. The data is consistent by construction.
  const started = Date.now();
  const load = await bulkLoad(db, ['inquiries'], async () => {
    for (let from = 1; from <= rows; from += CHUNK) {
      const to = Math.min(from + CHUNK - 1, rows);
      await db.query(SEED_SQL, [firms.map((f) => f.tenantId), now, firms.map((f) => f.userIds), firms.map((f) => f.deptIds), from, to, TENANTS]);
      progress(to, rows, started);
    }
    console.error('Building the indexes …');
  });
  const t1 = Date.now();
  const rebuild = (await db.query(`select 1 from pg_proc where proname = 'briefing_rebuild'`)).rows.length > 0;
  if (rebuild) {
    console.error('Rebuilding the briefing summaries …');
    for (const f of firms) await db.query('select briefing_rebuild($1)', [f.tenantId]);
  }
  const t2 = Date.now();
  console.error('VACUUM ANALYZE …');
  await db.query('vacuum analyze inquiries');
  const figures = { firmsSeconds, loadSeconds: load.loadSeconds, indexSeconds: load.indexSeconds, summariesSeconds: (t2 - t1) / 1000, vacuumSeconds: (Date.now() - t2) / 1000 };
  return { tenantId: firms[0]?.tenantId as string, manager, figures };
}

async function main(): Promise<void> {
  // --reuse (or BENCH_REUSE=1) measures again on the database a previous run seeded (seeding takes minutes).
  const reuse = args.reuse === true || process.env.BENCH_REUSE === '1';
  const url = reuse ? Object.assign(new URL(BASE_URL), { pathname: `/${DATABASE}` }).toString() : await freshDatabase(DATABASE);
  const crm = await createCrm({ database: { url, poolMax: 10 }, config: { secret: 'bench' } });
  const db = new pg.Client({ connectionString: url, options: '-c search_path=yunzhou,public' });
  await db.connect();
  const now = crm.clock.now();
  const { tenantId, manager, figures } = reuse
    ? await (async () => {
      const login = await crm.auth.login({ mobile: '13700000001', password: PASSWORD });
      return { tenantId: login.tenant.id, manager: await crm.auth.authenticate(login.token), figures: null };
    })()
    : await seed(crm, db, now);
  const perFirm = Math.floor(TOTAL / TENANTS);
  const mobiles = (await db.query(`select mobile from inquiries where tenant_id = $1 order by md5(id::text) limit ${RUNS}`, [tenantId])).rows.map((r) => r.mobile as string);
  const scopeDepts = manager.visibleDepartmentIds;

  // 查重 by mobile: the use case, and its query by hand.
  const dupRaw = `select i.*, u.name as owner_name, d.name as department_name from inquiries i
    left join users u on u.tenant_id = i.tenant_id and u.id = i.owner_id
    left join departments d on d.tenant_id = i.tenant_id and d.id = i.department_id
    where i.tenant_id = $1 and i.merged_into_id is null and i.mobile = $2 order by i.created_at, i.id limit 20`;

  // A filtered 咨询 list as 王经理 sees it: his department, level B, soonest follow-up first, 20 a page.
  const listWhere = `i.tenant_id = $1 and i.merged_into_id is null and i.lifecycle = 'inquiry' and i.owner_id is not null
    and (i.owner_id = $2 or i.department_id = any($3::uuid[])) and i.level = 'B'`;
  // The page's ids by an index-only scan of the list index, then their rows (as the repository asks).
  const pageRaw = (cursor: boolean): string => `with page as materialized (select i.id from inquiries i
      where ${listWhere} ${cursor ? 'and (i.next_follow_up_at, i.id) > ($4::timestamptz, $5::uuid)' : ''}
      order by i.next_follow_up_at asc, i.id asc limit 21)
    select i.*, u.name as owner_name, d.name as department_name from page p join inquiries i on i.id = p.id
    left join users u on u.tenant_id = i.tenant_id and u.id = i.owner_id
    left join departments d on d.tenant_id = i.tenant_id and d.id = i.department_id
    where i.tenant_id = $1 order by i.next_follow_up_at asc, i.id asc`;
  const countRaw = `select count(*) from inquiries i where ${listWhere}`;
  const total = Number((await db.query(countRaw, [tenantId, manager.userId, scopeDepts])).rows[0].count);
  const DEEP = Math.floor(total / 2); // the row a deep page starts after: half-way down the list
  const deep = (await db.query(`select i.next_follow_up_at, i.id from inquiries i where ${listWhere} order by i.next_follow_up_at, i.id offset ${DEEP} limit 1`, [tenantId, manager.userId, scopeDepts])).rows[0];
  const deepCursor = encodeCursor([(deep.next_follow_up_at as Date).toISOString(), deep.id as string]);

  // Creating an inquiry: the same statements the use case sends, by hand, in one transaction.
  // New mobiles above any an earlier run created (the seeded ones start with 13).
  let seq = Number(((await db.query(`select max(mobile) as m from inquiries where tenant_id = $1 and mobile >= '15' and mobile < '16'`, [tenantId])).rows[0].m ?? '15099999999').slice(2)) - 99_999_999;
  const freshMobile = (): string => `15${String(100_000_000 + seq++).padStart(9, '0')}`;
  const form = () => ({
    companyName: `压测新建${seq}有限公司`, mobile: freshMobile(), contactName: '郑盛', gender: 'male', level: 'B',
    nextFollowUpAt: new Date(now.getTime() + 3 * 86_400_000), source: '电销', propertyType: '按揭房', remark: '测试',
  });
  const createRaw = async (): Promise<void> => {
    const f = form();
    const id = randomUUID();
    await db.query('begin');
    try {
      await db.query('select t.time_zone, t.settings, s.settings, s.version from tenants t left join inquiry_settings s on s.tenant_id = t.id where t.id = $1', [tenantId]);
      const dup = await db.query(dupRaw.replace('limit 20', 'limit 1'), [tenantId, f.mobile]);
      if (dup.rows.length) throw new Error('duplicate');
      await db.query(
        `insert into inquiries (tenant_id, id, company_name, company_key, contact_name, mobile, mobile_last4, mobile_exclusive, gender, level, next_follow_up_at,
          source, property_type, owner_id, department_id, remark, lifecycle, created_by, created_at, updated_at, version)
         values ($1, $2, $3, $4, $5, $6, right($6, 4), true, 'male', 'B', $7, '电销', '按揭房', $8, $9, '测试', 'inquiry', $8, now(), now(), 1)
         on conflict (tenant_id, mobile) where mobile_exclusive do nothing returning id`,
        [tenantId, id, f.companyName, f.companyName.replace('有限公司', ''), f.contactName, f.mobile, f.nextFollowUpAt, manager.userId, manager.departmentId],
      );
      await db.query(`insert into activities (tenant_id, id, subject_type, subject_id, actor_id, action, summary, data, at) values ($1, gen_random_uuid(), 'inquiry', $2, $3, 'inquiry.created', $4, '{}', now())`, [tenantId, id, manager.userId, `新建咨询：${f.companyName}`]);
      await db.query(`insert into outbox_events (tenant_id, type, subject_type, subject_id, actor_id, data, created_at) values ($1, 'inquiry.created', 'inquiry', $2, $3, '{}', now())`, [tenantId, id, manager.userId]);
      await db.query(dupRaw.replace('i.mobile = $2', 'i.id = $2'), [tenantId, id]);
      await db.query('commit');
    } catch (e) {
      await db.query('rollback');
      throw e;
    }
  };

  const cases: { name: string; target: number; ours: (i: number) => Promise<unknown>; raw: (i: number) => Promise<unknown> }[] = [
    {
      name: '查重 by mobile', target: 5,
      ours: (i) => crm.inquiries.checkDuplicates(manager, { mobile: mobiles[i % mobiles.length] }),
      raw: (i) => db.query(dupRaw, [tenantId, mobiles[i % mobiles.length]]),
    },
    {
      name: 'list, first page', target: 20,
      ours: () => crm.inquiries.list(manager, { level: 'B' }, { limit: 20 }),
      raw: () => db.query(pageRaw(false), [tenantId, manager.userId, scopeDepts]),
    },
    {
      name: `list, deep page (after row ${DEEP.toLocaleString('en')}, keyset)`, target: 20,
      ours: () => crm.inquiries.list(manager, { level: 'B' }, { limit: 20, cursor: deepCursor }),
      raw: () => db.query(pageRaw(true), [tenantId, manager.userId, scopeDepts, deep.next_follow_up_at, deep.id]),
    },
    {
      name: `list, first page + 共N条 (${total.toLocaleString('en')})`, target: 20,
      ours: () => crm.inquiries.list(manager, { level: 'B' }, { limit: 20, withTotal: true }),
      raw: async () => {
        await db.query(pageRaw(false), [tenantId, manager.userId, scopeDepts]);
        await db.query(countRaw, [tenantId, manager.userId, scopeDepts]);
      },
    },
    {
      name: 'create with its 查重', target: Infinity,
      ours: () => crm.inquiries.create(manager, form()),
      raw: () => createRaw(),
    },
  ];

  console.log(`Inquiries benchmark: ${TOTAL.toLocaleString('en')} rows over ${TENANTS} firms (${perFirm.toLocaleString('en')} each), PostgreSQL, ${RUNS} runs each, same run`);
  if (figures) {
    const f = figures;
    const total = f.firmsSeconds + f.loadSeconds + f.indexSeconds + f.summariesSeconds + f.vacuumSeconds;
    console.log(`Seeding: ${fmt(total, 0)} s — firms ${fmt(f.firmsSeconds, 0)} s, rows ${fmt(f.loadSeconds, 0)} s (${Math.round((perFirm * TENANTS) / f.loadSeconds).toLocaleString('en')} rows/s), indexes ${fmt(f.indexSeconds, 0)} s, summaries ${fmt(f.summariesSeconds, 0)} s, vacuum analyze ${fmt(f.vacuumSeconds, 0)} s`);
  }
  const size = (await db.query(`select pg_size_pretty(pg_database_size(current_database())) as db, pg_size_pretty(pg_table_size('inquiries')) as heap,
    pg_size_pretty(pg_indexes_size('inquiries')) as indexes`)).rows[0];
  console.log(`Database ${DATABASE}: ${size.db} (inquiries: table ${size.heap}, indexes ${size.indexes})`);
  console.log(`${'case'.padEnd(40)} ${'ours p50'.padStart(9)} ${'ours p99'.padStart(9)} ${'raw p50'.padStart(9)} ${'raw p99'.padStart(9)}  raw/ours (p50)`);
  for (const c of cases) {
    const warm = Math.min(100, RUNS);
    await timeIt(warm, c.ours);
    await timeIt(warm, c.raw);
    // Alternating, so that both see the same machine: a busy moment falls on both, not on one.
    const { ours, raw } = await alternate(RUNS, c.ours, c.raw);
    const ratio = raw.p50 / ours.p50;
    const ok = ours.p99 < c.target && ratio >= 0.5 ? 'ok' : 'MISSED';
    const target = Number.isFinite(c.target) ? `p99 < ${c.target} ms, ` : '';
    console.log(`${c.name.padEnd(40)} ${fmt(ours.p50).padStart(9)} ${fmt(ours.p99).padStart(9)} ${fmt(raw.p50).padStart(9)} ${fmt(raw.p99).padStart(9)}  ${fmt(ratio)}  (${target}ratio ≥ 0.5: ${ok})`);
  }
  await db.end();
  await crm.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
