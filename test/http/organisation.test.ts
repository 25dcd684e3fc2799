import test from 'ava';
import { testCrm } from '../support/crm.js';
import { aFirm, aMobile, PASSWORD } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';

let crm: Crm;
let api: TestServer;
test.before(async () => {
  crm = await testCrm('pglite');
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('an administrator builds the department tree and moves a department', async (t) => {
  const firm = await aFirm(crm);
  const token = firm.adminToken;
  const sales = await api.call('POST', '/api/v1/departments', { token, body: { name: '销售中心', parentId: firm.rootDepartmentId } });
  t.is(sales.status, 201);
  const media = await api.call('POST', '/api/v1/departments', { token, body: { name: '三：新媒体运营中心', parentId: sales.body.id } });
  t.is(media.body.parentId, sales.body.id);
  const list = await api.call('GET', '/api/v1/departments', { token });
  t.deepEqual(list.body.items.map((d: { name: string }) => d.name).sort(), ['三：新媒体运营中心', '销售中心', firm.admin ? list.body.items.find((d: { parentId: null | string }) => d.parentId === null).name : ''].sort());
  const cycle = await api.call('PATCH', `/api/v1/departments/${sales.body.id}`, { token, body: { version: 1, parentId: media.body.id } });
  t.is(cycle.status, 422);
  t.is(cycle.body.code, 'department.cycle');
  const renamed = await api.call('PATCH', `/api/v1/departments/${media.body.id}`, { token, body: { version: 1, name: '新媒体三部' } });
  t.is(renamed.body.name, '新媒体三部');
  t.is(renamed.body.version, 2);
  const stale = await api.call('PATCH', `/api/v1/departments/${media.body.id}`, { token, body: { version: 1, name: '过期' } });
  t.is(stale.status, 409);
  t.is(stale.body.code, 'department.version_conflict');
  const notEmpty = await api.call('DELETE', `/api/v1/departments/${sales.body.id}`, { token });
  t.is(notEmpty.body.code, 'department.not_empty');
  t.is((await api.call('DELETE', `/api/v1/departments/${media.body.id}`, { token })).status, 204);
});

test('users: create, duplicate mobile refused, roles changed, deactivated user cannot log in', async (t) => {
  const firm = await aFirm(crm);
  const token = firm.adminToken;
  const mobile = aMobile();
  const created = await api.call('POST', '/api/v1/users', { token, body: { name: '孙露露', mobile, departmentId: firm.rootDepartmentId, roleCodes: ['sales'], password: PASSWORD } });
  t.is(created.status, 201);
  t.deepEqual(created.body.roles, ['sales']);
  const dup = await api.call('POST', '/api/v1/users', { token, body: { name: '重复', mobile, departmentId: firm.rootDepartmentId, roleCodes: ['sales'], password: PASSWORD } });
  t.is(dup.status, 409);
  t.is(dup.body.code, 'user.duplicate_mobile');
  const badRole = await api.call('POST', '/api/v1/users', { token, body: { name: '错角色', mobile: aMobile(), departmentId: null, roleCodes: ['pilot'], password: PASSWORD } });
  t.is(badRole.body.code, 'validation.failed');
  const badMobile = await api.call('POST', '/api/v1/users', { token, body: { name: '错号码', mobile: '12345678901', departmentId: null, roleCodes: [], password: PASSWORD } });
  t.is(badMobile.body.code, 'identity.invalid_mobile');
  const promoted = await api.call('PATCH', `/api/v1/users/${created.body.id}`, { token, body: { version: 1, roleCodes: ['sales', 'manager'] } });
  t.deepEqual(promoted.body.roles, ['manager', 'sales']);
  const off = await api.call('PATCH', `/api/v1/users/${created.body.id}`, { token, body: { version: 2, active: false } });
  t.false(off.body.active);
  const login = await api.call('POST', '/api/v1/auth/login', { body: { mobile, password: PASSWORD } });
  t.is(login.body.code, 'auth.invalid_credentials');
});

test('a sales person cannot manage the organisation and sees other people\'s mobiles masked', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const r = await api.call('POST', '/api/v1/departments', { token: sales.token, body: { name: 'x', parentId: firm.rootDepartmentId } });
  t.is(r.status, 403);
  t.is(r.body.code, 'auth.forbidden');
  const users = await api.call('GET', '/api/v1/users?withTotal=true', { token: sales.token });
  t.is(users.body.total, 2);
  const admin = users.body.items.find((u: { roles: string[] }) => u.roles.includes('admin'));
  t.regex(admin.mobile, /^\d{3}\*{4}\d{4}$/);
  const self = users.body.items.find((u: { id: string }) => u.id === sales.actor.userId);
  t.is(self.mobile, sales.mobile);
});

test('users list pages with a keyset cursor and counts the total', async (t) => {
  const firm = await aFirm(crm);
  for (let i = 0; i < 4; i++) await firm.person(['sales']);
  const first = await api.call('GET', '/api/v1/users?limit=2&withTotal=true', { token: firm.adminToken });
  t.is(first.body.items.length, 2);
  t.is(first.body.total, 5);
  const second = await api.call('GET', `/api/v1/users?limit=2&cursor=${first.body.nextCursor}`, { token: firm.adminToken });
  const third = await api.call('GET', `/api/v1/users?limit=2&cursor=${second.body.nextCursor}`, { token: firm.adminToken });
  const ids = [...first.body.items, ...second.body.items, ...third.body.items].map((u: { id: string }) => u.id);
  t.is(new Set(ids).size, 5);
  t.is(third.body.nextCursor, null);
  const bad = await api.call('GET', '/api/v1/users?cursor=garbage', { token: firm.adminToken });
  t.is(bad.body.code, 'pagination.invalid_cursor');
});

test('no firm sees or changes another firm\'s departments and users, even by id', async (t) => {
  const a = await aFirm(crm);
  const b = await aFirm(crm);
  const bSales = await b.person(['sales']);
  const aUsers = await api.call('GET', '/api/v1/users?withTotal=true', { token: a.adminToken });
  t.false(aUsers.body.items.some((u: { id: string }) => u.id === bSales.actor.userId));
  t.is((await api.call('GET', `/api/v1/users/${bSales.actor.userId}`, { token: a.adminToken })).status, 404);
  const patch = await api.call('PATCH', `/api/v1/users/${bSales.actor.userId}`, { token: a.adminToken, body: { version: 1, active: false } });
  t.is(patch.status, 404);
  const dept = await api.call('PATCH', `/api/v1/departments/${b.rootDepartmentId}`, { token: a.adminToken, body: { version: 1, name: '入侵' } });
  t.is(dept.status, 404);
  const aDepts = await api.call('GET', '/api/v1/departments', { token: a.adminToken });
  t.false(aDepts.body.items.some((d: { id: string }) => d.id === b.rootDepartmentId));
  const reset = await api.call('POST', `/api/v1/users/${bSales.actor.userId}/password`, { token: a.adminToken, body: { password: 'hijack2026x' } });
  t.is(reset.status, 404);
  t.is((await api.call('GET', '/api/v1/me', { token: bSales.token })).status, 200);
});

test('the data scope of a manager covers their department and its sub-departments', async (t) => {
  const firm = await aFirm(crm);
  const sales = await crm.organisation.createDepartment(firm.admin, { name: '销售中心', parentId: firm.rootDepartmentId });
  const media = await crm.organisation.createDepartment(firm.admin, { name: '新媒体', parentId: sales.id });
  const other = await crm.organisation.createDepartment(firm.admin, { name: '财务部', parentId: firm.rootDepartmentId });
  const manager = await firm.person(['manager'], { departmentId: sales.id });
  t.is(manager.actor.dataScope, 'department_tree');
  t.deepEqual([...manager.actor.visibleDepartmentIds].sort(), [sales.id, media.id].sort());
  t.false(manager.actor.visibleDepartmentIds.includes(other.id));
  const me = await api.call('GET', '/api/v1/me', { token: manager.token });
  t.is(me.body.dataScope, 'department_tree');
});

test('an administrator changes a role\'s permissions and data scope; its holders log in again and get them', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const unknown = await api.call('PUT', '/api/v1/roles/sales', { token: firm.adminToken, body: { name: '销售', permissions: ['fly.plane'], dataScope: 'self' } });
  t.is(unknown.body.code, 'validation.failed');
  const r = await api.call('PUT', '/api/v1/roles/sales', { token: firm.adminToken, body: { name: '销售', permissions: ['inquiry.read', 'inquiry.write', 'inquiry.view_mobile'], dataScope: 'department' } });
  t.is(r.status, 200);
  t.deepEqual(r.body.permissions, ['inquiry.read', 'inquiry.view_mobile', 'inquiry.write']);
  t.is((await api.call('GET', '/api/v1/me', { token: sales.token })).status, 401);
  const again = await api.call('POST', '/api/v1/auth/login', { body: { mobile: sales.mobile, password: PASSWORD } });
  const me = await api.call('GET', '/api/v1/me', { token: again.body.token });
  t.is(me.body.dataScope, 'department');
  t.true(me.body.permissions.includes('inquiry.view_mobile'));
  const created = await api.call('PUT', '/api/v1/roles/auditor', { token: firm.adminToken, body: { name: '审计', permissions: ['finance.read'], dataScope: 'tenant' } });
  t.is(created.body.code, 'auditor');
  const forbidden = await api.call('PUT', '/api/v1/roles/sales', { token: again.body.token, body: { name: 'x', permissions: [], dataScope: 'tenant' } });
  t.is(forbidden.status, 403);
  const locked = await api.call('PUT', '/api/v1/roles/admin', { token: firm.adminToken, body: { name: '管理员', permissions: ['inquiry.read'], dataScope: 'tenant' } });
  t.is(locked.body.code, 'role.admin_locked');
});
