// The standalone server: a Crm, its Koa app on PORT, graceful shutdown on SIGTERM/SIGINT (in-flight requests
// finish, new ones are refused, then the database closes).
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Logger } from 'pino';
import { createCrm, type Crm, type CrmOptions } from '../adapters/composition/create-crm.js';
import { createHttpApp, type HttpOptions } from './app.js';
import { rateLimitsFromEnv } from './middleware/rate-limit.js';
import { createLogger } from './logger.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConsoleDir } from './console.js';
import { recycleEveryFromEnv } from './recycle-schedule.js';

export interface ServerOptions extends CrmOptions {
  readonly port?: number;
  readonly host?: string;
  readonly http?: Omit<HttpOptions, 'isReady' | 'logger'>;
  readonly logger?: Logger;
  /** Runs once the Crm exists, before listening (e.g. seeding the demo). */
  readonly beforeListen?: (crm: Crm) => Promise<void>;
  /** Install SIGTERM/SIGINT handlers (default true). */
  readonly handleSignals?: boolean;
  /** Seconds between pool recycler passes (default YUNZHOU_RECYCLE_EVERY_SECONDS or 300; 0: off). */
  readonly recycleEverySeconds?: number;
  /** On stop, how long idle keep-alive connections stay open for a last request (default 1000 ms). */
  readonly drainGraceMs?: number;
  /** Run the scheduler (outbox relay, reminders, timers, plugins' jobs) in this process (default true). */
  readonly scheduler?: boolean;
}

export interface RunningServer {
  readonly crm: Crm;
  readonly server: Server;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const crm = await createCrm(options);
  await options.beforeListen?.(crm);
  let accepting = true;
  const rateLimits = options.http?.rateLimits ?? rateLimitsFromEnv(process.env.YUNZHOU_RATE_LIMITS);
  const app = createHttpApp(crm, { ...options.http, ...(rateLimits === undefined ? {} : { rateLimits }), logger, isReady: () => accepting });
  const handle = app.callback();
  // While draining, every response closes its connection, so a keep-alive client opens its next one on a
  // process that still accepts (under `--workers`, another worker) instead of racing our close.
  const server = createServer((req, res) => {
    if (!accepting) res.setHeader('Connection', 'close');
    void handle(req, res);
  });
  server.keepAliveTimeout = 5000;
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  const consoleServed = options.http?.console !== false && existsSync(join(defaultConsoleDir(), 'index.html'));
  const consoleUrl = consoleServed ? `${url}${options.http?.console ? `/${(options.http.console.basePath ?? '').replace(/^\/+|\/+$/g, '')}` : ''}/`.replace(/([^:])\/\/+/g, '$1/') : null;
  logger.info({ url, console: consoleUrl, apiDocs: `${url}/docs`, database: crm.database.kind }, 'yunzhou is listening');

  // The one scheduler: the relay delivers events, core areas' and plugins' jobs run once per slot.
  if (options.scheduler ?? true) {
    crm.outboxRelay.setFailureListener((f) => logger.warn({ eventId: f.event.id, type: f.event.type, subscriber: f.subscriber, parked: f.parked, err: f.error }, 'event delivery failed'));
    crm.scheduler.start({
      everySeconds: { 'inquiries.recycle': options.recycleEverySeconds ?? recycleEveryFromEnv() },
      onError: (run, err) => logger.error({ job: run.job, slot: run.slot, err }, 'scheduled job failed'),
    });
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      accepting = false;
      await crm.inboxChanges.close(); // open live streams end now (their pages reconnect elsewhere), or closing would wait for them
      await new Promise<void>((resolve) => {
        // Busy keep-alive connections end with their next response (Connection: close above); idle ones are
        // closed after the grace, so a client that was just about to reuse one does not race our close.
        const idle = setTimeout(() => server.closeIdleConnections(), options.drainGraceMs ?? 1000);
        // net.Server's close: stop listening without http.Server's immediate closing of idle connections.
        Reflect.apply(NetServer.prototype.close, server, [() => { clearTimeout(idle); resolve(); }]);
      });
      await crm.close(); // stops the scheduler first, waiting for runs in progress
      logger.info('yunzhou stopped');
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.once(sig, () => {
        logger.info({ signal: sig }, 'shutting down');
        void stop().then(() => process.exit(0));
      });
    }
  }
  return { crm, server, url, stop };
}
