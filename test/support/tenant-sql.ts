// Does a statement keep to one firm? Parsed with PostgreSQL's own parser (libpg-query, WASM): every table or
// view holding firms' rows that a SELECT/UPDATE/DELETE reads must have its tenant_id pinned by an equality
// (or IN / = ANY) among the top-level AND conditions of its WHERE or JOIN … ON, to a value the caller accepts
// (a bind parameter, another tenant table's tenant_id — a join on tenant_id —, NEW.tenant_id in a trigger…);
// an INSERT must name the tenant_id column. This is what lets Citus route each statement to one firm's shard.
import { loadModule, parseSync } from 'libpg-query';

type Node = Record<string, any>;

/** Is this expression (the other side of `tenant_id = …`) an acceptable firm? */
export type TenantValue = (node: Node) => boolean;

const columnFields = (n: Node): string[] | null =>
  n.ColumnRef ? (n.ColumnRef.fields as Node[]).map((f) => (f.String ? String(f.String.sval) : '*')) : null;

const unwrap = (n: Node): Node => (n.TypeCast ? unwrap(n.TypeCast.arg as Node) : n);

/** Bind parameters, constants, any relation's tenant_id, a sub-select (checked on its own), lists of those. */
export const boundValue: TenantValue = (raw) => {
  const n = unwrap(raw);
  if (n.ParamRef || n.A_Const || n.SubLink) return true;
  if (n.List) return (n.List.items as Node[]).every(boundValue);
  if (n.A_ArrayExpr) return ((n.A_ArrayExpr.elements ?? []) as Node[]).every(boundValue);
  const f = columnFields(n);
  return f !== null && f[f.length - 1] === 'tenant_id';
};

export async function loadParser(): Promise<void> {
  await loadModule();
}

function conjuncts(e: Node | undefined): Node[] {
  if (!e) return [];
  if (e.BoolExpr?.boolop === 'AND_EXPR') return (e.BoolExpr.args as Node[]).flatMap(conjuncts);
  return [e];
}

interface Rel { readonly name: string; readonly ref: string }

function relations(items: Node[] | undefined, out: Rel[], quals: Node[]): void {
  for (const item of items ?? []) {
    if (item.RangeVar) out.push({ name: item.RangeVar.relname, ref: item.RangeVar.alias?.aliasname ?? item.RangeVar.relname });
    else if (item.JoinExpr) {
      relations([item.JoinExpr.larg, item.JoinExpr.rarg], out, quals);
      quals.push(...conjuncts(item.JoinExpr.quals));
    }
  }
}

/** Qualifiers whose tenant_id is pinned ('' for an unqualified tenant_id). */
function pinned(quals: Node[], accept: TenantValue): Set<string> {
  const out = new Set<string>();
  const tenantColumn = (n: Node): string | null => {
    const f = columnFields(unwrap(n));
    return f && f[f.length - 1] === 'tenant_id' ? (f.length > 1 ? (f[f.length - 2] as string) : '') : null;
  };
  for (const q of quals) {
    const a = q.A_Expr;
    if (!a || !['AEXPR_OP', 'AEXPR_IN', 'AEXPR_OP_ANY'].includes(a.kind) || a.name?.[0]?.String?.sval !== '=') continue;
    for (const [col, val] of [[a.lexpr, a.rexpr], [a.rexpr, a.lexpr]] as [Node, Node][]) {
      if (!col || !val) continue;
      if (col.RowExpr) { // (tenant_id, id) in ((…), …)
        for (const arg of col.RowExpr.args as Node[]) { const c = tenantColumn(arg); if (c !== null) out.add(c); }
        continue;
      }
      const c = tenantColumn(col);
      if (c !== null && accept(val)) out.add(c);
    }
  }
  return out;
}

function isTenantsId(v: Node, refs: ReadonlySet<string>): boolean {
  const f = columnFields(unwrap(v));
  return f !== null && f.length === 2 && refs.has(f[0] as string) && f[1] === 'id';
}

