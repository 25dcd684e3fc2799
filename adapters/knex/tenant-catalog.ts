// The schema as Citus would see it, read from PostgreSQL's catalog in the current schema (the first of the
// search_path): which tables hold a firm's rows (they have tenant_id), their keys and foreign keys. The
// tenancy test checks it and `yunzhou citus-plan` is generated from it.
import type { Knex } from 'knex';

export interface TableKey {
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
}

export interface ForeignKey extends TableKey {
  readonly references: string;
  readonly referencedColumns: readonly string[];
  /** pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  readonly onDelete: string;
  /** Columns an `on delete set null (…)` / `set default (…)` names; empty when it names none. */
  readonly onDeleteColumns: readonly string[];
  /** pg_get_constraintdef: to add the key again. */
  readonly definition: string;
}

export interface Tenancy {
  readonly schema: string;
  /** Tables with a tenant_id column: a firm's rows, to be distributed by tenant_id. */
  readonly tenantTables: readonly string[];
  /** Tables without one: shared by all firms. */
  readonly sharedTables: readonly string[];
  readonly primaryKeys: readonly TableKey[];
  /** Unique constraints and unique indexes (key columns; an expression shows as '(expression)'). */
  readonly uniqueKeys: readonly TableKey[];
  readonly foreignKeys: readonly ForeignKey[];
  /** Triggers that are not internal (constraint triggers are), by table. */
  readonly triggers: readonly { readonly table: string; readonly name: string; readonly fn: string }[];
}

const rows = async <T>(knex: Knex, sql: string): Promise<T[]> => ((await knex.raw(sql)) as { rows: T[] }).rows;

const names = (a: unknown): string[] => (Array.isArray(a) ? a : String(a).replace(/^\{|\}$/g, '').split(',').filter(Boolean)) as string[];

export async function readTenancy(knex: Knex): Promise<Tenancy> {
  const schema = (await rows<{ schema: string }>(knex, "select current_schema() as schema"))[0]?.schema ?? 'public';
  const inSchema = `c.relnamespace = (select oid from pg_namespace where nspname = current_schema())`;
  const tables = await rows<{ name: string; tenant: boolean }>(knex, `
    select c.relname as name, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant
    from pg_class c where ${inSchema} and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`);
  const cols = (rel: string, keys: string) =>
    `array(select a.attname::text from unnest(${keys}) with ordinality u(n, i) join pg_attribute a on a.attrelid = ${rel} and a.attnum = u.n order by u.i)`;
  const constraints = await rows<{ table: string; name: string; type: string; columns: unknown; references: string | null; referenced: unknown; deltype: string; delcols: unknown; definition: string }>(knex, `
    select c.relname as table, k.conname as name, k.contype as type, ${cols('k.conrelid', 'k.conkey')} as columns,
      r.relname as references, ${cols('k.confrelid', 'k.confkey')} as referenced, k.confdeltype as deltype,
      ${cols('k.conrelid', "coalesce(k.confdelsetcols, '{}')")} as delcols, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid left join pg_class r on r.oid = k.confrelid
    where ${inSchema} and k.contype in ('p', 'u', 'f') order by 1, 2`);
  const uniqueIndexes = await rows<{ table: string; name: string; columns: unknown }>(knex, `
    select c.relname as table, i.relname as name,
      array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey[0:x.indnkeyatts - 1]) with ordinality k(n, o)
            left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o) as columns
    from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    where ${inSchema} and x.indisunique and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u'))
    order by 1, 2`);
  const triggers = await rows<{ table: string; name: string; fn: string }>(knex, `
    select c.relname as table, t.tgname as name, p.proname as fn
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
    where ${inSchema} and not t.tgisinternal order by 1, 2`);
  const key = (r: { table: string; name: string; columns: unknown }): TableKey => ({ table: r.table, name: r.name, columns: names(r.columns) });
  return {
    schema,
    tenantTables: tables.filter((t) => t.tenant).map((t) => t.name),
    sharedTables: tables.filter((t) => !t.tenant).map((t) => t.name),
    primaryKeys: constraints.filter((c) => c.type === 'p').map(key),
    uniqueKeys: [...constraints.filter((c) => c.type === 'u').map(key), ...uniqueIndexes.map(key)],
    foreignKeys: constraints.filter((c) => c.type === 'f').map((c) => ({
      ...key(c), references: c.references as string, referencedColumns: names(c.referenced), onDelete: c.deltype, onDeleteColumns: names(c.delcols), definition: c.definition,
    })),
    triggers,
  };
}
