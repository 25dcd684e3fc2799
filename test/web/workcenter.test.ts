// 办理中心 in the console: grouped as the API groups it, its counts equal to the home badges and to the server's,
// each item opening the screen where it is done (the task itself, 新建跟进 for a follow-up, the order); and the
// badges following what arrives without a reload — the one poller asks with If-None-Match (answered 304 while
// nothing changed), stops while the page is hidden and asks at once when it shows again. The poll interval is
// shortened through localStorage 'yunzhou.inboxPollMs' so the test does not wait 15 s.
import test from 'ava';
import { randomInt } from 'node:crypto';
import type { Response } from 'playwright-core';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';

let server: ConsoleServer;
let browser: Browser;
let zhouId: string;
const SUN = '13800000001';
const ZHOU = '13800000006';
const V = '/api/v1';
const COUNTS = `${V}/workcenter/inbox/counts`;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  const users = await api(SUN, 'GET', '/users?limit=100');
  zhouId = (users.items as { id: string; name: string }[]).find((u) => u.name === '周销售')?.id as string;
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<any> => server.must(...a);
type Counts = { total: number; kinds: { kind: string; label: string; count: number }[] };
const countOf = (c: Counts, kinds: string[]): number => c.kinds.filter((k) => kinds.includes(k.kind)).reduce((s, k) => s + k.count, 0);
const shown = (n: number): string => (n > 99 ? '99+' : n ? String(n) : '');

async function signIn(p: TestPage, mobile: string, path: string): Promise<void> {
  await signInThroughPage(p, server.url + path, mobile);
  await p.page.waitForURL((u) => u.pathname === path);
}
async function check(t: any, p: TestPage, name: string): Promise<void> {
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(p.problems, [], `console on ${name}`);
}
/** A tile's badge as shown ('' when it shows none). */
async function badge(p: TestPage, module: string): Promise<string> {
  const b = p.page.locator(`[data-module="${module}"] .van-badge`);
  return (await b.count()) ? b.innerText() : '';
}

