// A real server process for the live-badge test: startServer on PostgreSQL, listening for the console's
// notifications on the same (direct) URL, without a scheduler (so only the requests' own changes notify).
// Usage: node live-server.js <database url>
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../http/server.js';
import { createLogger } from '../../../http/logger.js';

const [url] = process.argv.slice(2);
const server = await startServer({
  database: { url: url as string, poolMax: 4 }, migrate: false, port: 0, host: '127.0.0.1', logger: createLogger('silent'), scheduler: false,
  config: { secret: 'test-secret', filesDir: mkdtempSync(join(tmpdir(), 'yunzhou-live-')), listenUrl: url as string },
});
process.stdout.write(`listening ${server.url}\n`);
