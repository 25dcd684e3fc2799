// 订单内审 end to end over HTTP: the administrator configures the flow (订单一级审批: the submitter chooses an
// approver; 订单二级审批: a manager, only above 100,000 yuan), a sales person submits her order choosing 李审批,
// the approver decides, and the orders area's guard sees the outcome. Also: rejection, 代审, withdrawal, the
// race of two approvers on one 或签 node (PGlite and PostgreSQL), idempotent retries, permissions and tenants.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { Actor } from '../../core/organisation/actor.js';
import { UnitOfWork } from '../../core/shared/ports.js';
import { OrderFacts } from '../../core/orders/order-facts.js';
import { backends, type Backend } from '../support/database.js';
import { testCrm } from '../support/crm.js';
import { aFirm, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { aContract, anOrder, upload } from '../adapters/orders/order-builders.js';

interface Person { actor: Actor; token: string }
interface OrderFirm {
  firm: TestFirm;
  sun: Person;
  li: Person;
  zhang: Person;
  wang: Person;
  /** Another sales person of the firm: self scope, 孙露露's orders are out of sight. */
  colleague: Person;
  other: TestFirm;
  flowId: string;
}

const servers = new Map<Backend, { crm: Crm; api: TestServer }>();
test.before(async () => {
  for (const backend of backends()) {
    const crm = await testCrm(backend);
    servers.set(backend, { crm, api: await serve(crm) });
  }
});
test.after.always(async () => {
  for (const { crm, api } of servers.values()) {
    await api.close();
    await crm.close();
  }
});
const on = (backend: Backend = 'pglite') => servers.get(backend) as { crm: Crm; api: TestServer };

const ORDER_REVIEW_NODES = [
  { key: 'level1', name: '订单一级审批', approvers: { kind: 'submitter_chooses', role: 'approver' }, mode: 'any' },
  { key: 'level2', name: '订单二级审批', approvers: { kind: 'role', role: 'manager' }, mode: 'any', condition: { field: 'amountFen', op: 'gt', value: 10_000_000 } },
];

/**
 * One firm per backend (people cost a password hash each): 孙露露 (sales), 李审批 and 张审批 (approver), 王经理
 * (manager, head of nobody: department-tree scope over the root), a sales colleague, and the order review
 * flow saved over HTTP; plus another firm. Each test works on its own new order.
 */
const casts = new Map<Backend, Promise<OrderFirm>>();
function anOrderFirm(backend: Backend = 'pglite'): Promise<OrderFirm> {
  let cast = casts.get(backend);
  if (!cast) {
    cast = (async () => {
      const { crm, api } = on(backend);
      const firm = await aFirm(crm);
      const sun = await firm.person(['sales'], { name: '孙露露' });
      const li = await firm.person(['approver'], { name: '李审批' });
      const zhang = await firm.person(['approver'], { name: '张审批' });
      const wang = await firm.person(['manager'], { name: '王经理' });
      const colleague = await firm.person(['sales'], { name: '周销售' });
      const other = await aFirm(crm);
      const flow = await api.call('POST', '/api/v1/approval-flows', { token: firm.adminToken, body: { businessType: 'order_review', name: '订单内审', nodes: ORDER_REVIEW_NODES } });
      if (flow.status !== 201) throw new Error(JSON.stringify(flow.body));
      return { firm, sun, li, zhang, wang, colleague, other, flowId: flow.body.id };
    })();
    casts.set(backend, cast);
  }
  return cast;
}

async function submitOrder(api: TestServer, f: OrderFirm, orderId: string, approvers: string[], key?: string) {
  return api.call('POST', '/api/v1/approvals', {
    token: f.sun.token, body: { businessType: 'order_review', businessId: orderId, chosenApprovers: { level1: approvers } }, ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
}

interface InboxRow { taskId: string; instanceId: string; nodeName: string; submitterName: string; flowName: string }
/** The person's 待审批 rows of one instance. */
async function inboxOf(api: TestServer, p: Person, instanceId: string): Promise<InboxRow[]> {
  const r = await api.call('GET', '/api/v1/approval-tasks?limit=200', { token: p.token });
  return (r.body.items as InboxRow[]).filter((x) => x.instanceId === instanceId);
}

/** What the orders area's guards read (OrderFacts, the port its pipeline uses): internal review approved? */
async function reviewApproved(crm: Crm, tenantId: string, orderId: string): Promise<boolean> {
  const facts = crm.container.get<OrderFacts>(OrderFacts);
  return (await crm.container.get<UnitOfWork>(UnitOfWork).read((tx) => facts.load(tx, tenantId, orderId))).internalReviewApproved;
}

const taskOf = (instance: { record: { taskId: string; appointedApproverId: string | null; status: string }[] }, userId: string): string =>
  instance.record.find((r) => r.appointedApproverId === userId && r.status === 'pending')?.taskId as string;

test.serial('孙露露 submits her order choosing 李审批; he approves; the order\'s guard sees the internal review approved', async (t) => {
  const { crm, api } = on();
  const f = await anOrderFirm();
  const order = await anOrder(crm, f.sun.actor);
  t.false(await reviewApproved(crm, f.firm.tenantId, order.id));
  const submitted = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  t.is(submitted.status, 201);
  t.is(submitted.body.statusLabel, '审批中');
  t.deepEqual(submitted.body.nodes.map((n: { name: string; applies: boolean }) => [n.name, n.applies]), [['订单一级审批', true], ['订单二级审批', false]]);
  t.deepEqual(submitted.body.record.map((r: { heading: string; nodeName: string; appointedApproverName: string | null; statusLabel: string }) =>
    [r.heading, r.nodeName, r.appointedApproverName, r.statusLabel]), [['第1节点审核', '订单一级审批', '李审批', '待审批']]);

  const inbox = await inboxOf(api, f.li, submitted.body.id);
  t.deepEqual(inbox.map((x) => [x.nodeName, x.submitterName, x.flowName]), [['订单一级审批', '孙露露', '订单内审']]);
  t.deepEqual(await inboxOf(api, f.zhang, submitted.body.id), []);

  const decided = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/decide`, {
    token: f.li.token, body: { taskId: inbox[0]?.taskId, decision: 'approve', opinion: '资料齐全，同意' },
  });
  t.is(decided.status, 200);
  t.is(decided.body.status, 'approved');
  const [row, skipped] = decided.body.record;
  t.deepEqual([row.appointedApproverName, row.actualApproverName, row.statusLabel, row.opinion], ['李审批', '李审批', '已通过', '资料齐全，同意']);
  t.deepEqual([skipped.heading, skipped.nodeName, skipped.statusLabel, skipped.automatic, skipped.reason], ['第2节点审核', '订单二级审批', '已跳过', true, 'condition_not_met']);
  t.true(Number.isFinite(Date.parse(row.decidedAt)));
  t.true(await reviewApproved(crm, f.firm.tenantId, order.id));

  const timeline = await crm.orders.timeline(f.sun.actor, order.id);
  t.deepEqual(timeline.filter((a) => a.action.startsWith('approval.')).map((a) => a.summary),
    ['提交审批「订单内审」', '订单一级审批：李审批通过，意见：资料齐全，同意', '审批通过「订单内审」']);
  const orderEvents = await crm.database.knex('outbox_events').where({ tenant_id: f.firm.tenantId, subject_id: order.id }).pluck('type');
  t.true(orderEvents.includes('order.internal_review_approved'));
  const mine = await api.call('GET', '/api/v1/approvals/submitted?limit=200', { token: f.sun.token });
  t.deepEqual(mine.body.items.filter((i: { id: string }) => i.id === submitted.body.id).map((i: { status: string }) => i.status), ['approved']);
  const ofOrder = await api.call('GET', `/api/v1/approvals?businessType=order_review&businessId=${order.id}`, { token: f.sun.token });
  t.deepEqual(ofOrder.body.items.map((i: { id: string }) => i.id), [submitted.body.id]);
});

test.serial('a rejection needs an opinion, ends the review as rejected, and the guard stays unmet; the order can be submitted again', async (t) => {
  const { crm, api } = on();
  const f = await anOrderFirm();
  const order = await anOrder(crm, f.sun.actor);
  const submitted = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  const taskId = taskOf(submitted.body, f.li.actor.userId);
  const url = `/api/v1/approvals/${submitted.body.id}/decide`;
  const bare = await api.call('POST', url, { token: f.li.token, body: { taskId, decision: 'reject' } });
  t.is(bare.status, 400);
  t.is(bare.body.code, 'approval.opinion_required');
  const rejected = await api.call('POST', url, { token: f.li.token, body: { taskId, decision: 'reject', opinion: '征信报告缺失' } });
  t.is(rejected.body.statusLabel, '已否决');
  t.is(rejected.body.record[0].statusLabel, '已否决');
  t.false(await reviewApproved(crm, f.firm.tenantId, order.id));
  const again = await api.call('POST', url, { token: f.li.token, body: { taskId, decision: 'approve' } });
  t.is(again.status, 409);
  t.is(again.body.code, 'approval.already_decided');
  const resubmitted = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  t.is(resubmitted.status, 201);
  const twice = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  t.is(twice.status, 409);
  t.is(twice.body.code, 'approval.already_pending');
});

test.serial('above 100,000 yuan the 订单二级审批 applies; 代审 by the administrator shows 节点审批人 ≠ 真正审批人 in the record', async (t) => {
  const { crm, api } = on();
  const f = await anOrderFirm();
  const order = await anOrder(crm, f.sun.actor);
  const { version } = await crm.orderContracts.save(f.sun.actor, order.id, { version: order.version, ...aContract({ amountFen: 20_000_000 }) } as never);
  await upload(crm, f.sun.actor, order.id, 'contract_scan', 'pdf');
  await crm.orderContracts.confirm(f.sun.actor, order.id, { version });
  const submitted = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  t.deepEqual(submitted.body.nodes.map((n: { applies: boolean }) => n.applies), [true, true]);
  const first = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/decide`, {
    token: f.firm.adminToken, body: { taskId: taskOf(submitted.body, f.li.actor.userId), decision: 'approve', onBehalf: true, opinion: '李审批出差，代审' },
  });
  t.is(first.body.currentNode.name, '订单二级审批');
  t.false(await reviewApproved(crm, f.firm.tenantId, order.id));
  const second = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/decide`, {
    token: f.wang.token, body: { taskId: taskOf(first.body, f.wang.actor.userId), decision: 'approve' },
  });
  t.is(second.body.status, 'approved');
  const record = (await api.call('GET', `/api/v1/approvals/${submitted.body.id}`, { token: f.sun.token })).body.record;
  t.deepEqual(record.map((r: { heading: string; appointedApproverName: string; actualApproverName: string; onBehalf: boolean; statusLabel: string }) =>
    [r.heading, r.appointedApproverName, r.actualApproverName, r.onBehalf, r.statusLabel]), [
    ['第1节点审核', '李审批', '管理员', true, '已通过'],
    ['第2节点审核', '王经理', '王经理', false, '已通过'],
  ]);
  t.true(await reviewApproved(crm, f.firm.tenantId, order.id));
  const notAdmin = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/decide`, {
    token: f.zhang.token, body: { taskId: record[0].taskId, decision: 'approve', onBehalf: true },
  });
  t.is(notAdmin.body.code, 'approval.not_your_task');
});

test.serial('the submitter withdraws before any decision (a retry is replayed); a resubmission clears the approval until decided, withdrawing it restores it', async (t) => {
  const { crm, api } = on();
  const f = await anOrderFirm();
  const order = await anOrder(crm, f.sun.actor);
  const submitted = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  const byOther = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/withdraw`, { token: f.li.token });
  t.is(byOther.status, 403);
  const withdrawn = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/withdraw`, { token: f.sun.token, headers: { 'idempotency-key': 'w-1' } });
  t.is(withdrawn.body.statusLabel, '已撤回');
  const retried = await api.call('POST', `/api/v1/approvals/${submitted.body.id}/withdraw`, { token: f.sun.token, headers: { 'idempotency-key': 'w-1' } });
  t.is(retried.status, 200);
  t.true(retried.body.replayed);
  t.deepEqual(await inboxOf(api, f.li, submitted.body.id), []);
  t.false(await reviewApproved(crm, f.firm.tenantId, order.id));

  const approved = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  await api.call('POST', `/api/v1/approvals/${approved.body.id}/decide`, { token: f.li.token, body: { taskId: taskOf(approved.body, f.li.actor.userId), decision: 'approve' } });
  t.true(await reviewApproved(crm, f.firm.tenantId, order.id));
  const again = await submitOrder(api, f, order.id, [f.zhang.actor.userId]);
  t.false(await reviewApproved(crm, f.firm.tenantId, order.id));
  await api.call('POST', `/api/v1/approvals/${again.body.id}/withdraw`, { token: f.sun.token });
  t.true(await reviewApproved(crm, f.firm.tenantId, order.id));
});

