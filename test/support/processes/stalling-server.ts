// A real server process for kill -9 tests: startServer on DATABASE_URL (PostgreSQL) with its scheduler and
// outbox relay, and a plugin whose handler stalls on `probe.stall` events: the relay claims them, the
// handler says so on stdout ("stalled <event id>") and never returns, until the process is killed.
// Usage: node stalling-server.js <database url> <outbox lease seconds>
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../http/server.js';
import { createLogger } from '../../../http/logger.js';
import { definePlugin } from '../../../plugin.js';

const [url, lease] = process.argv.slice(2);
const stall = definePlugin({
  name: 'stall',
  setup: () => ({
    subscribers: [{
      events: ['probe.stall'],
      handle: async (e) => {
        process.stdout.write(`stalled ${e.id}\n`);
        await new Promise(() => undefined); // never settles
      },
    }],
  }),
});

const server = await startServer({
  database: { url: url as string, poolMax: 4 }, migrate: false, port: 0, host: '127.0.0.1', handleSignals: false, logger: createLogger('silent'),
  plugins: [stall], config: { secret: 'test-secret', filesDir: mkdtempSync(join(tmpdir(), 'yunzhou-stall-')), outboxLeaseSeconds: Number(lease) },
});
process.stdout.write(`listening ${server.url}\n`);
