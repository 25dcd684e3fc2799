// 已办 over HTTP (GET /approval-tasks/done): the tasks a person settled themselves — 通过, 否决, 转交, and an
// administrator's 代审 — newest decision first, paged by keyset. Someone else's decisions (the 代审 of one's
// own task included) are not listed, nor is anything of another firm.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { Actor } from '../../core/organisation/actor.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { anOrder } from '../adapters/orders/order-builders.js';

interface Person { actor: Actor; token: string }
interface DoneRow { taskId: string; instanceId: string; status: string; decidedAt: string; opinion: string | null; onBehalf: boolean; instanceStatus: string; nodeName: string; submitterName: string | null; flowName: string }

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

const NODES = [{ key: 'level1', name: '订单一级审批', approvers: { kind: 'submitter_chooses', role: 'approver' }, mode: 'any' }];

async function call(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const r = await api.call(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const done = async (p: { token: string }, query = 'limit=100'): Promise<{ items: DoneRow[]; nextCursor: string | null; total?: number }> =>
  call(p.token, 'GET', `/approval-tasks/done?${query}`);

test('已办 lists what the person decided, 代审 and 转交 included, newest first; not others\' decisions, not another firm\'s', async (t) => {
  const firm = await aFirm(crm);
  const sun: Person = await firm.person(['sales'], { name: '孙露露' });
  const li: Person = await firm.person(['approver'], { name: '李审批' });
  const zhang: Person = await firm.person(['approver'], { name: '张审批' });
  const admin = { token: firm.adminToken };
  const other = await aFirm(crm);
  await call(admin.token, 'POST', '/approval-flows', { businessType: 'order_review', name: '订单内审', nodes: NODES });
  /** A new order of 孙露露's submitted to 李审批; its pending task. */
  const submitted = async () => {
    const order = await anOrder(crm, sun.actor);
    const body = await call(sun.token, 'POST', '/approvals', { businessType: 'order_review', businessId: order.id, chosenApprovers: { level1: [li.actor.userId] } });
    const task = body.record.find((r: { status: string }) => r.status === 'pending');
    return { instanceId: body.id as string, taskId: task.taskId as string };
  };

  const approved = await submitted();
  await call(li.token, 'POST', `/approvals/${approved.instanceId}/decide`, { taskId: approved.taskId, decision: 'approve', opinion: '同意' });
  const onBehalf = await submitted();
  await call(admin.token, 'POST', `/approvals/${onBehalf.instanceId}/decide`, { taskId: onBehalf.taskId, decision: 'reject', onBehalf: true, opinion: '代审：资料不全' });
  const transferred = await submitted();
  const after = await call(li.token, 'POST', `/approvals/${transferred.instanceId}/transfer`, { taskId: transferred.taskId, toUserId: zhang.actor.userId, opinion: '请张审批处理' });
  const zhangTask = after.record.find((r: { status: string }) => r.status === 'pending').taskId;
  const stillOpen = await submitted();

  // 李审批: his approval and his transfer, newest first; not the 代审 of his task, not the open one.
  const mine = await done(li, 'limit=100&withTotal=true');
  t.deepEqual(mine.items.map((x) => [x.instanceId, x.status, x.opinion, x.onBehalf, x.instanceStatus]), [
    [transferred.instanceId, 'transferred', '请张审批处理', false, 'pending'],
    [approved.instanceId, 'approved', '同意', false, 'approved'],
  ]);
  t.is(mine.total, 2);
  t.deepEqual([mine.items[1]?.nodeName, mine.items[1]?.submitterName, mine.items[1]?.flowName], ['订单一级审批', '孙露露', '订单内审']);
  t.true(Date.parse(mine.items[0]?.decidedAt ?? '') >= Date.parse(mine.items[1]?.decidedAt ?? ''));
  t.false(mine.items.some((x) => x.instanceId === stillOpen.instanceId || x.instanceId === onBehalf.instanceId));

  // The administrator's 代审 is in the administrator's 已办, marked as such.
  t.deepEqual((await done(admin)).items.map((x) => [x.instanceId, x.status, x.onBehalf]), [[onBehalf.instanceId, 'rejected', true]]);

  // 张审批 has done nothing yet; once he rejects the transferred task, it is his.
  t.deepEqual((await done(zhang)).items, []);
  await call(zhang.token, 'POST', `/approvals/${transferred.instanceId}/decide`, { taskId: zhangTask, decision: 'reject', opinion: '不符合条件' });
  t.deepEqual((await done(zhang)).items.map((x) => [x.instanceId, x.status, x.instanceStatus]), [[transferred.instanceId, 'rejected', 'rejected']]);
  t.is((await done(li)).items.length, 2, 'his list is unchanged by 张审批\'s decision');

  // Keyset paging: one row a page, the same rows in the same order.
  const first = await done(li, 'limit=1');
  t.truthy(first.nextCursor);
  const second = await done(li, `limit=1&cursor=${encodeURIComponent(first.nextCursor as string)}`);
  t.deepEqual([...first.items, ...second.items].map((x) => x.taskId), mine.items.map((x) => x.taskId));
  t.is(second.nextCursor, null);

  // Another firm sees none of it; the list needs a session.
  t.deepEqual((await done({ token: other.adminToken })).items, []);
  t.is((await api.call('GET', '/api/v1/approval-tasks/done')).status, 401);
});
