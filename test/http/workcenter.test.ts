// 消息, 任务管理, 自动任务规则 and parked events through HTTP: what each person sees, marking read, task
// status with versions, validation, and for every resource: another firm's ids are not found, and a sales
// person sees only their own while a manager sees their department's.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { EventSink, UnitOfWork } from '../../core/shared/ports.js';
import { FakeClock, testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';

const clock = new FakeClock(new Date('2026-11-27T02:00:00Z'));
let crm: Crm;
let api: TestServer;

test.before(async () => {
  crm = await testCrm('pglite', { clock });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test.serial('a task handed to a colleague: created, told, started, completed, commented; the creator is told too', async (t) => {
  const firm = await aFirm(crm);
  const manager = await firm.person(['manager'], { name: '李经理' });
  const sales = await firm.person(['sales'], { name: '孙露露' });
  const created = await api.call('POST', '/api/v1/tasks', {
    token: manager.token,
    body: { title: '回访盛博科技', assigneeId: sales.actor.userId, dueAt: '2026-11-27T10:00:00.000Z', priority: 'high', related: { type: 'order', id: randomUUID() } },
  });
  t.is(created.status, 201);
  t.like(created.body, { status: 'todo', priority: 'high', overdue: false, assignee: { name: '孙露露' }, creator: { name: '李经理' }, version: 1 });
  const id = created.body.id as string;

  await crm.outboxRelay.runOnce();
  const count = await api.call('GET', '/api/v1/messages/unread-count', { token: sales.token });
  t.like(count.body, { total: 1, byKind: { task: 1 } });
  t.is(count.body.kinds.task.zh, '任务');
  const inbox = await api.call('GET', '/api/v1/messages?kind=task', { token: sales.token, headers: { 'accept-language': 'en' } });
  t.deepEqual(inbox.body.items.map((m: any) => [m.title, m.body, m.read, m.subject.type]), [['New task: 回访盛博科技', 'Due 2026-11-27 18:00', false, 'task']]);

  clock.advance(60_000);
  t.is((await api.call('POST', `/api/v1/tasks/${id}/events`, { token: sales.token, body: { event: 'start', version: 1 } })).body.status, 'in_progress');
  const stale = await api.call('POST', `/api/v1/tasks/${id}/events`, { token: sales.token, body: { event: 'complete', version: 1 } });
  t.is(stale.status, 409);
  t.is(stale.body.code, 'task.version_conflict');
  const wrong = await api.call('POST', `/api/v1/tasks/${id}/events`, { token: sales.token, body: { event: 'reopen', version: 2 } });
  t.is(wrong.status, 422);
  clock.advance(60_000);
  t.is((await api.call('POST', `/api/v1/tasks/${id}/events`, { token: sales.token, body: { event: 'complete', version: 2 } })).body.status, 'done');
  clock.advance(60_000);
  t.is((await api.call('POST', `/api/v1/tasks/${id}/comments`, { token: sales.token, body: { body: '已回访' } })).status, 201);
  t.deepEqual((await api.call('GET', `/api/v1/tasks/${id}/comments`, { token: manager.token })).body.items.map((c: any) => c.body), ['已回访']);

  await crm.outboxRelay.runOnce();
  const managerInbox = await api.call('GET', '/api/v1/messages', { token: manager.token });
  t.deepEqual(managerInbox.body.items.map((m: any) => m.title), ['任务「回访盛博科技」有新评论', '任务「回访盛博科技」已完成', '任务「回访盛博科技」进行中']);
  const one = managerInbox.body.items[0];
  const read = await api.call('POST', `/api/v1/messages/${one.id}/read`, { token: manager.token });
  t.true(read.body.read);
  t.deepEqual((await api.call('POST', '/api/v1/messages/read-all', { token: manager.token, body: {} })).body, { updated: 2 });
  t.is((await api.call('GET', '/api/v1/messages/unread-count', { token: manager.token })).body.total, 0);
});

test.serial('task lists: mine by default, overdue, by status; bad input is refused field by field', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  await api.call('POST', '/api/v1/tasks', { token: sales.token, body: { title: '已逾期', dueAt: '2026-11-26T00:00:00.000Z' } });
  await api.call('POST', '/api/v1/tasks', { token: sales.token, body: { title: '明天', dueAt: '2026-11-28T00:00:00.000Z' } });
  const all = await api.call('GET', '/api/v1/tasks', { token: sales.token });
  t.deepEqual(all.body.items.map((x: any) => [x.title, x.overdue]), [['已逾期', true], ['明天', false]]);
  t.deepEqual((await api.call('GET', '/api/v1/tasks?overdue=true', { token: sales.token })).body.items.map((x: any) => x.title), ['已逾期']);
  t.deepEqual((await api.call('GET', '/api/v1/tasks?status=done&status=cancelled', { token: sales.token })).body.items, []);
  const bad = await api.call('POST', '/api/v1/tasks', { token: sales.token, body: { title: '', priority: 'asap', related: { type: 'ship', id: 'x' } } });
  t.is(bad.status, 400);
  t.is(bad.body.code, 'validation.failed');
});

test.serial('every id of another firm is not found; a sales person sees only their own, a manager their department', async (t) => {
  const firm = await aFirm(crm);
  const other = await aFirm(crm);
  const dept = await crm.organisation.createDepartment(firm.admin, { name: '三：新媒体运营中心', parentId: firm.rootDepartmentId });
  const manager = await firm.person(['manager'], { departmentId: dept.id });
  const sales = await firm.person(['sales'], { departmentId: dept.id });
  const colleague = await firm.person(['sales'], { departmentId: dept.id });
  const task = (await api.call('POST', '/api/v1/tasks', { token: sales.token, body: { title: '自己的任务' } })).body;
  // A message for the sales person.
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  await uow.run((tx) => crm.container.get<EventSink>(EventSink).publish(tx, [{ type: 'inquiry.recycled', tenantId: firm.tenantId, subjectType: 'inquiry', subjectId: randomUUID(), actorId: null, data: { fromOwnerId: sales.actor.userId, reason: 'overdue' } }]));
  await crm.outboxRelay.runOnce();
  const message = (await api.call('GET', '/api/v1/messages?kind=pool', { token: sales.token })).body.items[0];
  t.is(message.title, '您负责的一条咨询已退回公海');

  for (const [path, method] of [[`/api/v1/tasks/${task.id}`, 'GET'], [`/api/v1/tasks/${task.id}/comments`, 'GET'], [`/api/v1/messages/${message.id}`, 'GET'], [`/api/v1/messages/${message.id}/read`, 'POST']] as const) {
    t.is((await api.call(method, path, { token: other.adminToken })).status, 404, `another firm: ${path}`);
    t.is((await api.call(method, path, { token: colleague.token })).status, 404, `a colleague: ${path}`);
  }
  t.is((await api.call('PATCH', `/api/v1/tasks/${task.id}`, { token: other.adminToken, body: { version: 1, title: 'x' } })).status, 404);
  t.is((await api.call('GET', `/api/v1/tasks/${task.id}`, { token: manager.token })).status, 200, 'the manager sees the department\'s task');
  t.is((await api.call('GET', `/api/v1/messages/${message.id}`, { token: manager.token })).status, 404, 'but never another person\'s messages');
  t.deepEqual((await api.call('GET', '/api/v1/tasks?view=all', { token: colleague.token })).body.items, []);
  t.deepEqual((await api.call('GET', '/api/v1/tasks?view=all', { token: manager.token })).body.items.map((x: any) => x.id), [task.id]);
  t.deepEqual((await api.call('GET', '/api/v1/tasks?view=all', { token: other.adminToken })).body.items, []);
  t.deepEqual((await api.call('GET', '/api/v1/messages', { token: other.adminToken })).body.items, []);
});

test.serial('task rules: everyone with task.write reads them, an administrator tunes them', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const rules = await api.call('GET', '/api/v1/task-rules', { token: sales.token });
  t.deepEqual(rules.body.items.map((r: any) => [r.key, r.enabled, r.afterDays]), [['application_applying', true, 3], ['follow_up_overdue', false, 1]]);
  const body = { enabled: true, afterDays: 2, dueInHours: 8, priority: 'urgent' };
  t.is((await api.call('PUT', '/api/v1/task-rules/follow_up_overdue', { token: sales.token, body })).status, 403);
  const saved = await api.call('PUT', '/api/v1/task-rules/follow_up_overdue', { token: firm.adminToken, body });
  t.like(saved.body, { key: 'follow_up_overdue', enabled: true, afterDays: 2, priority: 'urgent' });
  t.is((await api.call('PUT', '/api/v1/task-rules/nope', { token: firm.adminToken, body })).status, 400);
});

test.serial('parked events are listed for the firm\'s administrator only, and can be put back in the queue', async (t) => {
  const firm = await aFirm(crm);
  const other = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  await uow.run((tx) => crm.container.get<EventSink>(EventSink).publish(tx, [{ type: 'probe.poison', tenantId: firm.tenantId, subjectType: 'probe', subjectId: randomUUID(), actorId: null, data: {} }]));
  await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId, type: 'probe.poison' }).update({ parked_at: clock.now(), attempts: 10, last_error: 'probe: Error: boom' });
  const parked = await api.call('GET', '/api/v1/outbox/parked', { token: firm.adminToken });
  t.deepEqual(parked.body.items.map((e: any) => [e.type, e.attempts, e.lastError]), [['probe.poison', 10, 'probe: Error: boom']]);
  t.is((await api.call('GET', '/api/v1/outbox/parked', { token: sales.token })).status, 403);
  t.deepEqual((await api.call('GET', '/api/v1/outbox/parked', { token: other.adminToken })).body.items, []);
  const id = parked.body.items[0].id as number;
  t.is((await api.call('POST', `/api/v1/outbox/parked/${id}/retry`, { token: other.adminToken })).status, 404);
  t.is((await api.call('POST', `/api/v1/outbox/parked/${id}/retry`, { token: firm.adminToken })).status, 204);
  t.deepEqual((await api.call('GET', '/api/v1/outbox/parked', { token: firm.adminToken })).body.items, []);
});
