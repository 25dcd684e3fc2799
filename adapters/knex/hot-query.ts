// The request path's hottest query (resolving a bearer token) skips Knex's query runner: on PostgreSQL it
// borrows a connection from Knex's own pool and runs a named statement (planned once per connection).
// Measured: Knex's runner halves the throughput of a one-row SELECT (docs/performance.md). With the URL's
// `named_statements=off` (PgBouncer in transaction pooling) it goes through Knex unnamed like every query.
// prepared() names other hot reads the same way, through Knex.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

interface PgConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Record<string, any>[] }>;
}

/** PostgreSQL through node-postgres, and named statements not turned off (PgBouncer before 1.21). */
const namedStatementsOn = (db: Knex): boolean =>
  db.client.config.client === 'pg' && (db.client.config as { namedStatements?: boolean }).namedStatements !== false;

/** `text` uses $1, $2 … placeholders; runs inside `db`'s transaction when `db` is one. */
export async function hotQuery(db: Knex, name: string, text: string, values: readonly unknown[]): Promise<Record<string, any>[]> {
  const isTransaction = (db as Knex & { isTransaction?: boolean }).isTransaction === true;
  if (isTransaction || !namedStatementsOn(db)) {
    const res = await db.raw(text.replace(/\$\d+/g, '?'), values as Knex.RawBinding[]);
    return res.rows;
  }
  const conn = (await db.client.acquireConnection()) as PgConnection;
  try {
    return (await conn.query({ name, text, values })).rows;
  } finally {
    await db.client.releaseConnection(conn);
  }
}

/**
 * A Knex query run as a named statement on its connection (in a transaction too): for reads of the order
 * views, whose planning costs several times their execution (docs/performance.md). After five runs
 * PostgreSQL keeps a generic plan for the name. The name carries a hash of the SQL text, so a query built
 * differently never runs under another's name. Unchanged where named statements are off.
 */
export function prepared<Q extends Knex.QueryBuilder>(db: Knex, name: string, query: Q): Q {
  if (!namedStatementsOn(db)) return query;
  const digest = createHash('sha1').update(query.toSQL().sql).digest('base64url').slice(0, 12);
  return query.options({ name: `yz_${name}_${digest}` }) as Q;
}
