// The triggers Citus runs only with citus.enable_unsafe_triggers (briefing summaries, collections) are safe
// there because each touches only rows of the firm of the row that fired it, which live on the same node
// (co-located by tenant_id). Read from pg_proc and parsed with PostgreSQL's parsers: every statement of every
// trigger function, and of the functions they call, pins tenant_id to NEW/OLD.tenant_id (or to the p_tenant
// argument such a call passes on), and every call passes NEW/OLD.tenant_id as p_tenant. docs/scale.md lists them.
import test from 'ava';
import { parsePlPgSQLSync, parseSync } from 'libpg-query';
import { openDatabase } from '../../../adapters/knex/database.js';
import { readTenancy } from '../../../adapters/knex/tenant-catalog.js';
import { backends, testDatabase } from '../../support/database.js';
import { loadParser, tenantProblems, tenantRelations, type TenantValue } from '../../support/tenant-sql.js';

type Node = Record<string, any>;

const fields = (n: Node): string[] => (n.TypeCast ? fields(n.TypeCast.arg) : n.ColumnRef ? n.ColumnRef.fields.map((f: Node) => f.String?.sval ?? '*') : []);

/** Inside a trigger: NEW/OLD.tenant_id, a joined row's tenant_id, the p_tenant argument; on tenants, NEW.id. */
const sameFirm = (onTenants: boolean): TenantValue => (n) => {
  const f = fields(n);
  return f.join('.') === 'p_tenant' || (f.length === 2 && f[1] === 'tenant_id') || (onTenants && f.join('.') === 'new.id');
};

function queries(n: unknown, out: string[] = []): string[] {
  if (Array.isArray(n)) n.forEach((x) => queries(x, out));
  else if (n && typeof n === 'object') {
    for (const [k, v] of Object.entries(n)) {
      if (k === 'PLpgSQL_expr' && typeof (v as Node).query === 'string') out.push((v as Node).query);
      queries(v, out);
    }
  }
  return out;
}

function calls(n: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(n)) n.forEach((x) => calls(x, out));
  else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) { if (k === 'FuncCall') out.push(v as Node); calls(v, out); }
  return out;
}

for (const backend of backends()) {
  test(`${backend}: every trigger touches only rows of the firm of the row that fired it`, async (t) => {
    await loadParser();
    const db = await openDatabase(await testDatabase(backend));
    try {
      const { triggers } = await readTenancy(db.knex);
      const relations = await tenantRelations(db.knex);
      const fns = (await db.knex.raw(`select p.proname as name, pg_get_functiondef(p.oid) as def, coalesce(p.proargnames, '{}') as args
        from pg_proc p where p.pronamespace = (select oid from pg_namespace where nspname = current_schema()) and p.prolang = (select oid from pg_language where lanname = 'plpgsql')`)).rows as { name: string; def: string; args: string[] | string }[];
      const argNames = (a: string[] | string) => (Array.isArray(a) ? a : a.replace(/^\{|\}$/g, '').split(',').filter(Boolean));
      const helpers = new Map(fns.filter((f) => argNames(f.args).includes('p_tenant')).map((f) => [f.name, argNames(f.args).indexOf('p_tenant')]));
      const byName = new Map(fns.map((f) => [f.name, f]));
      t.true(triggers.length >= 15, `${triggers.length} triggers`);

      const checked = new Set<string>();
      const check = (fn: string, onTenants: boolean): void => {
        if (checked.has(`${fn}:${onTenants}`)) return;
        checked.add(`${fn}:${onTenants}`);
        const def = byName.get(fn);
        if (!def) { t.fail(`${fn}: not a PL/pgSQL function of the schema`); return; }
        const accept = sameFirm(onTenants);
        for (const q of queries(parsePlPgSQLSync(def.def))) {
          let sql = q;
          try { parseSync(sql); } catch { sql = `select ${q}`; } // a bare expression (IF/RETURN conditions)
          t.deepEqual(tenantProblems(sql, relations, accept), [], `${fn}: ${q.trim()}`);
          for (const c of calls(parseSync(sql))) {
            const name = c.funcname[c.funcname.length - 1].String.sval as string;
            const at = helpers.get(name);
            if (at === undefined) continue;
            t.true(accept(c.args?.[at] ?? {}), `${fn}: ${name}(…) must pass the firm of the row as p_tenant: ${q.trim()}`);
            check(name, false);
          }
        }
      };
      for (const trg of triggers) check(trg.fn, trg.table === 'tenants');
      t.true(checked.has('briefing_add:false'), 'the helpers were followed');
    } finally {
      await db.close();
    }
  });
}
