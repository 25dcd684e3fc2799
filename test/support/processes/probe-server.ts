// A real server process for the multi-process tests: startServer on DATABASE_URL (PostgreSQL) with its
// scheduler and outbox relay, and the probe plugin, which says on stdout what this process did: `ran <slot>`
// for each run of its exclusive job (every second) and `delivered <subscriber> <event id>` for each
// `probe.many` event each of its two subscribers handled.
// Usage: node probe-server.js <database url>
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../http/server.js';
import { createLogger } from '../../../http/logger.js';
import { probePlugin } from './probe-plugin.js';

const [url] = process.argv.slice(2);
const server = await startServer({
  database: { url: url as string, poolMax: 4 }, migrate: false, port: 0, host: '127.0.0.1', logger: createLogger('silent'),
  plugins: [probePlugin((line) => process.stdout.write(`${line}\n`))],
  config: { secret: 'test-secret', filesDir: mkdtempSync(join(tmpdir(), 'yunzhou-probe-')) },
});
process.stdout.write(`listening ${server.url}\n`);
