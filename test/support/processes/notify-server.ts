// A real server process for the notifications crash test: startServer on DATABASE_URL (PostgreSQL) with its
// scheduler, outbox relay and the notifications plugin (a short lease, so that after a SIGKILL the next
// process takes the held copies up within seconds). Says `listening <url>` on stdout when ready.
// The clock is the test's: <base> plus the real time elapsed since <anchor> (both in ms), the same in every
// process the test starts, so that the story's dates do not depend on the day the test runs.
// Usage: node notify-server.js <database url> <base ms> <anchor ms>
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../http/server.js';
import { createLogger } from '../../../http/logger.js';
import { notificationsPlugin } from '../../../plugins/notify-channels/index.js';

const [url, base, anchor] = process.argv.slice(2);
const clock = { now: () => new Date(Number(base) + Date.now() - Number(anchor)) };
const server = await startServer({
  clock,
  database: { url: url as string, poolMax: 4 }, migrate: false, port: 0, host: '127.0.0.1', logger: createLogger('silent'),
  plugins: [notificationsPlugin({ publicUrl: 'https://crm.example.cn', leaseSeconds: 4 })],
  config: { secret: 'test-secret', filesDir: mkdtempSync(join(tmpdir(), 'yunzhou-notify-')) },
});
process.stdout.write(`listening ${server.url}\n`);