test.serial('a missing chosen approver, or one without the approver role, is a field error; a flow edit does not reach a running review', async (t) => {
  const { crm, api } = on();
  const f = await anOrderFirm();
  const order = await anOrder(crm, f.sun.actor);
  const none = await submitOrder(api, f, order.id, []);
  t.is(none.status, 400);
  t.deepEqual(none.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['/chosenApprovers/level1', 'approval.approver_required']]);
  const wrong = await submitOrder(api, f, order.id, [f.wang.actor.userId]);
  t.deepEqual(wrong.body.errors.map((e: { code: string }) => e.code), ['approval.approver_not_eligible']);
  const running = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  const edit = await api.call('PUT', `/api/v1/approval-flows/${f.flowId}`, {
    token: f.firm.adminToken, body: { version: (await api.call('GET', `/api/v1/approval-flows/${f.flowId}`, { token: f.sun.token })).body.version, nodes: [{ key: 'only', name: '总经理审批', approvers: { kind: 'users', userIds: [f.wang.actor.userId] }, mode: 'any' }] },
  });
  t.true(edit.body.version >= 2);
  const decided = await api.call('POST', `/api/v1/approvals/${running.body.id}/decide`, { token: f.li.token, body: { taskId: taskOf(running.body, f.li.actor.userId), decision: 'approve' } });
  t.is(decided.body.status, 'approved');
  t.deepEqual([decided.body.flow.version, decided.body.record[0].nodeName], [edit.body.version - 1, '订单一级审批']);
  const versions = await api.call('GET', `/api/v1/approval-flows/${f.flowId}/versions`, { token: f.sun.token });
  t.deepEqual(versions.body.items.map((v: { version: number }) => v.version).slice(0, 2), [edit.body.version, edit.body.version - 1]);
  const restored = await api.call('PUT', `/api/v1/approval-flows/${f.flowId}`, { token: f.firm.adminToken, body: { version: edit.body.version, nodes: ORDER_REVIEW_NODES } });
  t.is(restored.status, 200);
});

