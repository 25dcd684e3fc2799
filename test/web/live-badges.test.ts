// Live badges in the console: with the page open, a task another person gives 周销售 shows on his home badges
// without a reload and without a poll — the poll interval is made ten minutes, so only the stream
// (GET /workcenter/inbox/stream, server-sent events) can explain it. When the stream drops, the browser
// reconnects it and the next change shows too. (Who hears what — the person, the firm — is tested on the
// API: test/http/inbox-stream.test.ts.)
import test from 'ava';
import { randomInt } from 'node:crypto';
import type { Response } from 'playwright-core';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, type Browser, type TestPage } from '../support/browser.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const ZHOU = '13800000006';
const V = '/api/v1';
const STREAM = `${V}/workcenter/inbox/stream`;
const COUNTS = `${V}/workcenter/inbox/counts`;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<any> => server.must(...a);
type Counts = { total: number; kinds: { kind: string; label: string; count: number }[] };
const taskCount = (c: Counts): number => c.kinds.find((k) => k.kind === 'task')?.count ?? 0;
const shown = (n: number): string => (n > 99 ? '99+' : n ? String(n) : '');

async function badgeShows(p: TestPage, module: string, n: number): Promise<void> {
  await p.page.locator(`[data-module="${module}"] .van-badge`, { hasText: new RegExp(`^${shown(n)}$`) }).waitFor({ timeout: 30_000 });
}

test.serial('another person\'s action shows on the badges without a reload or a poll; a dropped stream reconnects', async (t) => {
  const users = await api(SUN, 'GET', '/users?limit=100');
  const id = (name: string): string => (users.items as { id: string; name: string }[]).find((u) => u.name === name)?.id as string;
  await api(SUN, 'POST', '/tasks', { title: `核对征信报告${randomInt(0, 1e6)}`, assigneeId: id('周销售') }); // a badge to start from
  const p = await browser.page(PHONE);
  await p.context.addInitScript({ content: "localStorage.setItem('yunzhou.inboxPollMs', '600000')" });
  const streams: number[] = [];
  let countsAsked = 0;
  p.page.on('response', (r: Response) => {
    const path = new URL(r.url()).pathname;
    if (path === STREAM) streams.push(r.status());
    if (path === COUNTS) countsAsked++;
  });
  await signInThroughPage(p, `${server.url}/`, ZHOU);
  await p.page.waitForURL((u) => u.pathname === '/');
  const before: Counts = await api(ZHOU, 'GET', '/workcenter/inbox/counts');
  await badgeShows(p, 'tasks', taskCount(before));
  await waitUntil(() => streams.includes(200));
  await p.page.evaluate('window.__sameDocument = true'); // gone if the page reloaded

  // 孙露露 gives him a task: the badge follows at once.
  const asked = countsAsked;
  await api(SUN, 'POST', '/tasks', { title: `签约资料归档${randomInt(0, 1e6)}`, assigneeId: id('周销售') });
  await badgeShows(p, 'tasks', taskCount(before) + 1);
  const after: Counts = await api(ZHOU, 'GET', '/workcenter/inbox/counts');
  await badgeShows(p, 'workcenter', after.total);
  t.true(countsAsked > asked, 'the page asked for the counts when told');
  t.true(await p.page.evaluate('window.__sameDocument === true'));
  await p.screenshot('live-badge-home');
  t.deepEqual(await p.axe(), []);

  // The stream drops (a proxy, a restarting process): the browser opens it again and hears the next change.
  const opened = streams.filter((s) => s === 200).length;
  server.server.closeAllConnections();
  await waitUntil(() => streams.filter((s) => s === 200).length > opened, 30_000);
  await api(SUN, 'POST', '/tasks', { title: `补签授权书${randomInt(0, 1e6)}`, assigneeId: id('周销售') });
  await badgeShows(p, 'tasks', taskCount(before) + 2);
  t.true(await p.page.evaluate('window.__sameDocument === true'));
  t.deepEqual(p.problems.filter((m) => !/ERR_|network|Failed to load/i.test(m)), []);
  await p.close();
});

async function waitUntil(condition: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
