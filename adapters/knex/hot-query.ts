// The request path's hottest query (resolving a bearer token) skips Knex's query runner: on PostgreSQL it
// borrows a connection from Knex's own pool and runs a named statement (planned once per connection).
// Measured: Knex's runner halves the throughput of a one-row SELECT (docs/performance.md). With the URL's
// `named_statements=off` (PgBouncer in transaction pooling) it goes through Knex unnamed like every query.
import type { Knex } from 'knex';

interface PgConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Record<string, any>[] }>;
}

/** `text` uses $1, $2 … placeholders; runs inside `db`'s transaction when `db` is one. */
export async function hotQuery(db: Knex, name: string, text: string, values: readonly unknown[]): Promise<Record<string, any>[]> {
  const isTransaction = (db as Knex & { isTransaction?: boolean }).isTransaction === true;
  const named = db.client.config.client === 'pg' && (db.client.config as { namedStatements?: boolean }).namedStatements !== false;
  if (isTransaction || !named) {
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