test.serial('permissions and tenants: only approval.admin edits flows; another firm and a colleague outside the order\'s scope get 404', async (t) => {
  const { crm, api } = on();
  const f = await anOrderFirm();
  const other = f.other;
  const order = await anOrder(crm, f.sun.actor);
  const submitted = await submitOrder(api, f, order.id, [f.li.actor.userId]);
  const id = submitted.body.id;
  const taskId = taskOf(submitted.body, f.li.actor.userId);
  const forbidden = await api.call('POST', '/api/v1/approval-flows', { token: f.sun.token, body: { businessType: 'invoice', name: '开票', nodes: ORDER_REVIEW_NODES } });
  t.is(forbidden.status, 403);
  t.is((await api.call('PUT', `/api/v1/approval-flows/${f.flowId}`, { token: f.li.token, body: { version: 9, name: 'x' } })).status, 403);
  for (const [method, path, body] of [
    ['GET', `/api/v1/approvals/${id}`, undefined],
    ['POST', `/api/v1/approvals/${id}/decide`, { taskId, decision: 'approve', onBehalf: true }],
    ['POST', `/api/v1/approvals/${id}/transfer`, { taskId, toUserId: other.admin.userId, onBehalf: true }],
    ['POST', `/api/v1/approvals/${id}/withdraw`, {}],
    ['GET', `/api/v1/approval-flows/${f.flowId}`, undefined],
    ['GET', `/api/v1/approval-flows/${f.flowId}/versions`, undefined],
    ['DELETE', `/api/v1/approval-flows/${f.flowId}?version=1`, undefined],
  ] as const) {
    const r = await api.call(method, path, { token: other.adminToken, ...(body ? { body } : {}) });
    t.is(r.status, 404, `${method} ${path}`);
  }
  const foreignSubmit = await api.call('POST', '/api/v1/approvals', { token: other.adminToken, body: { businessType: 'order_review', businessId: order.id } });
  t.is(foreignSubmit.body.code, 'order.not_found');
  t.deepEqual((await api.call('GET', '/api/v1/approval-flows', { token: other.adminToken })).body.items, []);
  t.deepEqual((await api.call('GET', '/api/v1/approvals/submitted', { token: other.adminToken })).body.items, []);
  // Data scope: another sales person does not see 孙露露's order nor its review; her manager (department tree) does.
  const colleague = f.colleague;
  t.is((await api.call('GET', `/api/v1/approvals/${id}`, { token: colleague.token })).status, 404);
  t.is((await api.call('GET', `/api/v1/approvals?businessType=order_review&businessId=${order.id}`, { token: colleague.token })).body.code, 'order.not_found');
  t.is((await api.call('GET', `/api/v1/approvals/${id}`, { token: f.wang.token })).status, 200);
  t.is((await api.call('GET', `/api/v1/approvals/${id}`, { token: f.li.token })).body.myOpenTaskIds[0], taskId);
});

