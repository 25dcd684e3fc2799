// Readiness to distribute by firm (Citus): read from the catalog of a migrated database, every table holding
// a firm's rows leads its primary key with tenant_id, every unique key includes it, every foreign key between
// firms' tables pairs tenant_id with tenant_id, and no key sets part of itself to null on delete (Citus
// refuses that when the distribution column is in the key). A new table must be classified here.
import test from 'ava';
import { openDatabase } from '../../../adapters/knex/database.js';
import { readTenancy } from '../../../adapters/knex/tenant-catalog.js';
import { backends, testDatabase } from '../../support/database.js';

/** Shared by all firms, with why. Everything else must have tenant_id. */
const SHARED: Record<string, string> = {
  tenants: 'the firms themselves (a reference table)',
  migrations: 'migration history (stays on the coordinator)',
  migrations_lock: 'migration lock (stays on the coordinator)',
  rate_limit_counters: 'request counters keyed by client address, before any firm is known',
  scheduled_runs: 'the scheduler\'s slots: one run per job and slot across all firms',
  status_lookup_failures: 'the public status page\'s failure counters, keyed by client, before any firm is known',
};

for (const backend of backends()) {
  test(`${backend}: every firm's table is keyed by tenant_id, and every shared table is listed`, async (t) => {
    const db = await openDatabase(await testDatabase(backend));
    try {
      const s = await readTenancy(db.knex);
      // A plugin's history (migrations_<plugin> and its lock) is shared like core's.
      const shared = s.sharedTables.filter((n) => !/^migrations_(?!lock$)/.test(n));
      t.deepEqual([...shared].sort(), Object.keys(SHARED).sort(), 'a table without tenant_id must be listed in SHARED (or get tenant_id)');
      t.true(s.tenantTables.length >= 50, `${s.tenantTables.length} tenant tables`);
      const tenant = new Set(s.tenantTables);

      for (const table of s.tenantTables) {
        const pk = s.primaryKeys.find((k) => k.table === table);
        t.is(pk?.columns[0], 'tenant_id', `${table}: primary key ${pk ? pk.columns.join(', ') : '(none)'} must lead with tenant_id`);
      }
      for (const k of s.uniqueKeys.filter((u) => tenant.has(u.table))) {
        t.true(k.columns.includes('tenant_id'), `${k.table}.${k.name} (${k.columns.join(', ')}) must include tenant_id`);
      }
      for (const fk of s.foreignKeys) {
        const from = tenant.has(fk.table);
        const to = tenant.has(fk.references);
        t.false(!from && to, `${fk.table}.${fk.name}: a shared table cannot reference a firm's table`);
        if (from && to) {
          const i = fk.columns.indexOf('tenant_id');
          t.true(i >= 0 && fk.referencedColumns[i] === 'tenant_id', `${fk.table}.${fk.name}: (${fk.columns.join(', ')}) → ${fk.references} (${fk.referencedColumns.join(', ')}) must pair tenant_id`);
        }
        if (from && fk.columns.includes('tenant_id')) {
          t.false(fk.onDelete === 'n' || fk.onDelete === 'd', `${fk.table}.${fk.name}: on delete set null/default over a key holding tenant_id is refused by Citus`);
        }
      }
    } finally {
      await db.close();
    }
  });
}
