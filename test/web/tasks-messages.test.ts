// 任务管理 and 消息 in the console, at phone and desk sizes: 孙露露 creates a task for 周销售 (an empty title refused
// at its field with the server's message); 周销售 sees it on his 任务管理 badge and in his list, comments,
// completes, reopens and completes it again; 孙露露's stale screen shows the server's message for the decision that lost the race. 周销售's
// 消息: unread shown, opening one marks it read and opens its task, 全部已读 clears them. The API sets up the
// colleague's side and checks what the screens stored; the outbox relay (the server's scheduled job) is run by
// hand, since the test server does not start its scheduler.
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';

let server: ConsoleServer;
let browser: Browser;
let zhouId: string;
const SUN = '13800000001';
const ZHOU = '13800000006';
const V = '/api/v1';

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
const taskCount = async (mobile: string): Promise<number> =>
  (await api(mobile, 'GET', '/workcenter/inbox/counts')).kinds.find((k: { kind: string }) => k.kind === 'task').count as number;
const deliver = (): Promise<unknown> => server.crm.outboxRelay.runOnce(new Date());

async function signIn(p: TestPage, mobile: string, path: string): Promise<void> {
  await signInThroughPage(p, server.url + path, mobile);
  await p.page.waitForURL((u) => u.pathname === path);
}

/** Resource failures the browser reports as console errors when a test makes them on purpose. */
const expected = (statuses: number[]) => (m: string): boolean => !statuses.some((s) => m.includes(`status of ${s}`));

async function check(t: any, p: TestPage, name: string, allow: (m: string) => boolean = () => true): Promise<void> {
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(p.problems.filter(allow), [], `console on ${name}`);
}

/** A minute in Shanghai (the browser's zone) as an <input type="datetime-local"> value, and the instant it names. */
function shanghaiMinute(ms: number): { local: string; iso: string } {
  const minute = Math.floor(ms / 60_000) * 60_000;
  return { local: new Date(minute + 8 * 3_600_000).toISOString().slice(0, 16), iso: new Date(minute).toISOString() };
}

