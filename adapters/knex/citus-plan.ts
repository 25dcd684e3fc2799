// `yunzhou citus-plan`: the SQL that distributes a migrated yunzhou database by firm on Citus, generated from
// the catalog. Shared tables become reference tables (copied to every node) before the firms' tables are
// distributed by tenant_id, all co-located with one anchor table so that a firm's rows of every table live
// on the same node and joins and foreign keys on (tenant_id, …) stay local. docs/scale.md explains it.
import type { Knex } from 'knex';
import { readTenancy, type ForeignKey, type Tenancy } from './tenant-catalog.js';

/** Migration bookkeeping: only the coordinator migrates, so these stay local tables there. */
// The migration histories (core's and each plugin's, with their locks) stay on the coordinator.
const isCoordinatorOnly = (table: string): boolean => /^migrations(_|$)/.test(table);

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export interface DistributionOrder {
  /** The firms' tables, each after the tables it references (Citus distributes a referenced table first). */
  readonly tables: readonly string[];
  /** Keys that close a cycle (users ⇄ departments): dropped before distributing, added again after. */
  readonly deferred: readonly ForeignKey[];
}

export function distributionOrder(t: Pick<Tenancy, 'tenantTables' | 'foreignKeys'>): DistributionOrder {
  const tenant = new Set(t.tenantTables);
  const edges = t.foreignKeys.filter((fk) => tenant.has(fk.table) && tenant.has(fk.references) && fk.table !== fk.references)
    .sort((a, b) => (a.table + a.name).localeCompare(b.table + b.name));
  const tables: string[] = [];
  const deferred: ForeignKey[] = [];
  const done = new Set<string>();
  const path = new Set<string>();
  const visit = (n: string): void => {
    if (done.has(n)) return;
    path.add(n);
    for (const fk of edges.filter((e) => e.table === n)) {
      if (path.has(fk.references)) deferred.push(fk);
      else visit(fk.references);
    }
    path.delete(n);
    done.add(n);
    tables.push(n);
  };
  for (const n of [...t.tenantTables].sort()) visit(n);
  return { tables, deferred };
}

export function citusPlanSql(t: Tenancy): string {
  const { tables: order, deferred } = distributionOrder(t);
  const anchor = order[0];
  const qualified = (n: string): string => literal(`${t.schema}.${n}`);
  const table = (n: string): string => `${t.schema}.${n}`;
  const lines = [
    `-- yunzhou on Citus: ${order.length} firm tables distributed by tenant_id (co-located), ${t.sharedTables.filter((n) => !isCoordinatorOnly(n)).length} reference tables.`,
    '-- Run on the coordinator, on a migrated database, once, in a maintenance window (see docs/scale.md).',
    '-- Triggers keep the briefing summaries and collections in step; each touches only rows of the same firm',
    '-- (NEW/OLD.tenant_id), which is what makes this setting safe here (test/adapters/knex/triggers.test.ts).',
    'set citus.enable_unsafe_triggers = on;',
    'begin;',
    '-- Shared tables: one copy on every node.',
    ...t.sharedTables.filter((n) => !isCoordinatorOnly(n)).map((n) => `select create_reference_table(${qualified(n)});`),
    ...t.sharedTables.filter((n) => isCoordinatorOnly(n)).map((n) => `-- ${n}: stays a local table on the coordinator (only the coordinator migrates).`),
    ...(deferred.length ? ['-- Keys that close a cycle: dropped while their tables are distributed, added again below.'] : []),
    ...deferred.map((fk) => `alter table ${table(fk.table)} drop constraint ${fk.name};`),
    `-- Firm tables, referenced tables first, all co-located with ${anchor ?? '(none)'}.`,
    ...order.map((n, i) => i === 0
      ? `select create_distributed_table(${qualified(n)}, 'tenant_id');`
      : `select create_distributed_table(${qualified(n)}, 'tenant_id', colocate_with => ${qualified(anchor as string)});`),
    ...deferred.map((fk) => `alter table ${table(fk.table)} add constraint ${fk.name} ${fk.definition};`),
    'commit;',
  ];
  return `${lines.join('\n')}\n`;
}

/** Reads the catalog of the database behind `knex` and returns the plan. */
export async function citusPlan(knex: Knex): Promise<string> {
  return citusPlanSql(await readTenancy(knex));
}
