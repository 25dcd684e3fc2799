// The two places signals come from. PostgreSQL: ONE dedicated connection per process, opened with its own
// URL (a direct one: behind PgBouncer in transaction pooling a LISTEN holds for one transaction only and
// its notifications go to whoever gets that server connection next), never taken from the pool; when it
// drops it is opened again, and since notifications sent meanwhile are lost, every stream is told to ask.
// The embedded database: PGlite's own listen, in this process (the embedded install is one process).
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { INBOX_CHANNEL } from '../knex/inbox-signal.js';
import type { InboxSignalSource } from './inbox-changes.js';

export type ListenLog = (message: string, details: Record<string, unknown>) => void;

export function postgresListenSource(url: string, log: ListenLog, retryMs: { first: number; max: number } = { first: 500, max: 30_000 }): InboxSignalSource {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = retryMs.first;
  let handlers: Parameters<InboxSignalSource['start']>[0] | null = null;

  const connect = async (again: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: 'yunzhou-listen' });
    c.on('notification', (n) => { if (n.channel === INBOX_CHANNEL) handlers?.payload(n.payload); });
    c.on('error', () => undefined); // the 'end' that follows reconnects
    try {
      await c.connect();
      await c.query(`listen ${INBOX_CHANNEL}`);
    } catch (e) {
      await c.end().catch(() => undefined);
      log('live notifications: cannot listen, trying again', { err: (e as Error).message, inMs: wait });
      retry(true);
      return;
    }
    if (stopped) { await c.end(); return; }
    client = c;
    wait = retryMs.first;
    c.once('end', () => {
      if (client === c) client = null;
      if (stopped) return;
      log('live notifications: the listening connection dropped, reconnecting', {});
      retry(true);
    });
    if (again) handlers?.missed();
  };
  const retry = (again: boolean): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(again), wait);
    wait = Math.min(wait * 2, retryMs.max);
  };

  return {
    async start(on) {
      handlers = on;
      await connect(false);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

export function pgliteListenSource(pglite: PGlite): InboxSignalSource {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async start(on) {
      unlisten = await pglite.listen(INBOX_CHANNEL, (payload) => on.payload(payload));
    },
    async stop() {
      if (!pglite.closed) await unlisten?.().catch(() => undefined);
    },
  };
}
