// 系统设置 (the administrator's side) in a real browser: the administrator adds a department and a person in
// it with the sales role (who then signs in), renames and moves departments (a move under its own
// sub-department and the deletion of a department with people refused with the server's message), disables
// 周销售 while 周销售 has the console open (their next step leads to sign-in; their old session answers 401),
// resets a password (the new one signs in, the old one no longer), and gives a role a permission (its holder
// signs in again and the screens follow). A sales person sees no 系统设置 and 没有权限, and a forced write is
// refused; the second firm's administrator sees none of the first firm's departments and people.
import test from 'ava';
import { consoleServer, DEMO_PASSWORD, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';

let server: ConsoleServer;
let browser: Browser;
let admin: string;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
  admin = await server.token('13800000000');
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

interface Dept { id: string; name: string; parentId: string | null; version: number }
interface User { id: string; name: string; mobile: string; departmentId: string | null; active: boolean; roles: string[]; version: number }

async function departments(token = admin): Promise<Dept[]> {
  return (await server.call('GET', '/api/v1/departments', { token })).body.items as Dept[];
}
async function userByMobile(mobile: string): Promise<User> {
  const r = await server.call('GET', `/api/v1/users?keyword=${mobile}`, { token: admin });
  return (r.body.items as User[]).find((u) => u.mobile === mobile) as User;
}
const login = (mobile: string, password = DEMO_PASSWORD) => server.call('POST', '/api/v1/auth/login', { body: { mobile, password } });
const suffix = () => Math.random().toString(36).slice(2, 6);

/** Signs in through the page and waits for the screen asked for. */
async function signIn(p: TestPage, path: string, mobile: string, password = DEMO_PASSWORD): Promise<void> {
  await signInThroughPage(p, server.url + path, mobile, password);
  await p.page.waitForURL(server.url + path);
}

/** Screenshot, no passing toast (it fades and would be judged mid-fade), axe clean, no console errors but those named. */
async function check(t: any, p: TestPage, name: string, allow: RegExp | null = null): Promise<void> {
  await p.page.locator('.van-toast').first().waitFor({ state: 'hidden' }).catch(() => {});
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(p.problems.filter((m) => !allow?.test(m)), [], `console on ${name}`);
}

const deptRow = (p: TestPage, name: string) => p.page.locator(`[data-dept="${name}"] > .row`);
const dialog = (p: TestPage) => p.page.locator('.van-dialog:visible');
async function deptAction(p: TestPage, name: string, action: string): Promise<void> {
  await deptRow(p, name).locator('[data-dept-actions]').click();
  await p.page.locator('.van-action-sheet').getByRole('button', { name: action, exact: true }).click();
  await dialog(p).waitFor();
}

test.serial('phone: the administrator builds a department and a person in it; the person signs in', async (t) => {
  const p = await browser.page(PHONE);
  await signIn(p, '/', '13800000000');
  await p.page.locator('[data-module="settings"]').click();
  await p.page.waitForURL(/\/settings$/);
  t.is(await p.page.locator('[data-firm]').innerText(), '机构：大鑫金服');
  for (const label of ['部门管理', '员工管理', '角色权限']) t.true(await p.page.getByText(label, { exact: true }).isVisible(), label);
  await check(t, p, 'settings-index');

  // 部门管理: a sub-department of 销售中心.
  await p.page.locator('[data-section="departments"]').click();
  await deptRow(p, '销售中心').waitFor();
  const name = `测试${suffix()}部`;
  await deptAction(p, '销售中心', '添加下级部门');
  await dialog(p).getByLabel('部门名称').fill(name);
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await deptRow(p, name).waitFor();
  const all = await departments();
  const salesCentre = all.find((d) => d.name === '销售中心')!;
  const made = all.find((d) => d.name === name)!;
  t.is(made.parentId, salesCentre.id, 'stored under 销售中心');
  t.true(await p.page.locator(`[data-dept="销售中心"] [data-dept="${name}"]`).isVisible(), 'shown nested under 销售中心');

  // Collapsing 销售中心 hides its sub-departments; expanding shows them again.
  await p.page.getByRole('button', { name: '收起 销售中心' }).click();
  t.false(await deptRow(p, name).isVisible());
  await p.page.getByRole('button', { name: '展开 销售中心' }).click();
  await deptRow(p, name).waitFor();

  // Renamed.
  const renamed = `${name}二`;
  await deptAction(p, name, '重命名');
  await dialog(p).getByLabel('部门名称').fill(renamed);
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await deptRow(p, renamed).waitFor();
  t.is((await departments()).find((d) => d.id === made.id)?.name, renamed);

  // 销售中心 under its own sub-department: refused with the server's message, nothing moved.
  await deptAction(p, '销售中心', '移动');
  await dialog(p).getByLabel('上级部门').selectOption({ label: `\u3000\u3000${renamed}` });
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await dialog(p).getByRole('alert').waitFor();
  t.is(await dialog(p).getByRole('alert').innerText(), '不能把部门移到它自己的下级部门之下');
  t.is((await departments()).find((d) => d.id === salesCentre.id)?.parentId, salesCentre.parentId);
  await check(t, p, 'settings-department-cycle', /422/);
  await dialog(p).getByRole('button', { name: '取消' }).click();

  // Deleting 销售中心 (people and sub-departments in it): refused with the server's message.
  await deptAction(p, '销售中心', '删除');
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await dialog(p).getByRole('alert').waitFor();
  t.is(await dialog(p).getByRole('alert').innerText(), '部门下还有成员或子部门，不能删除');
  await dialog(p).getByRole('button', { name: '取消' }).click();
  t.truthy((await departments()).find((d) => d.id === salesCentre.id));

  // The new department moves under 财务部.
  await deptAction(p, renamed, '移动');
  await dialog(p).getByLabel('上级部门').selectOption({ label: '\u3000财务部' });
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await p.page.locator(`[data-dept="财务部"] [data-dept="${renamed}"]`).waitFor();
  const finance = (await departments()).find((d) => d.name === '财务部')!;
  t.is((await departments()).find((d) => d.id === made.id)?.parentId, finance.id);
  await check(t, p, 'settings-departments', /422/);

  // 员工管理 → 新建员工 in the new department with the sales role.
  await p.page.goto(`${server.url}/settings/users`);
  await p.page.locator('[data-user="孙露露"]').waitFor();
  await check(t, p, 'settings-users', /422/);
  await p.page.locator('[data-new-user]').click();
  await p.page.waitForURL(/\/settings\/users\/new$/);
  const mobile = aMobile();
  await p.page.getByLabel('姓名').fill('冯新人');
  await p.page.getByLabel('手机号').fill(mobile);
  await p.page.locator('[data-department]').selectOption({ label: `\u3000\u3000${renamed}` });
  await p.page.locator('[data-role="sales"]').click();
  t.is(await p.page.locator('[data-role="sales"]').getAttribute('aria-checked'), 'true');
  t.is(await p.page.locator('[data-scope] .van-cell__value').innerText(), '仅本人');
  // A weak password: the server's message at the field.
  await p.page.getByLabel('初始密码').fill('short');
  await p.page.locator('[data-save]').click();
  const passwordError = p.page.locator('.van-field', { has: p.page.locator('[name="password"]') }).locator('.van-field__error-message');
  await passwordError.waitFor();
  t.is(await passwordError.innerText(), '密码须为 8 至 128 位，且同时包含字母和数字');
  await p.page.getByLabel('初始密码').fill('Welcome2026');
  await p.page.locator('[data-save]').click();
  await p.page.waitForURL(/\/settings\/users\/[0-9a-f-]{36}$/);
  const created = await userByMobile(mobile);
  t.like(created, { name: '冯新人', departmentId: made.id, active: true, roles: ['sales'] });
  await check(t, p, 'settings-user-created', /422|400/);

  // The new person signs in on their own phone.
  const newcomer = await browser.page(PHONE);
  await signIn(newcomer, '/', mobile, 'Welcome2026');
  await newcomer.page.getByRole('heading', { name: '冯新人，你好' }).waitFor();
  t.false(await newcomer.page.locator('[data-module="settings"]').isVisible(), 'a sales person has no 系统设置');
  t.deepEqual(newcomer.problems, []);
  await newcomer.close();

  // Found by the department filter, then edited: renamed, moved to 财务部, given the manager role as well —
  // the scope shown follows the widest role, and the change of roles ends the person's session.
  const theirToken = (await login(mobile, 'Welcome2026')).body.token as string;
  await p.page.goto(`${server.url}/settings/users`);
  await p.page.locator('[data-user="孙露露"]').waitFor();
  await p.page.locator('[data-filter-department]').selectOption({ label: `\u3000\u3000${renamed}` });
  await p.page.locator('[data-total]').filter({ hasText: '共1条' }).waitFor();
  t.deepEqual(await p.page.locator('[data-user]').evaluateAll((els) => els.map((e) => e.getAttribute('data-user'))), ['冯新人']);
  await p.page.locator('[data-user="冯新人"]').click();
  await p.page.getByLabel('姓名').fill('冯新人甲');
  await p.page.locator('[data-department]').selectOption({ label: '\u3000财务部' });
  await p.page.locator('[data-role="manager"]').click();
  t.is(await p.page.locator('[data-scope] .van-cell__value').innerText(), '本部门及下级');
  await p.page.locator('[data-save]').click();
  await p.page.getByText('角色变更后，该员工需重新登录').waitFor();
  t.like(await userByMobile(mobile), { name: '冯新人甲', departmentId: finance.id, roles: ['manager', 'sales'] });
  t.is((await server.call('GET', '/api/v1/inquiries', { token: theirToken })).status, 401);
  await check(t, p, 'settings-user-edited', /422|400/);
  await p.close();
});

test.serial('desk: disabling 周销售 ends their session at once; enabling lets them back', async (t) => {
  const zhou = await browser.page(PHONE);
  await signIn(zhou, '/inquiries', '13800000006');
  const oldToken = (await login('13800000006')).body.token as string;
  t.is((await server.call('GET', '/api/v1/inquiries', { token: oldToken })).status, 200);

  const p = await browser.page(DESK);
  await signIn(p, '/settings/users', '13800000000');
  await p.page.getByRole('searchbox').fill('周销售');
  await p.page.getByRole('searchbox').press('Enter');
  await p.page.locator('[data-total]').filter({ hasText: '共1条' }).waitFor();
  t.is(await p.page.locator('[data-user]').count(), 1);
  await check(t, p, 'settings-users-search');
  await p.page.locator('[data-user="周销售"]').click();
  await p.page.waitForURL(/\/settings\/users\/[0-9a-f-]{36}$/);
  await p.page.getByRole('button', { name: '停用' }).click();
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await p.page.locator('[data-disabled]').waitFor();
  t.false((await userByMobile('13800000006')).active, 'stored as disabled');
  await check(t, p, 'settings-user-disabled');

  // The old session answers 401 at once; 周销售's next step leads to sign-in, where the password no longer works.
  t.is((await server.call('GET', '/api/v1/inquiries', { token: oldToken })).status, 401);
  await zhou.page.locator('.van-nav-bar__left').click();
  await zhou.page.waitForURL(/\/login\?/);
  t.true(await zhou.page.getByText('登录已过期，请重新登录').isVisible());
  t.not((await login('13800000006')).status, 200);
  await zhou.close();

  // The list shows 已停用; enabling lets 周销售 sign in again.
  await p.page.getByRole('button', { name: '启用' }).click();
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await p.page.locator('[data-disabled]').waitFor({ state: 'detached' });
  t.true((await userByMobile('13800000006')).active);
  t.is((await login('13800000006')).status, 200);
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('desk: a reset password replaces the old one; the person signs in with the new one', async (t) => {
  const qian = await userByMobile('13800000005');
  const p = await browser.page(DESK);
  await signIn(p, `/settings/users/${qian.id}`, '13800000000');
  await p.page.getByLabel('新密码').waitFor();
  await p.page.getByRole('button', { name: '生成' }).click();
  const generated = await p.page.getByLabel('新密码').inputValue();
  t.regex(generated, /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{10}$/, 'a generated password meets the policy');
  await p.page.getByLabel('新密码').fill('Reset2026ab');
  await p.page.getByRole('button', { name: '重置密码' }).click();
  await p.page.getByText('密码已重置，该员工需用新密码登录').waitFor();
  t.not((await login('13800000005')).status, 200, 'the old password no longer works');
  await check(t, p, 'settings-user-reset');
  await p.close();

  const q = await browser.page(PHONE);
  await signIn(q, '/', '13800000005', 'Reset2026ab');
  await q.page.getByRole('heading', { name: '钱运营，你好' }).waitFor();
  t.deepEqual(q.problems, []);
  await q.close();
});

for (const size of [PHONE, DESK]) {
  test.serial(`${size.width}px: a role given 组织管理 — its holder signs in again and has 系统设置`, async (t) => {
    const li = await browser.page(size);
    await signIn(li, '/', '13800000003');
    await li.page.getByRole('heading', { name: '李审批，你好' }).waitFor();
    t.false(await li.page.locator('[data-module="settings"]').isVisible());

    const p = await browser.page(size);
    await signIn(p, '/settings/roles', '13800000000');
    t.true(await p.page.getByText('保存后，拥有该角色的员工需重新登录才能获得新的权限').isVisible());
    await p.page.getByRole('button', { name: /审批人/ }).click();
    const role = p.page.locator('[data-role="approver"]');
    const orgManage = role.getByRole('checkbox', { name: '组织管理（部门、员工、角色、机构设置）' });
    t.is(await orgManage.getAttribute('aria-checked'), 'false');
    t.is(await role.getByRole('checkbox', { name: '查看订单' }).getAttribute('aria-checked'), 'true');
    await orgManage.click();
    await role.getByRole('checkbox', { name: '组织管理（部门、员工、角色、机构设置）', checked: true }).waitFor();
    // The section may still be settling after it opened (CI once saved without the choice): the choice is
    // confirmed on the page before saving.
    const scope = role.getByRole('radio', { name: '本部门及下级' });
    await scope.click();
    if (!(await role.getByRole('radio', { name: '本部门及下级', checked: true }).waitFor({ timeout: 3_000 }).then(() => true, () => false))) await scope.click();
    await role.getByRole('radio', { name: '本部门及下级', checked: true }).waitFor();
    await role.locator('[data-save]').click();
    await p.page.getByText('已保存，拥有该角色的员工需重新登录').waitFor();
    const saved = ((await server.call('GET', '/api/v1/roles', { token: admin })).body.items as { code: string; permissions: string[]; dataScope: string }[]).find((r) => r.code === 'approver')!;
    t.true(saved.permissions.includes('org.manage'));
    t.is(saved.dataScope, 'department_tree');
    await check(t, p, 'settings-roles');

    // 李审批's next step leads to sign-in; signed in again, 系统设置 is there and opens.
    await li.page.locator('[data-module="orders"]').click();
    await li.page.waitForURL(/\/login\?/);
    await li.page.getByLabel('手机号').fill('13800000003');
    await li.page.getByLabel('密码').fill(DEMO_PASSWORD);
    await li.page.getByRole('button', { name: '登录' }).click();
    await li.page.waitForURL((u) => u.pathname === '/orders');
    await li.page.goto(`${server.url}/`);
    await li.page.locator('[data-module="settings"]').click();
    await li.page.locator('[data-section="users"]').waitFor();
    t.deepEqual(li.problems.filter((m) => !/401|登录已失效/.test(m)), [], 'no console errors but the ended session');
    await li.close();

    // Back as it was, through the screen.
    await p.page.reload();
    await p.page.getByRole('button', { name: /审批人/ }).click();
    await role.getByRole('checkbox', { name: '组织管理（部门、员工、角色、机构设置）' }).click();
    await role.getByRole('radio', { name: '全公司' }).click();
    await role.locator('[data-save]').click();
    await p.page.getByText('已保存，拥有该角色的员工需重新登录').waitFor();
    const back = ((await server.call('GET', '/api/v1/roles', { token: admin })).body.items as { code: string; permissions: string[]; dataScope: string }[]).find((r) => r.code === 'approver')!;
    t.false(back.permissions.includes('org.manage'));
    t.is(back.dataScope, 'tenant');
    await p.close();
  });
}

test.serial('phone: a new role — its code checked by the server, its permissions ticked and saved', async (t) => {
  const p = await browser.page(PHONE);
  await signIn(p, '/settings/roles', '13800000000');
  await p.page.locator('[data-role="sales"]').waitFor();
  await p.page.locator('[data-new-role]').click();
  await dialog(p).getByLabel('角色名称').fill('电销');
  await dialog(p).getByLabel('角色编码').fill('Tele-sales');
  await dialog(p).getByRole('button', { name: '确定' }).click();
  const codeError = dialog(p).locator('.van-field', { has: p.page.locator('[name="code"]') }).locator('.van-field__error-message');
  await codeError.waitFor();
  t.true((await codeError.innerText()).length > 0, 'the server\'s message at the code');
  const code = `tele_${suffix()}`;
  await dialog(p).getByLabel('角色编码').fill(code);
  await dialog(p).getByRole('button', { name: '确定' }).click();
  const role = p.page.locator(`[data-role="${code}"]`);
  await role.locator('[data-save]').waitFor();
  await role.getByRole('checkbox', { name: '查看咨询' }).click();
  await role.getByRole('checkbox', { name: '录入和跟进咨询' }).click();
  await role.locator('[data-scope="department"]').click();
  await role.locator('[data-save]').click();
  await p.page.getByText('已保存，拥有该角色的员工需重新登录').waitFor();
  const saved = ((await server.call('GET', '/api/v1/roles', { token: admin })).body.items as { code: string; name: string; permissions: string[]; dataScope: string }[]).find((r) => r.code === code);
  t.like(saved, { name: '电销', permissions: ['inquiry.read', 'inquiry.write'], dataScope: 'department' });
  await check(t, p, 'settings-role-new', /400/);
  await p.close();
});

test.serial('phone: a sales person has no 系统设置; the URL says 没有权限 and a forced write is refused cleanly', async (t) => {
  const p = await browser.page(PHONE);
  await signIn(p, '/', '13800000001');
  await p.page.getByRole('heading', { name: '孙露露，你好' }).waitFor();
  t.false(await p.page.locator('[data-module="settings"]').isVisible());
  await p.page.goto(`${server.url}/settings/users`);
  await p.page.getByText('没有权限', { exact: false }).first().waitFor();
  await check(t, p, 'settings-forbidden');

  // The write itself, with the console's own session: 403 with the server's message.
  const forced = await p.page.evaluate(async () => {
    const r = await fetch('/api/v1/departments', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'yunzhou-console' },
      body: JSON.stringify({ name: '越权部门', parentId: null }),
    });
    return { status: r.status, body: (await r.json()) as { code: string } };
  });
  t.is(forced.status, 403);
  t.is(forced.body.code, 'auth.forbidden');
  t.false((await departments()).some((d) => d.name === '越权部门'));

  // A console that believes it may (a stale session): the screen opens, and the refusal is shown in place.
  await p.page.route('**/api/v1/auth/session', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const r = await route.fetch();
    const body = await r.json();
    body.me.permissions = [...body.me.permissions, 'org.manage'];
    await route.fulfill({ response: r, json: body });
  });
  await p.page.goto(`${server.url}/settings/departments`);
  await p.page.locator('[data-new-root]').click();
  await dialog(p).getByLabel('部门名称').fill('越权部门');
  await dialog(p).getByRole('button', { name: '确定' }).click();
  await dialog(p).getByRole('alert').waitFor();
  t.is(await dialog(p).getByRole('alert').innerText(), '您没有执行此操作的权限（需要 org.manage）');
  t.false((await departments()).some((d) => d.name === '越权部门'));
  await check(t, p, 'settings-forced-refused', /403/);
  await p.close();
});

