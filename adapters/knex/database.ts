// One Knex instance over either the embedded database (PGlite through knex-pglite) or PostgreSQL (pg pool),
// configured so both return the same JavaScript types: int8 as a safe integer number (money in fen), date
// as 'YYYY-MM-DD' text, numeric as exact text, timestamptz as Date.
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { kindOf, schemaName, scopedToSchema, searchPath, type DatabaseKind } from './schema.js';

export type { DatabaseKind } from './schema.js';
export { DEFAULT_SCHEMA } from './schema.js';

export interface Database {
  /** Yunzhou's Knex: every query it runs resolves unqualified names in `schema` first. */
  readonly knex: Knex;
  readonly kind: DatabaseKind;
  /** The PostgreSQL schema holding yunzhou's tables and migration history (default `yunzhou`). */
  readonly schema: string;
  /** The embedded database itself (its own LISTEN, for the console's live badges); absent on PostgreSQL. */
  readonly embedded?: PGlite;
  /** Closes the pool or the embedded database, unless the host owns the Knex instance. */
  close(): Promise<void>;
}

export type DatabaseOptions = (
  | { readonly knex: Knex; readonly kind?: DatabaseKind } // the host app's own instance; the host closes it
  // `?named_statements=off` on the URL: behind PgBouncer in transaction pooling (before 1.21, or with
  // max_prepared_statements = 0) a statement prepared on one server connection is missing on the next.
  | { readonly url: string; readonly poolMax?: number }
  | { readonly dataDir: string } // embedded, on disk
  | { readonly memory: true; readonly loadDataDir?: Blob } // embedded, in memory (tests, demos)
) & {
  /** The schema for yunzhou's tables and history (default `yunzhou`; YUNZHOU_DB_SCHEMA from the environment). */
  readonly schema?: string;
};

const INT8 = 20;
const DATE = 1082;

/** int8 → number, refusing loudly beyond 2^53 instead of silently losing fen. */
export function parseSafeInt8(text: string | number | bigint): number {
  const n = typeof text === 'number' ? text : Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${String(text)} is beyond 2^53 and cannot be represented exactly`);
  return n;
}
const keepText = (text: string): string => text;

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8) return parseSafeInt8;
      if (oid === DATE) return keepText;
      return pg.types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

function pgliteParsers(): Record<number, (value: string, typeId?: number) => unknown> {
  return { [pgliteTypes.INT8]: parseSafeInt8, [pgliteTypes.DATE]: keepText };
}

function knexForPglite(pglite: PGlite, schema: string): Knex {
  return knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client, dialect: 'postgres', connection: () => ({ pglite }) as never, useNullAsDefault: true, searchPath: searchPath(schema),
  });
}

/** Knex's own warnings, less the one it prints for every connection a database outage breaks: the HTTP
 * adapter reports the outage once (503 database.unavailable), a line per request would bury it. */
export const quietKnexLog = {
  warn(message: unknown): void {
    if (typeof message === 'string' && /^(Connection Error|Acquire connection error): /.test(message)) return;
    console.warn(message);
  },
};

/** Takes yunzhou's own `named_statements=off` out of a PostgreSQL URL (the server would not know it). */
export function withoutNamedStatementsSetting(url: string): { url: string; namedStatements: boolean } {
  const m = /([?&])named_statements=(on|off)(&|$)/.exec(url);
  if (!m) return { url, namedStatements: true };
  const rest = url.slice(0, m.index) + (m[3] ? m[1] : '') + url.slice(m.index + m[0].length);
  return { url: rest, namedStatements: m[2] === 'on' };
}

/**
 * Takes yunzhou's own `search_path=server` out of a PostgreSQL URL: the server sets the search path (ALTER
 * ROLE … SET search_path, or PgBouncer's connect_query), so yunzhou never sets it on a session.
 */
export function withoutSearchPathSetting(url: string): { url: string; serverSearchPath: boolean } {
  const m = /([?&])search_path=server(&|$)/.exec(url);
  if (!m) return { url, serverSearchPath: false };
  return { url: url.slice(0, m.index) + (m[2] ? m[1] : '') + url.slice(m.index + m[0].length), serverSearchPath: true };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = schemaName(options.schema);
  if ('knex' in options) {
    const kind = options.kind ?? kindOf(options.knex);
    return { knex: scopedToSchema(options.knex, schema, kind === 'pglite' ? { parsers: pgliteParsers() } : { types: pgTypes() }), kind, schema, close: async () => {} };
  }
  if ('url' in options) {
    const settings = withoutSearchPathSetting(options.url);
    const { url, namedStatements } = withoutNamedStatementsSetting(settings.url);
    // Our own pool: every connection opens with yunzhou's schema first on its search_path, unless the
    // server gives it (behind PgBouncer in transaction pooling a session setting would leak to others).
    const knex = knexFactory({
      client: 'pg',
      connection: { connectionString: url, types: pgTypes() } as Knex.PgConnectionConfig,
      pool: { min: 0, max: options.poolMax ?? 10 },
      ...(settings.serverSearchPath ? {} : { searchPath: searchPath(schema) }),
      log: quietKnexLog,
      namedStatements, // read by hotQuery
    } as Knex.Config);
    return { knex, kind: 'postgres', schema, close: () => knex.destroy() };
  }
  let pglite: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    pglite = new PGlite(options.dataDir, { parsers: pgliteParsers() });
  } else {
    pglite = new PGlite({ parsers: pgliteParsers(), ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  }
  await pglite.waitReady;
  const knex = knexForPglite(pglite, schema);
  return {
    knex,
    kind: 'pglite',
    schema,
    embedded: pglite,
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Dumps an embedded database (a migrated template that tests load instead of migrating again). */
export async function dumpEmbedded(db: Database): Promise<Blob> {
  const conn = (await db.knex.client.acquireConnection()) as PGlite;
  try {
    return await conn.dumpDataDir('none');
  } finally {
    await db.knex.client.releaseConnection(conn);
  }
}