const badge = (p: TestPage, module: string) => p.page.locator(`[data-module="${module}"] .van-badge`);

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`a task from 孙露露 to 周销售: created, seen with its badge, commented, completed; the stale screen shows the race at ${size.width}px`, async (t) => {
    const title = `补充营业执照${randomInt(0, 1e6)}`;
    const due = shanghaiMinute(Date.now() + 2 * 86_400_000);
    const zhouBefore = await taskCount(ZHOU);

    // 孙露露: 新建任务. An empty title is refused beside the field, as the server says it.
    const sun = await browser.page(size);
    await signIn(sun, SUN, '/tasks/new');
    await sun.page.getByRole('button', { name: '提交' }).click();
    const titleError = sun.page.locator('.van-field', { has: sun.page.locator('[name="title"]') }).locator('.van-field__error-message');
    await titleError.waitFor();
    t.true((await titleError.innerText()).length > 0);
    await check(t, sun, 'tasks-new-error', expected([400]));
    await sun.page.getByLabel('任务标题').fill(title);
    await sun.page.getByLabel('任务描述').fill('客户盛博科技的营业执照副本，周五前拍照上传');
    await sun.page.locator('#task-assignee').selectOption({ label: '周销售' });
    await sun.page.locator('input[name="dueAt"]').fill(due.local);
    await sun.page.getByRole('radio', { name: '高' }).click();
    await check(t, sun, 'tasks-new', expected([400]));
    await sun.page.getByRole('button', { name: '提交' }).click();
    await sun.page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    const id = sun.page.url().split('/').pop() as string;
    const stored = await api(SUN, 'GET', `/tasks/${id}`);
    t.like(stored, { title, description: '客户盛博科技的营业执照副本，周五前拍照上传', status: 'todo', priority: 'high', dueAt: due.iso, assignee: { id: zhouId, name: '周销售' }, creator: { name: '孙露露' } });
    t.is(await sun.page.locator('[data-assignee] .van-cell__value').innerText(), '周销售');
    t.is(await sun.page.locator('[data-status]').innerText(), '待办');

    // 周销售: the 任务管理 badge counts it, as the server does; the task is in his list.
    t.is(await taskCount(ZHOU), zhouBefore + 1);
    const zhou = await browser.page(size);
    await signIn(zhou, ZHOU, '/');
    await badge(zhou, 'tasks').waitFor();
    t.is(await badge(zhou, 'tasks').innerText(), String(zhouBefore + 1));
    await zhou.page.locator('[data-module="tasks"]').click();
    await zhou.page.waitForURL(/\/tasks$/);
    const row = zhou.page.locator(`[data-task="${id}"]`);
    await row.waitFor();
    t.regex(await row.innerText(), new RegExp(`${title}[\\s\\S]*待办[\\s\\S]*高[\\s\\S]*${due.local.slice(0, 10)}`));
    await check(t, zhou, 'tasks-list');
    await row.click();
    await zhou.page.waitForURL(new RegExp(`/tasks/${id}$`));

    // He comments; both see it (the server stored it under his name).
    await zhou.page.getByLabel('评论内容').fill('已联系客户，周四上传');
    await zhou.page.getByRole('button', { name: '发表' }).click();
    await zhou.page.locator('[data-comment]').filter({ hasText: '已联系客户，周四上传' }).waitFor();
    const comments = await api(SUN, 'GET', `/tasks/${id}/comments`);
    t.like(comments.items, [{ body: '已联系客户，周四上传', authorName: '周销售' }]);

    // He completes it: 已完成, stored, and no longer waiting on him.
    await zhou.page.getByRole('button', { name: '完成', exact: true }).click();
    await zhou.page.locator('[data-status]', { hasText: '已完成' }).waitFor();
    await zhou.page.getByRole('button', { name: '重新打开' }).waitFor();
    t.like(await api(ZHOU, 'GET', `/tasks/${id}`), { status: 'done', version: stored.version + 1 });
    t.is(await taskCount(ZHOU), zhouBefore);
    await check(t, zhou, 'tasks-done');
    // 重新打开 puts it back on his list; 完成 again.
    await zhou.page.getByRole('button', { name: '重新打开' }).click();
    await zhou.page.locator('[data-status]', { hasText: '待办' }).waitFor();
    t.like(await api(ZHOU, 'GET', `/tasks/${id}`), { status: 'todo', completedAt: null, version: stored.version + 2 });
    t.is(await taskCount(ZHOU), zhouBefore + 1);
    await zhou.page.getByRole('button', { name: '完成', exact: true }).click();
    await zhou.page.locator('[data-status]', { hasText: '已完成' }).waitFor();
    t.like(await api(ZHOU, 'GET', `/tasks/${id}`), { status: 'done', version: stored.version + 3 });

    // 孙露露's screen still shows it open: her 取消 lost the race, and says so with the server's words.
    const race = await server.call('POST', `${V}/tasks/${id}/events`, { token: await server.token(SUN), body: { event: 'cancel', version: stored.version } });
    t.is(race.status, 409);
    await sun.page.getByRole('button', { name: '取消任务' }).click();
    await sun.page.getByRole('alert').waitFor();
    t.is(await sun.page.getByRole('alert').innerText(), race.body.detail);
    await sun.page.locator('[data-status]', { hasText: '已完成' }).waitFor();
    t.like(await api(SUN, 'GET', `/tasks/${id}`), { status: 'done' });
    await sun.page.locator('[data-comment]').filter({ hasText: '已联系客户，周四上传' }).waitFor(); // read again with the task
    await check(t, sun, 'tasks-conflict', expected([400, 409]));

    // In her 我创建的: finished, handed to 周销售.
    await sun.page.goto(`${server.url}/tasks`);
    await sun.page.getByRole('tab', { name: '我创建的' }).click();
    await sun.page.getByText('未完成').click();
    await sun.page.getByRole('menuitem', { name: '已完成' }).click();
    await sun.page.locator('.van-dropdown-item__content').waitFor({ state: 'hidden' });
    await sun.page.locator(`[data-task="${id}"]`, { hasText: '周销售' }).waitFor();
    t.regex(await sun.page.locator(`[data-task="${id}"]`).innerText(), /已完成/);
    await check(t, sun, 'tasks-created-by-me', expected([400, 409]));
    await sun.close();
    await zhou.close();
  });
}

test.serial('reassigning a task hands it to a colleague, whose 办理中心 then lists it', async (t) => {
  const task = await api(SUN, 'POST', '/tasks', { title: `回访客户${randomInt(0, 1e6)}`, related: null });
  const p = await browser.page(DESK);
  await signIn(p, SUN, `/tasks/${task.id}`);
  await p.page.locator('#task-reassign').selectOption({ label: '周销售' });
  await p.page.getByRole('button', { name: '转交' }).click();
  await p.page.getByRole('status').filter({ hasText: '已转交给周销售' }).waitFor();
  t.like(await api(SUN, 'GET', `/tasks/${task.id}`), { assignee: { id: zhouId }, version: task.version + 1 });
  const items = (await api(ZHOU, 'GET', '/workcenter/inbox?kind=task&limit=100')).items as { id: string }[];
  t.true(items.some((i) => i.id === task.id));
  await check(t, p, 'tasks-reassigned');
  await p.close();
});

