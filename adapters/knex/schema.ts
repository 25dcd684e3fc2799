// Yunzhou's tables live in their own PostgreSQL schema, so a host app's `users`, `orders` or
// `knex_migrations` never meet ours. Unqualified names in our SQL resolve through search_path: on a pool
// yunzhou owns, each connection opens with `<schema>, public`; on a host's Knex, yunzhou works through a
// clone that shares the host's pool and puts our search_path on a connection only while yunzhou holds it.
import type { Knex } from 'knex';

export type DatabaseKind = 'pglite' | 'postgres';

export const DEFAULT_SCHEMA = 'yunzhou';

/** A plain lower-case identifier: it is quoted into SQL, and a typo should fail at start, not later. */
export function schemaName(name: string | undefined): string {
  const s = name ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new Error(`database schema "${s}" must be a lower-case identifier (letters, digits, _)`);
  return s;
}

/** Ours first (new tables land there); public after it, for extensions' functions. */
export function searchPath(schema: string): string[] {
  return [schema, 'public'];
}

/** A migration set's history table inside the schema: core's `migrations`, a plugin's `migrations_<name>`. */
export function historyTable(owner: string): string {
  return owner === 'core' ? 'migrations' : `migrations_${owner.replace(/[^a-z0-9_]/gi, '_')}`;
}

/** A host's Knex over PGlite (knex-pglite keeps the instance on its client), else PostgreSQL. */
export function kindOf(knex: Knex): DatabaseKind {
  return 'pglite' in (knex.client as object) ? 'pglite' : 'postgres';
}

interface RawConnection {
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, string>[] }>;
}

interface QueryObject {
  options?: Record<string, unknown>;
}

type ClientClass = new (...args: never[]) => Knex.Client;

/**
 * Yunzhou's view of a host's Knex: same pool, same connection settings, but while yunzhou holds a
 * connection (one lone query or one whole transaction) its search_path is ours, and on release the host's
 * own search_path is put back before the pool hands the connection to anyone. Our type parsers ride on
 * each of our queries (`typeParsers`), so the host's choices for int8 and date do not change our values.
 */
export function scopedToSchema(host: Knex, schema: string, typeParsers: Record<string, unknown>): Knex {
  const knex = host.withUserParams({ ...host.userParams });
  const client = knex.client as Knex.Client;
  const Base = Object.getPrototypeOf(client).constructor as ClientClass;
  const ours = searchPath(schema).map((s) => `"${s}"`).join(', ');
  const hostPaths = new WeakMap<object, string>();

  // A subclass rather than patched methods: a transaction's client is made from the prototype.
  class ScopedClient extends Base {
    override async acquireConnection(): Promise<unknown> {
      const connection = (await super.acquireConnection()) as RawConnection;
      try {
        // Left to right: the host's path is read before ours is set.
        const { rows } = await connection.query(`select current_setting('search_path') as host, set_config('search_path', $1, false)`, [ours]);
        hostPaths.set(connection, rows[0]!.host!);
      } catch (e) {
        await super.releaseConnection(connection);
        throw e;
      }
      return connection;
    }

    override async releaseConnection(connection: unknown): Promise<void> {
      const hostPath = hostPaths.get(connection as object);
      hostPaths.delete(connection as object);
      try {
        if (hostPath !== undefined) await (connection as RawConnection).query(`select set_config('search_path', $1, false)`, [hostPath]);
      } catch {
        // A broken connection: the pool's validation drops it.
      }
      await super.releaseConnection(connection);
    }

    _query(connection: unknown, obj: QueryObject): Promise<unknown> {
      obj.options = { ...typeParsers, ...obj.options };
      return (Base.prototype as unknown as { _query(c: unknown, o: QueryObject): Promise<unknown> })._query.call(this, connection, obj);
    }
  }
  Object.setPrototypeOf(client, ScopedClient.prototype);
  return knex;
}
