import test from 'ava';
import { eventsFrom, toMermaid, validateMachine } from '../../../core/shared/state-machine.js';
import { approvalRecord, INSTANCE_MACHINE, APPROVAL_TASK_MACHINE, taskStatusLabel, type ApprovalTaskStatus } from '../../../core/approvals/index.js';
import { aFlow, aNode, submitted } from './builders.js';

test('both status tables are valid machines', (t) => {
  t.deepEqual(validateMachine(INSTANCE_MACHINE), []);
  t.deepEqual(validateMachine(APPROVAL_TASK_MACHINE), []);
});

test('an ended instance allows no further event (it ends exactly once)', (t) => {
  for (const s of INSTANCE_MACHINE.final) t.deepEqual(eventsFrom(INSTANCE_MACHINE, s), []);
  t.deepEqual(eventsFrom(INSTANCE_MACHINE, 'pending'), ['approve', 'reject', 'withdraw']);
});

test('only an open task can be decided or transferred', (t) => {
  t.deepEqual(eventsFrom(APPROVAL_TASK_MACHINE, 'pending'), ['approve', 'reject', 'transfer', 'skip', 'withdraw']);
  t.deepEqual(eventsFrom(APPROVAL_TASK_MACHINE, 'waiting'), ['open', 'skip', 'withdraw', 'auto_pass']);
  for (const s of APPROVAL_TASK_MACHINE.final) t.deepEqual(eventsFrom(APPROVAL_TASK_MACHINE, s), []);
});

const labels: [ApprovalTaskStatus, string][] = [
  ['pending', '待审批'], ['approved', '已通过'], ['rejected', '已否决'], ['transferred', '已转交'],
  ['skipped', '已跳过'], ['withdrawn', '已撤回'], ['auto', '自动'], ['waiting', '未开始'],
];
for (const [status, label] of labels) {
  test(`task status ${status} shows as ${label}`, (t) => {
    t.is(taskStatusLabel(status), label);
  });
}

test('the diagram of the task table names its states in Chinese', (t) => {
  t.true(toMermaid(APPROVAL_TASK_MACHINE).includes('s1: 待审批'));
});

test('the record reads like the brochure: 第1节点审核, 节点审批人 孙露露, 审批节点 订单一级审批, 审批状态 待审批', (t) => {
  const flow = aFlow([
    aNode({ key: 'level1', name: '订单一级审批', approvers: { kind: 'users', userIds: ['sun'] } }),
    aNode({ key: 'level2', name: '订单二级审批', approvers: { kind: 'users', userIds: ['sun'] } }),
  ]);
  const [row] = approvalRecord(submitted(flow).instance);
  t.deepEqual(row, {
    heading: '第1节点审核', taskId: 't2', appointedApproverId: 'sun', actualApproverId: null, nodeName: '订单一级审批',
    status: 'pending', statusLabel: '待审批', decidedAt: null, opinion: null, onBehalf: false, automatic: false, reason: null,
  });
});
