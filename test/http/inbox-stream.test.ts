// GET /workcenter/inbox/stream: the console's live badges. A person's stream hears "counts" when something
// changed what waits on them — a task given to them or taken from them, a message the relay stored for them
// — and nothing of a colleague's or another firm's changes. On PostgreSQL only with a listen URL; without
// one the stream is refused (503) and the console polls.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { backends } from '../support/database.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve } from '../support/http.js';
import { openSse } from '../support/sse.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const config = (listenUrl?: string) => ({ secret: 'test-secret', filesDir: `/tmp/yunzhou-test-files-${process.pid}`, ...(listenUrl ? { listenUrl } : {}) });

for (const backend of backends()) {
  const live = (): Promise<Crm> => testCrm(backend, { config: config(backend === 'postgres' ? process.env.TEST_DATABASE_URL : undefined) });

  test(`[${backend}] a person's stream hears their own changes only: not a colleague's, not another firm's`, async (t) => {
    const crm = await live();
    const api = await serve(crm);
    try {
      const firm = await aFirm(crm);
      const other = await aFirm(crm);
      const manager = await firm.person(['manager']);
      const sales = await firm.person(['sales']);
      const colleague = await firm.person(['sales']);
      const stranger = await other.person(['sales']);
      const stream = await openSse(`${api.url}/api/v1/workcenter/inbox/stream`, { authorization: `Bearer ${sales.token}` });
      t.teardown(() => stream.close());
      t.is(stream.status, 200);
      t.regex(stream.contentType, /^text\/event-stream/);
      await stream.until(1); // "ask now", as the stream opens
      t.deepEqual(stream.events, ['counts']);

      const task = (token: string, assigneeId: string) => api.call('POST', '/api/v1/tasks', { token, body: { title: '回访', assigneeId } });
      for (let round = 1; round <= 2; round++) {
        // Changes for others first, then one for the person: NOTIFY keeps commit order, so a leak would arrive before it.
        t.is((await task(manager.token, colleague.actor.userId)).status, 201);
        t.is((await task(other.adminToken, stranger.actor.userId)).status, 201);
        t.is((await task(manager.token, sales.actor.userId)).status, 201);
        await stream.until(1 + round);
      }
      await sleep(300);
      t.deepEqual(stream.events, ['counts', 'counts', 'counts'], 'one per change of their own');

      // The relay stores the 任务 messages: each recipient hears of theirs (the person: two tasks, one signal per delivery).
      await crm.outboxRelay.runOnce();
      await stream.until(4);
      t.true(stream.events.length <= 5);
      t.is(crm.inboxChanges.watching, 1);
    } finally {
      await api.close();
      await crm.close();
    }
  });

  test(`[${backend}] a task taken from a person (转交) tells them; the stream needs a session; closing the Crm ends it`, async (t) => {
    const crm = await live();
    const api = await serve(crm);
    try {
      const firm = await aFirm(crm);
      const sales = await firm.person(['sales']);
      const colleague = await firm.person(['sales']);
      const created = await api.call('POST', '/api/v1/tasks', { token: firm.adminToken, body: { title: '补充材料', assigneeId: sales.actor.userId } });
      const stream = await openSse(`${api.url}/api/v1/workcenter/inbox/stream`, { authorization: `Bearer ${sales.token}` });
      await stream.until(1);
      const moved = await api.call('PATCH', `/api/v1/tasks/${created.body.id as string}`, { token: firm.adminToken, body: { assigneeId: colleague.actor.userId, version: created.body.version } });
      t.is(moved.status, 200, JSON.stringify(moved.body));
      await stream.until(2);

      const anonymous = await openSse(`${api.url}/api/v1/workcenter/inbox/stream`);
      t.is(anonymous.status, 401);

      await crm.inboxChanges.close();
      await stream.ended; // the server ends it: the page reconnects (to another process, when this one stops)
      t.is(crm.inboxChanges.watching, 0);
      t.is((await api.call('GET', '/api/v1/workcenter/inbox/stream', { token: sales.token })).status, 503);
    } finally {
      await api.close();
      await crm.close();
    }
  });
}

if (process.env.TEST_DATABASE_URL) {
  test('[postgres] without a listen URL (behind PgBouncer) the stream is refused with 503 inbox.live_unavailable: the console polls', async (t) => {
    const crm = await testCrm('postgres', { config: config() });
    const api = await serve(crm);
    try {
      const firm = await aFirm(crm);
      const r = await api.call('GET', '/api/v1/workcenter/inbox/stream', { token: firm.adminToken, headers: { 'accept-language': 'en' } });
      t.is(r.status, 503);
      t.like(r.body, { code: 'inbox.live_unavailable', status: 503 });
      t.regex(r.body.detail as string, /YUNZHOU_LISTEN_URL/);
      t.false(crm.inboxChanges.live);
    } finally {
      await api.close();
      await crm.close();
    }
  });
}
