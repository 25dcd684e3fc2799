// Three real server processes on one PostgreSQL database, as with `serve --workers 3` or three machines:
// the probe plugin's exclusive job runs once per slot across them, and every outbox event reaches each of
// its two subscribers exactly once, whichever process delivers it. PostgreSQL only: the embedded database
// lives inside one process.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createCrm } from '../../../adapters/composition/create-crm.js';
import { aFirm } from '../../support/tenant.js';
import { probePlugin } from '../../support/processes/probe-plugin.js';
import { anEvent, isolatedPostgres, publish } from './harness.js';

const server = fileURLToPath(new URL('../../support/processes/probe-server.js', import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Probe { readonly child: ChildProcess; readonly lines: string[] }

function startProbe(url: string): Promise<Probe> {
  const child = spawn(process.execPath, [server, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buffered = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`probe server exited (${code}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
      if (parts.some((l) => l.startsWith('listening '))) resolve({ child, lines });
    });
  });
}

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: across three processes an exclusive job runs once per slot and each event reaches each subscriber once', async (t) => {
    t.timeout(180_000);
    const db = await isolatedPostgres();
    const probes: Probe[] = [];
    const crm = await createCrm({
      database: { url: db.url, poolMax: 2 }, migrate: false, plugins: [probePlugin(() => undefined)],
      config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' },
    });
    try {
      const firm = await aFirm(crm);
      for (let i = 0; i < 3; i++) probes.push(await startProbe(db.url));
      const subject = randomUUID();
      for (let batch = 0; batch < 10; batch++) {
        await publish(crm, Array.from({ length: 10 }, (_, n) => anEvent(firm.tenantId, subject, 'probe.many', { n: batch * 10 + n })));
      }
      const delivered = (): string[] => probes.flatMap((p) => p.lines.filter((l) => l.startsWith('delivered ')));
      for (let i = 0; i < 120 && delivered().length < 200; i++) await sleep(500);
      await sleep(4_000); // slots enough to see every process try the job; late duplicates would show too

      const all = delivered();
      t.is(all.length, 200, 'each of 100 events once per subscriber');
      t.is(new Set(all).size, 200, 'no event delivered twice to one subscriber');
      t.true(probes.filter((p) => p.lines.some((l) => l.startsWith('delivered '))).length >= 1);

      const runs = probes.flatMap((p) => p.lines.filter((l) => l.startsWith('ran ')));
      t.true(runs.length >= 3, `${runs.length} slots ran`);
      t.is(new Set(runs).size, runs.length, 'no slot ran twice');
      const rows = await crm.database.knex('scheduled_runs').where('job', 'probe.tick').count<{ count: string }[]>('* as count');
      t.is(Number(rows[0]?.count), runs.length, 'each run claimed its slot in scheduled_runs');
    } finally {
      for (const p of probes) p.child.kill('SIGKILL');
      await crm.close();
      await db.drop();
    }
  });
}
