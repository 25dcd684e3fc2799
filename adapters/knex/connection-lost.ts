// "The database is not there right now": a connection refused, reset or cut, PostgreSQL shutting down or
// starting up, or no connection to be had from the pool in time. Such a failure says nothing about the
// request (it may well succeed a few seconds later), so http/ answers it with 503 and Retry-After, never 500.

/** SQLSTATEs of a server going away or not yet there (admin/crash shutdown, cannot connect now, too many connections). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
/** What pg and knex say, without a code, when a connection dies or none can be had (knex puts the SQL and " - " before pg's message). */
const MESSAGES = [
  /(^| - )Connection terminated( unexpectedly| due to connection timeout)?$/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /^Knex: Timeout acquiring a connection/,
  /terminating connection due to administrator command/,
  /the database system is (shutting down|starting up|in recovery mode)/,
];

function looksLost(e: object): boolean {
  const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && MESSAGES.some((m) => m.test(message));
}

/** Whether an error means the database connection was lost or could not be had (and not that the query was wrong). */
export function isConnectionLost(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  if (looksLost(err)) return true;
  const { cause, errors } = err as { cause?: unknown; errors?: unknown };
  if (cause !== undefined && isConnectionLost(cause, depth + 1)) return true;
  // Node's AggregateError (a host with several addresses, all refused): lost when every one is.
  return Array.isArray(errors) && errors.length > 0 && errors.every((x) => isConnectionLost(x, depth + 1));
}
