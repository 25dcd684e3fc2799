// isConnectionLost: which failures mean "the database is not there right now" (503, try again) and which are
// the request's or the code's (4xx, 500). Table-driven over the shapes pg, knex and Node give, then the
// same shapes caught live: a refused connection, and on PostgreSQL a terminated session and a pool timeout.
import test from 'ava';
import knexFactory from 'knex';
import pg from 'pg';
import { createServer } from 'node:net';
import { isConnectionLost } from '../../../adapters/knex/connection-lost.js';
import { quietKnexLog } from '../../../adapters/knex/database.js';
import { domainError } from '../../../core/shared/domain-error.js';

const { KnexTimeoutError } = knexFactory as unknown as { KnexTimeoutError: new (message: string) => Error };

/** An error as pg-protocol builds it from a server's ErrorResponse. */
function pgError(code: string, message: string): pg.DatabaseError {
  const e = new pg.DatabaseError(message, message.length, 'error');
  e.code = code;
  e.severity = 'FATAL';
  return e;
}
/** An error as Node's net module gives it. */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno: -111, syscall: 'connect' });
}
const SQL = 'select "i".* from "inquiries" as "i" where "i"."tenant_id" = $1';
/** knex's wrapping: the SQL, " - ", then the driver's message, on the driver's own error object. */
const viaKnex = (e: Error): Error => Object.assign(e, { message: `${SQL} - ${e.message}` });

const LOST: [string, unknown][] = [
  ['ECONNREFUSED (server down)', socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
  ['ECONNRESET (socket cut)', viaKnex(socketError('ECONNRESET', 'read ECONNRESET'))],
  ['EPIPE', socketError('EPIPE', 'write EPIPE')],
  ['ETIMEDOUT', socketError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.5:5432')],
  ['AggregateError of refused addresses (localhost: ::1 and 127.0.0.1)', Object.assign(new AggregateError([socketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')], ''), { code: 'ECONNREFUSED' })],
  ['57P01 admin_shutdown', viaKnex(pgError('57P01', 'terminating connection due to administrator command'))],
  ['57P02 crash_shutdown', pgError('57P02', 'terminating connection because of crash of another server process')],
  ['57P03 cannot_connect_now (starting up)', pgError('57P03', 'the database system is starting up')],
  ['57P03 cannot_connect_now (shutting down)', pgError('57P03', 'the database system is shutting down')],
  ['53300 too_many_connections', pgError('53300', 'sorry, too many clients already')],
  ['08006 connection_failure', pgError('08006', 'connection failure')],
  ['08003 connection_does_not_exist', pgError('08003', 'connection does not exist')],
  ['08P01 protocol_violation', pgError('08P01', 'invalid frontend message type')],
  ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
  ['pg through knex: … - Connection terminated unexpectedly', viaKnex(new Error('Connection terminated unexpectedly'))],
  ['pg: Connection terminated due to connection timeout', new Error('Connection terminated due to connection timeout')],
  ['pg: not queryable after a connection error', new Error('Client has encountered a connection error and is not queryable')],
  ['pg: closed client', new Error('Client was closed and is not queryable')],
  ['knex pool acquire timeout', new KnexTimeoutError('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?')],
  ['wrapped: an Error whose cause is a lost connection', new Error('loading the order failed', { cause: socketError('ECONNRESET', 'read ECONNRESET') })],
];

const NOT_LOST: [string, unknown][] = [
  ['23505 unique_violation', viaKnex(pgError('23505', 'duplicate key value violates unique constraint "inquiries_pkey"'))],
  ['22P05 untranslatable_character (NUL)', pgError('22P05', 'unsupported Unicode escape sequence')],
  ['40P01 deadlock', pgError('40P01', 'deadlock detected')],
  ['42601 syntax error', pgError('42601', 'syntax error at or near "form"')],
  ['57014 query_canceled (statement timeout)', pgError('57014', 'canceling statement due to statement timeout')],
  ['a message that only quotes the words', viaKnex(pgError('23505', "duplicate key value: ('Connection terminated unexpectedly') already exists"))],
  ['ENOENT (a file)', socketError('ENOENT', "ENOENT: no such file or directory, open 'x'")],
  ['a DomainError', domainError('order.not_found', 'not_found', '订单不存在', 'No such order')],
  ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ['an AggregateError with one other failure', new AggregateError([socketError('ECONNREFUSED', 'x'), new Error('bad')], '')],
  ['null', null],
  ['a string', 'Connection terminated unexpectedly'],
];

for (const [name, err] of LOST) test(`lost: ${name}`, (t) => t.true(isConnectionLost(err)));
for (const [name, err] of NOT_LOST) test(`not lost: ${name}`, (t) => t.false(isConnectionLost(err)));

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

test('live: connecting to a port nobody listens on', async (t) => {
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres` });
  const err = await t.throwsAsync(() => client.connect());
  t.true(isConnectionLost(err));
});

if (process.env.TEST_DATABASE_URL) {
  const url = process.env.TEST_DATABASE_URL;

  test('live (PostgreSQL): a session terminated by the server, through knex, and the query after it', async (t) => {
    const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 1, max: 1 }, log: quietKnexLog });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const pid = (await knex.raw('select pg_backend_pid() as pid')).rows[0].pid as number;
      const during = Promise.resolve(knex.raw('select pg_sleep(5)')); // started now (a knex query runs when awaited)
      await new Promise((r) => setTimeout(r, 200));
      await admin.query('select pg_terminate_backend($1)', [pid]);
      const err = await t.throwsAsync(during);
      t.is((err as { code?: string }).code, '57P01');
      t.true(isConnectionLost(err));
      const next: unknown = await knex.raw('select 1').then(() => null, (e: unknown) => e); // may meet the dead connection once
      if (next !== null) t.true(isConnectionLost(next), String(next));
      const wrong = await knex.raw('select 1 from no_such_table').then(() => null, (e: unknown) => e);
      t.is((wrong as { code?: string }).code, '42P01');
      t.false(isConnectionLost(wrong), 'a wrong query is not a lost connection');
    } finally {
      await admin.end();
      await knex.destroy();
    }
  });

  test('live (PostgreSQL): no connection from the pool in time', async (t) => {
    const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 }, acquireConnectionTimeout: 200, log: quietKnexLog });
    try {
      await knex.transaction(async () => {
        const err = await t.throwsAsync(knex.raw('select 1'));
        t.true(err instanceof KnexTimeoutError);
        t.true(isConnectionLost(err));
      });
    } finally {
      await knex.destroy();
    }
  });
}