function walk(n: unknown, visit: (key: string, node: Node) => void): void {
  if (Array.isArray(n)) { for (const x of n) walk(x, visit); return; }
  if (n === null || typeof n !== 'object') return;
  for (const [k, v] of Object.entries(n as Node)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) visit(k, v as Node);
    walk(v, visit);
  }
}

/** What in `sql` reaches a firm's table without pinning tenant_id; empty when it keeps to one firm. */
export function tenantProblems(sql: string, tenantRelations: ReadonlySet<string>, accept: TenantValue = boundValue): string[] {
  const tree = parseSync(sql) as Node;
  const ctes = new Set<string>();
  walk(tree, (k, n) => { if (k === 'CommonTableExpr') ctes.add(n.ctename as string); });
  const isTenant = (r: Rel) => tenantRelations.has(r.name) && !ctes.has(r.name);
  const problems: string[] = [];
  walk(tree, (k, s) => {
    if (k === 'InsertStmt') {
      const name = s.relation.relname as string;
      const cols = ((s.cols ?? []) as Node[]).map((c) => c.ResTarget?.name);
      if (!isTenant({ name, ref: name })) return;
      const at = cols.indexOf('tenant_id');
      if (at < 0) problems.push(`insert into ${name} without tenant_id`);
      for (const row of (s.selectStmt?.SelectStmt?.valuesLists ?? []) as Node[]) {
        const v = (row.List?.items as Node[] | undefined)?.[at];
        if (at >= 0 && v && !accept(v)) problems.push(`insert into ${name} with a tenant_id the caller does not accept`);
      }
      return;
    }
    if (k !== 'SelectStmt' && k !== 'UpdateStmt' && k !== 'DeleteStmt') return;
    const rels: Rel[] = [];
    const quals: Node[] = conjuncts(s.whereClause);
    if (s.relation) rels.push({ name: s.relation.relname, ref: s.relation.alias?.aliasname ?? s.relation.relname });
    relations(s.fromClause ?? s.usingClause, rels, quals);
    const tenantRels = rels.filter(isTenant);
    if (!tenantRels.length) return;
    // tenants.id is a firm's key too: `s.tenant_id = t.id` joins on it.
    const tenantsRefs = new Set(rels.filter((r) => r.name === 'tenants').map((r) => r.ref));
    const pins = pinned(quals, (v) => accept(v) || (tenantsRefs.size > 0 && isTenantsId(v, tenantsRefs)));
    for (const r of tenantRels) {
      const ok = pins.has(r.ref) || (pins.has('') && rels.length === 1);
      if (!ok) problems.push(`${k.replace('Stmt', '').toLowerCase()} on ${r.name}${r.ref !== r.name ? ` as ${r.ref}` : ''} without tenant_id = …`);
    }
  });
  return problems;
}

/**
 * Statements that span firms on purpose, and why. Each runs on the coordinator in a Citus cluster (a
 * multi-shard statement), never on a request's path. Keep this list short.
 */