test.serial('办理中心 is grouped as the API groups it, its counts equal the home badges, and each item opens where it is done', async (t) => {
  // Something of her own in three kinds: a task, an order she handles, a follow-up due.
  const task = await api(SUN, 'POST', '/tasks', { title: `核对征信报告${randomInt(0, 1e6)}`, priority: 'urgent' });
  const counts: Counts = await api(SUN, 'GET', '/workcenter/inbox/counts');
  for (const kind of ['task', 'order', 'follow_up']) t.true(countOf(counts, [kind]) > 0, kind);

  const p = await browser.page(DESK);
  await signIn(p, SUN, '/');
  // Home: each tile's badge is the server's count of the kinds it stands for.
  const tiles: Record<string, string[]> = { workcenter: counts.kinds.map((k) => k.kind), orders: ['order'], inquiries: ['follow_up'], tasks: ['task'] };
  await p.page.locator('[data-module="workcenter"] .van-badge').waitFor();
  for (const [module, kinds] of Object.entries(tiles)) t.is(await badge(p, module), shown(countOf(counts, kinds)), module);
  await check(t, p, 'workcenter-home');

  // 办理中心: one tab per kind in the API's order and words, each with its count; the total as the server says.
  await p.page.locator('[data-module="workcenter"]').click();
  await p.page.waitForURL(/\/workcenter/);
  await p.page.locator('[data-total]', { hasText: `共${counts.total}项待办` }).waitFor();
  const tabs = p.page.getByRole('tab');
  t.is(await tabs.count(), counts.kinds.length);
  for (const [i, k] of counts.kinds.entries()) {
    t.is((await tabs.nth(i).innerText()).replace(/\s+/g, ''), `${k.label}${shown(k.count)}`);
  }

  // 我的任务: the items the server lists, and the task opens itself.
  await p.page.getByRole('tab', { name: counts.kinds.find((k) => k.kind === 'task')!.label }).click();
  await p.page.waitForURL(/kind=task/);
  const listed = (await api(SUN, 'GET', '/workcenter/inbox?kind=task&limit=30')).items as { id: string }[];
  await p.page.locator(`[data-kind="task"][data-id="${task.id}"]`).waitFor();
  t.deepEqual(await p.page.locator('[data-kind="task"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), listed.map((i) => i.id));
  await check(t, p, 'workcenter-tasks');
  await p.page.locator(`[data-kind="task"][data-id="${task.id}"]`).click();
  await p.page.waitForURL(new RegExp(`/tasks/${task.id}$`));
  await p.page.locator('[data-title]', { hasText: task.title }).waitFor();

  // A follow-up opens 新建跟进 for its inquiry; an order opens the order.
  await p.page.goBack();
  await p.page.getByRole('tab', { name: counts.kinds.find((k) => k.kind === 'follow_up')!.label }).click();
  const followUp = (await api(SUN, 'GET', '/workcenter/inbox?kind=follow_up&limit=1')).items[0];
  await p.page.locator(`[data-kind="follow_up"][data-id="${followUp.id}"]`).click();
  await p.page.waitForURL(new RegExp(`/inquiries/${followUp.related.id}/follow-up$`));
  await p.page.goBack();
  await p.page.getByRole('tab', { name: counts.kinds.find((k) => k.kind === 'order')!.label }).click();
  const order = (await api(SUN, 'GET', '/workcenter/inbox?kind=order&limit=1')).items[0];
  await p.page.locator(`[data-kind="order"][data-id="${order.id}"]`).click();
  await p.page.waitForURL(new RegExp(`/orders/${order.related.id}$`));
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('a new task for 周销售 changes his badges without a reload; the poller sends If-None-Match, gets 304, and rests while the page is hidden', async (t) => {
  const p = await browser.page(PHONE);
  await p.context.addInitScript({ content: "localStorage.setItem('yunzhou.inboxPollMs', '400')" });
  const answers: { status: number; conditional: boolean; at: number }[] = [];
  p.page.on('response', (r: Response) => {
    if (new URL(r.url()).pathname === COUNTS) answers.push({ status: r.status(), conditional: r.request().headers()['if-none-match'] !== undefined, at: Date.now() });
  });
  await signIn(p, ZHOU, '/');
  const before: Counts = await api(ZHOU, 'GET', '/workcenter/inbox/counts');
  await p.page.locator('[data-module="workcenter"] .van-badge', { hasText: new RegExp(`^${shown(before.total)}$`) }).waitFor();
  t.is(await badge(p, 'tasks'), shown(countOf(before, ['task'])));
  await p.page.evaluate("window.__sameDocument = true"); // gone if the page reloaded

  // Nothing new: asked again with the tag, answered 304.
  await waitUntil(() => answers.some((a) => a.conditional && a.status === 304));

  // A colleague hands him a task: both badges follow within a poll, the page never reloaded.
  await api(SUN, 'POST', '/tasks', { title: `签约资料归档${randomInt(0, 1e6)}`, assigneeId: zhouId });
  const after: Counts = await api(ZHOU, 'GET', '/workcenter/inbox/counts');
  t.is(countOf(after, ['task']), countOf(before, ['task']) + 1);
  await p.page.locator('[data-module="tasks"] .van-badge', { hasText: new RegExp(`^${shown(countOf(after, ['task']))}$`) }).waitFor();
  t.is(await badge(p, 'workcenter'), shown(after.total));
  t.true(await p.page.evaluate('window.__sameDocument === true'));
  t.true(answers.some((a) => a.conditional && a.status === 200), 'the changed counts came as a 200 to a conditional request');
  await check(t, p, 'workcenter-live-badge');

  // Hidden: no requests though the interval is 400 ms. Shown again: asked at once (the interval is made a
  // minute meanwhile, so only the page showing can explain the request).
  const visibility = (state: string): Promise<unknown> => p.page.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${state}' });
    document.dispatchEvent(new Event('visibilitychange'))`);
  await visibility('hidden');
  await p.page.waitForTimeout(300); // a request already under way may still land
  const hiddenAt = Date.now();
  await p.page.waitForTimeout(1600);
  t.is(answers.filter((a) => a.at > hiddenAt).length, 0, 'no polling while hidden');
  await p.page.evaluate("localStorage.setItem('yunzhou.inboxPollMs', '60000')");
  const shownAt = Date.now();
  await visibility('visible');
  await waitUntil(() => answers.some((a) => a.at >= shownAt), 5000);
  await p.page.evaluate("localStorage.setItem('yunzhou.inboxPollMs', '400')");

  // 办理中心's open tab follows too: the new item appears in the list without a reload.
  await p.page.locator('[data-module="workcenter"]').click();
  await p.page.waitForURL(/\/workcenter/);
  const taskLabel = after.kinds.find((k) => k.kind === 'task')!.label;
  await p.page.getByRole('tab', { name: taskLabel }).click();
  await p.page.waitForURL(/kind=task/);
  const another = await api(SUN, 'POST', '/tasks', { title: `补签授权书${randomInt(0, 1e6)}`, assigneeId: zhouId });
  await p.page.locator(`[data-kind="task"][data-id="${another.id}"]`).waitFor();
  const latest: Counts = await api(ZHOU, 'GET', '/workcenter/inbox/counts');
  await p.page.locator('[data-total]', { hasText: `共${latest.total}项待办` }).waitFor();
  t.regex(await p.page.getByRole('tab', { name: taskLabel }).innerText(), new RegExp(shown(countOf(latest, ['task']))));
  t.true(await p.page.evaluate('window.__sameDocument === true'));
  await check(t, p, 'workcenter-live-list');
  await p.close();
});

test.serial('a session that ends while home is open is noticed by the poller: the person is sent to sign in, the page kept', async (t) => {
  const p = await browser.page(PHONE);
  await p.context.addInitScript({ content: "localStorage.setItem('yunzhou.inboxPollMs', '400')" });
  await signIn(p, ZHOU, '/');
  await p.page.locator('[data-module="tasks"]').waitFor();
  const token = (await p.context.cookies()).find((c) => c.name === 'yz_session')?.value as string;
  t.is((await server.call('POST', `${V}/auth/logout`, { token })).status, 204);
  await p.page.waitForURL(/\/login\?redirect=/);
  t.is(new URL(p.page.url()).searchParams.get('redirect'), '/');
  t.deepEqual(p.problems.filter((m) => !m.includes('401')), []);
  await p.close();
});

async function waitUntil(condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
