import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { flowProblems, reviseFlow, validateFlow, type FlowDefinition } from '../../../core/approvals/index.js';
import { aFlow, aNode } from './builders.js';

const good = aFlow([
  aNode({ key: 'level1', name: '订单一级审批', approvers: { kind: 'submitter_chooses', role: 'manager' } }),
  aNode({ key: 'level2', name: '订单二级审批', approvers: { kind: 'department_head', levelsUp: 1 }, mode: 'all',
    condition: { field: 'amountFen', op: 'gt', value: 10_000_000 }, onReject: 'previous', timeLimitHours: 24, onTimeout: 'escalate', graceHours: 4 }),
]);

test('a well-formed flow is accepted and returned as is', (t) => {
  t.is(validateFlow(good), good);
});

const broken: [string, (f: FlowDefinition) => unknown, string[]][] = [
  ['no nodes', (f) => ({ ...f, nodes: [] }), ['/nodes approval.bad_flow']],
  ['unknown business type', (f) => ({ ...f, businessType: 'loan' }), ['/businessType approval.bad_flow']],
  ['version zero', (f) => ({ ...f, version: 0 }), ['/version approval.bad_flow']],
  ['unknown no-approver rule', (f) => ({ ...f, noApproverRule: 'wait' }), ['/noApproverRule approval.bad_flow']],
  ['unknown flow setting', (f) => ({ ...f, colour: 'red' }), ['/colour approval.unknown_key']],
  ['duplicate node keys', (f) => ({ ...f, nodes: [f.nodes[0], f.nodes[0]] }), ['/nodes approval.duplicate_node_key']],
  ['a node key that is not a plain name', (f) => ({ ...f, nodes: [{ ...f.nodes[0], key: '__proto__' }] }), ['/nodes/0/key approval.bad_node']],
  ['unknown mode', (f) => ({ ...f, nodes: [{ ...f.nodes[0], mode: 'majority' }] }), ['/nodes/0/mode approval.bad_node']],
  ['no users named', (f) => ({ ...f, nodes: [{ ...f.nodes[0], approvers: { kind: 'users', userIds: [] } }] }), ['/nodes/0/approvers/userIds approval.bad_approvers']],
  ['unknown approver kind', (f) => ({ ...f, nodes: [{ ...f.nodes[0], approvers: { kind: 'boss' } }] }), ['/nodes/0/approvers/kind approval.bad_approvers']],
  ['negative levels up', (f) => ({ ...f, nodes: [{ ...f.nodes[0], approvers: { kind: 'department_head', levelsUp: -1 } }] }), ['/nodes/0/approvers/levelsUp approval.bad_approvers']],
  ['an unknown condition operator', (f) => ({ ...f, nodes: [{ ...f.nodes[0], condition: { field: 'amountFen', op: 'over', value: 1 } }] }), ['/nodes/0/condition/op approval.condition_unknown_operator']],
  ['a timeout action without a time limit', (f) => ({ ...f, nodes: [{ ...f.nodes[0], onTimeout: 'auto_approve' }] }), ['/nodes/0/onTimeout approval.bad_timeout']],
  ['a zero time limit', (f) => ({ ...f, nodes: [{ ...f.nodes[0], timeLimitHours: 0 }] }), ['/nodes/0/timeLimitHours approval.bad_timeout']],
  ['grace hours for a reminder', (f) => ({ ...f, nodes: [{ ...f.nodes[0], timeLimitHours: 8, onTimeout: 'remind', graceHours: 2 }] }), ['/nodes/0/graceHours approval.bad_timeout']],
  ['unknown reject action', (f) => ({ ...f, nodes: [{ ...f.nodes[0], onReject: 'restart' }] }), ['/nodes/0/onReject approval.bad_node']],
];

for (const [name, breakIt, expected] of broken) {
  test(`a flow with ${name} is refused with its problem listed`, (t) => {
    t.deepEqual(flowProblems(breakIt(good)).map((p) => `${p.path} ${p.code}`), expected);
  });
}

test('validateFlow refuses with approval.invalid_flow listing every problem, in both languages', (t) => {
  const bad = { ...good, name: '', nodes: [{ ...good.nodes[0], mode: 'x', condition: { field: 'amountFen', op: 'gt' } }] };
  const e = t.throws(() => validateFlow(bad), { instanceOf: DomainError });
  t.is(e?.code, 'approval.invalid_flow');
  t.is(e?.kind, 'invalid');
  t.deepEqual((e?.details.problems as { path: string }[]).map((p) => p.path), ['/name', '/nodes/0/mode', '/nodes/0/condition/value']);
  t.deepEqual(e?.fieldErrors.map((p) => p.path), ['/name', '/nodes/0/mode', '/nodes/0/condition/value']);
  t.true(e?.text.zh.includes('审批流程配置有误'));
});

test('editing a flow makes the next version and validates it', (t) => {
  const v2 = reviseFlow(good, { nodes: [good.nodes[0]!] });
  t.is(v2.version, 2);
  t.is(v2.nodes.length, 1);
  t.is(good.version, 1);
  t.is(t.throws(() => reviseFlow(good, { nodes: [] }), { instanceOf: DomainError })?.code, 'approval.invalid_flow');
});