for (const backend of backends()) {
  test.serial(`[${backend}] two approvers deciding one 或签 node at once over HTTP: one 200, one 409 approval.already_decided; a retry with the same Idempotency-Key decides nothing`, async (t) => {
    const { crm, api } = on(backend);
    const f = await anOrderFirm(backend);
    const order = await anOrder(crm, f.sun.actor);
    const submitted = await submitOrder(api, f, order.id, [f.li.actor.userId, f.zhang.actor.userId], `submit-${order.id}`);
    const retriedSubmit = await submitOrder(api, f, order.id, [f.li.actor.userId, f.zhang.actor.userId], `submit-${order.id}`);
    t.deepEqual([submitted.status, retriedSubmit.status, retriedSubmit.body.id], [201, 200, submitted.body.id]);
    const url = `/api/v1/approvals/${submitted.body.id}/decide`;
    const [a, b] = await Promise.all([
      api.call('POST', url, { token: f.li.token, headers: { 'idempotency-key': 'li-1' }, body: { taskId: taskOf(submitted.body, f.li.actor.userId), decision: 'approve' } }),
      api.call('POST', url, { token: f.zhang.token, headers: { 'idempotency-key': 'zhang-1' }, body: { taskId: taskOf(submitted.body, f.zhang.actor.userId), decision: 'approve' } }),
    ]);
    t.deepEqual([a.status, b.status].sort(), [200, 409]);
    t.is([a, b].find((r) => r.status === 409)?.body.code, 'approval.already_decided');
    const winner = a.status === 200 ? { r: a, p: f.li, key: 'li-1' } : { r: b, p: f.zhang, key: 'zhang-1' };
    const retry = await api.call('POST', url, { token: winner.p.token, headers: { 'idempotency-key': winner.key }, body: { taskId: taskOf(submitted.body, winner.p.actor.userId), decision: 'approve' } });
    t.deepEqual([retry.status, retry.body.replayed, retry.body.version], [200, true, winner.r.body.version]);
    const decided = await crm.database.knex('outbox_events').where({ tenant_id: f.firm.tenantId, subject_id: submitted.body.id, type: 'approval.decided' }).count('* as n');
    t.is(Number(decided[0]?.n), 1);
    t.deepEqual(winner.r.body.record.map((r: { statusLabel: string }) => r.statusLabel).sort(), ['已跳过', '已跳过', '已通过']);
    t.true(await reviewApproved(crm, f.firm.tenantId, order.id));
  });
}
