// The tenant-SQL check itself (test/support/tenant-sql.ts, on for the whole suite): what it refuses, what it
// lets through, and that the few statements spanning firms on purpose are named exactly.
import test from 'ava';
import { CROSS_TENANT, loadParser, tenantProblems } from '../support/tenant-sql.js';

const tenantTables = new Set(['tasks', 'users', 'outbox_events', 'messages']);
const allowed = (sql: string): boolean => CROSS_TENANT.some((a) => a.sql.test(sql));

test.before(async () => { await loadParser(); });

test('a statement on a firm\'s table must pin tenant_id; joins pin each table; an insert names it', (t) => {
  t.deepEqual(tenantProblems('select * from "tasks" where "id" = $1', tenantTables), ['select on tasks without tenant_id = …']);
  t.deepEqual(tenantProblems('select * from "tasks" where "tenant_id" = $1 and "id" = $2', tenantTables), []);
  t.deepEqual(tenantProblems('update "tasks" set "title" = $1 where "id" = $2', tenantTables), ['update on tasks without tenant_id = …']);
  t.deepEqual(tenantProblems('select t.* from tasks t join users u on u.id = t.assignee_id where t.tenant_id = $1', tenantTables), ['select on users as u without tenant_id = …']);
  t.deepEqual(tenantProblems('select t.* from tasks t join users u on u.tenant_id = t.tenant_id and u.id = t.assignee_id where t.tenant_id = $1', tenantTables), []);
  t.deepEqual(tenantProblems('insert into "messages" ("id") values ($1)', tenantTables), ['insert into messages without tenant_id']);
  // A NOTIFY reads no table (the live badges' signal).
  t.deepEqual(tenantProblems('select pg_notify($1, $2)', tenantTables), []);
});

test('the outbox relay\'s lease and its heartbeat span firms on purpose, and only those exact statements pass', (t) => {
  const heartbeat = 'update "outbox_events" set "lease_until" = greatest(lease_until, $1::timestamptz) where "id" in ($2, $3, $4) and "lease_token" = $5 and "delivered_at" is null';
  t.true(allowed(heartbeat));
  // Its shape since the claim walks the pending index (adapters/events/knex-outbox-store.ts).
  t.true(allowed('update "outbox_events" set "lease_until" = greatest(lease_until, $1::timestamptz) where "id" in ($2, $3) and "lease_token" = $4 and delivered_at is null and parked_at is null and attempts >= 0'));
  t.false(allowed('update "outbox_events" set "lease_until" = greatest(lease_until, $1::timestamptz) where "id" in ($2) and "lease_token" = $3 and delivered_at is null and parked_at is null and attempts >= 0 or true'));
  t.true(allowed('select "tenant_id", "id" from "import_jobs" where (("status" = $1 and "created_at" < $2) or ("status" = $3 and "lease_until" < $4)) order by "created_at" asc limit $5'));
  t.true(allowed('update "outbox_events" set "lease_until" = $1, "lease_token" = $2 where "id" in ($3, $4)'));
  t.false(allowed('update "outbox_events" set "lease_until" = greatest(lease_until, $1::timestamptz) where "id" in ($2) and "lease_token" = $3 and "delivered_at" is null or true'));
  t.false(allowed('update "outbox_events" set "delivered_at" = $1 where "id" in ($2)'));
  t.false(allowed('select * from "users" where "id" = $1'));
});
