// Issue 17's crash: a real server process delivering the four stories is killed with SIGKILL while a WeCom
// send is in flight (the fake holds it unanswered, unhandled), an event is raised while no server runs,
// and a second process started afterwards finishes the work: every person hears of every story once on
// each channel they chose — nothing lost, nothing sent twice. The processes share the test's clock (a fixed
// date plus the time elapsed), so the story's dates do not depend on the day the test runs.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { notificationsPlugin } from '../../../plugins/notify-channels/index.js';
import { serve, type TestServer } from '../../support/http.js';
import { isolatedPostgres, type IsolatedDatabase } from '../../adapters/workcenter/harness.js';
import { aStoryFirm, connect, expected, firstThree, overdue, sentBy, startFakes, type Fakes } from './notifications-scenario.js';

const script = fileURLToPath(new URL('../../support/processes/notify-server.js', import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const BASE = Date.parse('2026-12-01T02:00:00Z'); // 10:00 in Shanghai
const ANCHOR = Date.now();
const clock = { now: () => new Date(BASE + Date.now() - ANCHOR) };

function startServerProcess(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, url, String(BASE), String(ANCHOR)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => { if (chunk.toString('utf8').includes('listening ')) resolve(child); });
  });
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (await ok()) return;
  throw new Error(`timed out waiting for ${what}`);
}

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: a server killed mid-delivery and another started later lose nothing and send nothing twice', async (t) => {
    t.timeout(240_000);
    const db: IsolatedDatabase = await isolatedPostgres([]);
    const children: ChildProcess[] = [];
    let crm: Crm | undefined;
    let api: TestServer | undefined;
    let fakes: Fakes | undefined;
    try {
      // This process makes the records and the settings; it runs no relay and no jobs.
      crm = await createCrm({
        database: { url: db.url, poolMax: 4 }, migrate: true, clock, plugins: [notificationsPlugin({ publicUrl: 'https://crm.example.cn' })],
        config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' },
      });
      api = await serve(crm);
      const story = await aStoryFirm(crm);
      fakes = await startFakes(clock, story);
      await connect(api, story, fakes);
      const f = fakes;

      f.wecom.hold('/cgi-bin/message/send');
      const first = await startServerProcess(db.url);
      children.push(first);
      const three = await firstThree(crm, story, clock.now());
      await until('a WeCom send in flight', () => f.wecom.heldCount() >= 1);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const copies = async () => (await crm!.database.knex('notifications_deliveries').where({ tenant_id: story.f.firm.tenantId }).select('state')).map((r: { state: string }) => r.state);
      t.true((await copies()).includes('pending'), 'work left over by the killed process');

      const overdueOrderId = await overdue(crm, story, clock.now()); // raised while no server runs
      await sleep(300);
      f.wecom.release(); // the killed process's request went nowhere: WeCom never acted on it
      t.is(f.wecom.sent.length, 0);

      const second = await startServerProcess(db.url);
      children.push(second);
      const want = expected(story, { ...three, overdueOrderId });
      const total = want.wecom.length + want.dingtalk.length + want.sms.length;
      const count = () => { const s = sentBy(f); return s.wecom.length + s.dingtalk.length + s.sms.length; };
      await until('every copy sent', () => count() >= total);
      await sleep(3_000); // a duplicate would show by now (the lease is 4 s, the sender runs every second)
      t.deepEqual(sentBy(f), want);
      t.deepEqual([...new Set(await copies())], ['sent']);
    } finally {
      for (const c of children) c.kill('SIGKILL');
      await api?.close();
      await crm?.close();
      await fakes?.stop();
      await db.drop();
    }
  });
}