export const CROSS_TENANT: readonly { readonly sql: RegExp; readonly why: string }[] = [
  // Login by mobile: the firm is not known until the person's accounts are found (then they choose one).
  { sql: /^select \* from "users" where "mobile" = \$1$/, why: 'login: a mobile\'s accounts across firms' },
  // The public status page: a customer's code names the order; the firm is what it finds.
  { sql: /^select "tenant_id", "order_id" from "order_status_codes" where "code_digest" = \$1 limit \$2$/, why: 'status page: the code finds the firm' },
  // The outbox relay claims the earliest pending events of every firm, then leases them by id
  // (adapters/events/knex-outbox-store.ts): one relay serves all firms.
  { sql: /^select e\.tenant_id, e\.id, e\.subject_type, e\.subject_id from outbox_events e\s/, why: 'outbox relay: pending heads of all firms' },
  { sql: /^update "outbox_events" set "lease_until" = \$1, "lease_token" = \$2 where "id" in \(/, why: 'outbox relay: leasing what it claimed' },
  // …and, while its subscribers work, renewing that lease (the heartbeat), for the same events of all firms.
  { sql: /^update "outbox_events" set "lease_until" = greatest\(lease_until, \$1::timestamptz\) where "id" in \([$\d, ]+\) and "lease_token" = \$\d+ and "?delivered_at"? is null( and parked_at is null and attempts >= 0)?$/, why: 'outbox relay: renewing its lease' },
  // The notifications plugin's sender (a job in every process): the due copies and digests of every firm,
  // claimed with a lease (plugins/notify-channels/delivery/delivery-store.ts).
  { sql: /^\s*update notifications_deliveries d set lease_until = \$1\s+from \(select tenant_id, id from notifications_deliveries\s/, why: 'notifications sender: due copies of all firms' },
  { sql: /^select distinct "tenant_id", "recipient_id", "channel", "digest_at" from "notifications_deliveries" where "state" in /, why: 'notifications sender: due digests of all firms' },
  // The import runner (plugins/import-export, a job in every process): the waiting or abandoned jobs of every
  // firm, and the retention sweep of finished jobs' per-row results, each pairing tenant_id with the job.
  { sql: /^select "tenant_id", "id" from "import_jobs" where \(\("status" = \$1 and "created_at" < \$2\) or \("status" = \$3 and "lease_until" < \$4\)\) order by/, why: 'import runner: claimable jobs of all firms' },
  { sql: /^delete from "import_job_chunks" where \("tenant_id", "job_id"\) in \(select "tenant_id", "id" from "import_jobs" where "finished_at" < \$1\)/, why: 'import retention: finished jobs of all firms' },
  // 审批 timers (a scheduled job): the due reminders and time-outs of every firm.
  { sql: /^select "tenant_id", "id" from "approval_instances" where "status" = \$1 and "next_timer_at" <= \$2 order by/, why: 'approval timers: due instances of all firms' },
];

export interface TenantSqlWatch {
  /** Statements that reached a firm's table without pinning tenant_id, with what was wrong. */
  readonly violations: string[];
}

/** Relations (tables and views) of the current schema that hold firms' rows. */
export async function tenantRelations(knex: import('knex').Knex): Promise<Set<string>> {
  const r = await knex.raw(`select distinct c.relname as name from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind in ('r', 'p', 'v', 'm')
      and a.attname = 'tenant_id' and not a.attisdropped`);
  return new Set((r.rows as { name: string }[]).map((x) => x.name));
}

// A suite sends the same few thousand statement texts again and again: each is parsed once per set of tenant
// relations (the verdict depends on nothing else), which keeps the check's cost small over the whole suite.
const verdicts = new Map<string, Map<string, readonly string[]>>();

function verdictOf(sql: string, relations: Set<string>, known: Map<string, readonly string[]>): readonly string[] {
  let problems = known.get(sql);
  if (problems) return problems;
  if (CROSS_TENANT.some((a) => a.sql.test(sql))) problems = [];
  else {
    try {
      problems = tenantProblems(sql, relations);
    } catch (e) {
      problems = [`could not parse: ${(e as Error).message}`];
    }
  }
  known.set(sql, problems);
  return problems;
}

/** Parses every statement `knex` sends from now on and records those that do not keep to one firm. */
export async function watchTenantSql(knex: import('knex').Knex): Promise<TenantSqlWatch> {
  await loadParser();
  const relations = await tenantRelations(knex);
  const relationsKey = [...relations].sort().join(',');
  const known = verdicts.get(relationsKey) ?? new Map<string, readonly string[]>();
  verdicts.set(relationsKey, known);
  const violations: string[] = [];
  knex.on('query', (q: { sql?: string }) => {
    const sql = q.sql;
    if (!sql) return;
    const problems = verdictOf(sql, relations, known);
    if (problems.length) violations.push(`${problems.join('; ')}\n    ${sql}`);
  });
  return { violations };
}

/**
 * The suite's Knexes are watched (test/support/crm.ts): on for every ava run (package.json's ava
 * environmentVariables set the default), off with YUNZHOU_CHECK_TENANT_SQL=0. Costs ~10 % CPU (docs/scale.md).
 */
export const checkTenantSql = (): boolean => (process.env.YUNZHOU_CHECK_TENANT_SQL ?? process.env.YUNZHOU_CHECK_TENANT_SQL_DEFAULT) === '1';
