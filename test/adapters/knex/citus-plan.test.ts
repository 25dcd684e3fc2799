// `yunzhou citus-plan`: from the catalog of a migrated database, every firm table distributed once by tenant_id,
// co-located with one anchor, after every table it references; every shared table a reference table first.
import test from 'ava';
import { openDatabase } from '../../../adapters/knex/database.js';
import { readTenancy } from '../../../adapters/knex/tenant-catalog.js';
import { citusPlanSql, distributionOrder } from '../../../adapters/knex/citus-plan.js';
import { backends, testDatabase } from '../../support/database.js';

test('tables are distributed after the tables they reference; a key closing a cycle is deferred', (t) => {
  const fk = (table: string, references: string) => ({ table, name: `${table}_fk`, columns: ['tenant_id', 'x'], references, referencedColumns: ['tenant_id', 'id'], onDelete: 'a', onDeleteColumns: [], definition: '' });
  const plain = distributionOrder({ tenantTables: ['a_lines', 'b_orders', 'c_users'], foreignKeys: [fk('a_lines', 'b_orders'), fk('b_orders', 'c_users'), fk('b_orders', 'tenants')] });
  t.deepEqual(plain, { tables: ['c_users', 'b_orders', 'a_lines'], deferred: [] });
  const cycle = distributionOrder({ tenantTables: ['a', 'b'], foreignKeys: [fk('a', 'b'), fk('b', 'a')] });
  t.deepEqual(cycle.tables, ['b', 'a']);
  t.deepEqual(cycle.deferred.map((d) => d.name), ['b_fk']);
});

for (const backend of backends()) {
  test(`${backend}: the plan of the migrated schema`, async (t) => {
    const db = await openDatabase(await testDatabase(backend));
    try {
      const tenancy = await readTenancy(db.knex);
      const sql = citusPlanSql(tenancy);
      const q = (n: string) => `'${tenancy.schema}.${n}'`;
      const distributed = [...sql.matchAll(/create_distributed_table\('[^.]+\.(\w+)', 'tenant_id'(?:, colocate_with => '[^.]+\.(\w+)')?\)/g)];
      t.deepEqual(distributed.map((m) => m[1]).sort(), [...tenancy.tenantTables].sort());
      const anchor = distributed[0]?.[1] as string;
      t.true(distributed.slice(1).every((m) => m[2] === anchor), 'all co-located with the first');
      const position = (n: string) => sql.indexOf(`(${q(n)}`);
      const { deferred } = distributionOrder(tenancy);
      for (const fk of tenancy.foreignKeys.filter((k) => !deferred.includes(k) && k.table !== k.references)) {
        t.true(position(fk.references) < position(fk.table), `${fk.references} before ${fk.table}`);
      }
      for (const fk of deferred) {
        t.true(sql.includes(`alter table ${tenancy.schema}.${fk.table} drop constraint ${fk.name};`), fk.name);
        t.true(sql.indexOf(`add constraint ${fk.name} FOREIGN KEY`) > sql.lastIndexOf('create_distributed_table'), `${fk.name} added again after`);
      }
      for (const n of tenancy.sharedTables.filter((s) => !s.startsWith('migrations'))) t.true(sql.includes(`create_reference_table(${q(n)})`), n);
      t.false(sql.includes('migrations\')'));
      t.regex(sql, /^set citus\.enable_unsafe_triggers = on;$/m);
    } finally {
      await db.close();
    }
  });
}
