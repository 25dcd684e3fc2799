// Live badges across processes, as with `serve --workers 2` or two machines: a change made through one
// server process reaches a console whose stream is held by another, through PostgreSQL's NOTIFY; another
// firm's change and a colleague's do not. PostgreSQL only (the embedded database lives in one process).
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testCrm } from '../support/crm.js';
import { testDatabase } from '../support/database.js';
import { aFirm } from '../support/tenant.js';
import { openSse } from '../support/sse.js';

const script = fileURLToPath(new URL('../support/processes/live-server.js', import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function startServerProcess(url: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [script, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const m = /listening (\S+)\n/.exec(buffered);
      if (m) resolve({ child, url: m[1] as string });
    });
  });
}

if (process.env.TEST_DATABASE_URL) {
  test('postgres: a task given through process A reaches the person\'s stream on process B; a colleague\'s and another firm\'s do not', async (t) => {
    t.timeout(180_000);
    const crm = await testCrm('postgres');
    const { url } = (await testDatabase('postgres')) as { url: string };
    const servers: ChildProcess[] = [];
    try {
      const firm = await aFirm(crm);
      const other = await aFirm(crm);
      const sales = await firm.person(['sales']);
      const colleague = await firm.person(['sales']);
      const stranger = await other.person(['sales']);
      const a = await startServerProcess(url);
      servers.push(a.child);
      const b = await startServerProcess(url);
      servers.push(b.child);

      const stream = await openSse(`${b.url}/api/v1/workcenter/inbox/stream`, { authorization: `Bearer ${sales.token}` });
      t.teardown(() => stream.close());
      await stream.until(1);
      const task = async (token: string, assigneeId: string): Promise<void> => {
        const r = await fetch(`${a.url}/api/v1/tasks`, {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: '回访', assigneeId }),
        });
        t.is(r.status, 201);
      };
      await task(firm.adminToken, colleague.actor.userId);
      await task(other.adminToken, stranger.actor.userId);
      await task(firm.adminToken, sales.actor.userId);
      await stream.until(2);
      await sleep(500);
      t.deepEqual(stream.events, ['counts', 'counts'], 'the person\'s own change only');

      const counts = await fetch(`${b.url}/api/v1/workcenter/inbox/counts`, { headers: { authorization: `Bearer ${sales.token}` } });
      const body = (await counts.json()) as { kinds: { kind: string; count: number }[] };
      t.is(body.kinds.find((k) => k.kind === 'task')?.count, 1, 'what the signal said to ask for');
    } finally {
      for (const s of servers) s.kill('SIGKILL');
      await crm.close();
    }
  });
}
