// The standalone server: listens, answers, and on stop lets an in-flight request finish before closing.
import test from 'ava';
import { startServer } from '../../http/server.js';
import { testDatabase } from '../support/database.js';
import { createLogger } from '../../http/logger.js';
import { definePlugin } from '../../plugin.js';

const slow = definePlugin({
  name: 'slow',
  setup: () => ({
    routes: [{ method: 'get', path: '/wait', auth: 'none', tags: ['test'], summary: 'waits', handler: async () => {
      await new Promise((r) => setTimeout(r, 400));
      return { done: true };
    } }],
  }),
});

test('graceful shutdown: an in-flight request completes, then new connections are refused', async (t) => {
  const s = await startServer({
    database: await testDatabase('pglite'), migrate: false, port: 0, host: '127.0.0.1', handleSignals: false,
    logger: createLogger('silent'), config: { secret: 'x' }, plugins: [slow],
  });
  t.is((await fetch(`${s.url}/ready`)).status, 200);
  const inFlight = fetch(`${s.url}/api/v1/plugins/slow/wait`).then((r) => r.json());
  await new Promise((r) => setTimeout(r, 100));
  const stopped = s.stop();
  t.deepEqual(await inFlight, { done: true });
  await stopped;
  await t.throwsAsync(() => fetch(`${s.url}/health`));
});