test.serial('desk: the second firm’s administrator sees only their own departments and people', async (t) => {
  const p = await browser.page(DESK);
  await signIn(p, '/settings/departments', '13900000000');
  const other = await server.token('13900000000');
  const own = await departments(other);
  t.true(own.length > 0);
  await deptRow(p, own[0]!.name).waitFor();
  t.is(await p.page.getByText('销售中心').count(), 0);
  await check(t, p, 'settings-departments-second-firm');
  const firstFirm = new Set((await departments()).map((d) => d.id));
  t.false(own.some((d) => firstFirm.has(d.id)));

  await p.page.goto(`${server.url}/settings/users`);
  await p.page.locator('[data-user="大熹管理员"]').waitFor();
  t.is(await p.page.locator('[data-user="孙露露"]').count(), 0);
  t.is(await p.page.locator('[data-user]').count(), 1);
  await check(t, p, 'settings-users-second-firm');
  const people = (await server.call('GET', '/api/v1/users?limit=200', { token: other })).body.items as User[];
  t.deepEqual(people.map((u) => u.name), ['大熹管理员']);
  // A first-firm person's page by id: not found in this firm, shown as the server's message.
  const sun = await userByMobile('13800000001');
  await p.page.goto(`${server.url}/settings/users/${sun.id}`);
  await p.page.locator('[data-problem]').waitFor();
  t.notRegex(await p.page.locator('main').innerText(), /孙露露|13800000001/);
  await check(t, p, 'settings-second-firm', /404/);
  await p.close();
});