test.serial('a task made from a record is about that record, and its detail opens the record', async (t) => {
  const inquiry = await api(SUN, 'POST', '/inquiries', {
    companyName: `盛博科技${randomInt(0, 1e6)}有限公司`, mobile: `17${randomInt(0, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}`, contactName: '郑盛', gender: 'male',
    level: 'A', source: '电销', propertyType: '按揭房', remark: '浏览器测试', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const p = await browser.page(PHONE);
  await signIn(p, SUN, '/tasks/new');
  await p.page.goto(`${server.url}/tasks/new?relatedType=inquiry&relatedId=${inquiry.id}`);
  t.is(await p.page.locator('[data-related] input').inputValue(), '咨询');
  await p.page.getByLabel('任务标题').fill('约客户面签');
  await p.page.getByRole('button', { name: '提交' }).click();
  await p.page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  const id = p.page.url().split('/').pop() as string;
  t.like(await api(SUN, 'GET', `/tasks/${id}`), { title: '约客户面签', related: { type: 'inquiry', id: inquiry.id }, assignee: { name: '孙露露' }, dueAt: null, priority: 'normal' });
  await check(t, p, 'tasks-related');
  await p.page.getByRole('button', { name: '开始处理' }).click();
  await p.page.locator('[data-status]', { hasText: '进行中' }).waitFor();
  t.like(await api(SUN, 'GET', `/tasks/${id}`), { status: 'in_progress' });
  t.false(await p.page.getByRole('button', { name: '开始处理' }).isVisible());
  await p.page.locator('[data-related]').click();
  await p.page.waitForURL(new RegExp(`/inquiries/${inquiry.id}$`));
  t.deepEqual(p.problems, []);
  await p.close();
});

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`消息: unread shown, opening one marks it read and opens its task, 全部已读 clears them all at ${size.width}px`, async (t) => {
    // Two new tasks for 周销售 from 孙露露; the relay turns their events into his messages.
    const first = await api(SUN, 'POST', '/tasks', { title: `整理合同${randomInt(0, 1e6)}`, assigneeId: zhouId });
    await api(SUN, 'POST', '/tasks', { title: `核对回款${randomInt(0, 1e6)}`, assigneeId: zhouId });
    await deliver();
    const unread = (await api(ZHOU, 'GET', '/messages/unread-count')).total as number;
    t.true(unread >= 2);
    const message = ((await api(ZHOU, 'GET', '/messages?unread=true&limit=100')).items as { id: string; subject: { type: string; id: string } | null }[])
      .find((m) => m.subject?.type === 'task' && m.subject.id === first.id);
    t.truthy(message);

    const p = await browser.page(size);
    await signIn(p, ZHOU, '/');
    await badge(p, 'messages').filter({ hasText: String(unread > 99 ? '99+' : unread) }).waitFor(); // the home tile counts them too
    await p.page.locator('[data-module="messages"]').click();
    await p.page.waitForURL(/\/messages$/);
    await p.page.locator('[data-unread]', { hasText: `${unread}条未读` }).waitFor();
    const row = p.page.locator(`[data-message="${message!.id}"]`);
    await row.waitFor();
    t.is(await row.getAttribute('data-read'), 'false');
    t.regex(await row.innerText(), new RegExp(`新任务：${first.title}[\\s\\S]*未读`));
    await check(t, p, 'messages-unread');

    // Opening it marks it read on the server and opens the task it is about.
    await row.click();
    await p.page.waitForURL(new RegExp(`/tasks/${first.id}$`));
    t.like(await api(ZHOU, 'GET', `/messages/${message!.id}`), { read: true });
    t.is((await api(ZHOU, 'GET', '/messages/unread-count')).total, unread - 1);
    await p.page.goBack();
    await p.page.locator('[data-unread]', { hasText: `${unread - 1}条未读` }).waitFor();
    t.is(await p.page.locator(`[data-message="${message!.id}"]`).getAttribute('data-read'), 'true');

    // 全部已读.
    await p.page.getByRole('button', { name: '全部已读' }).click();
    await p.page.getByRole('status').filter({ hasText: '已全部标为已读' }).waitFor();
    await p.page.locator('[data-unread]', { hasText: '0条未读' }).waitFor();
    t.is((await api(ZHOU, 'GET', '/messages/unread-count')).total, 0);
    t.is(await p.page.locator('[data-message][data-read="false"]').count(), 0);
    await p.page.getByRole('tab', { name: '未读' }).click();
    await p.page.getByText('暂无消息').waitFor();
    await check(t, p, 'messages-all-read');
    await p.close();
  });
}
