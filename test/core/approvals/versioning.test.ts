import test from 'ava';
import { reviseFlow } from '../../../core/approvals/index.js';
import { aFlow, aNode, decideBy, submitted, summary } from './builders.js';

test('an instance keeps running on the flow version it started with when the flow is edited', (t) => {
  const v1 = aFlow([aNode({ key: 'a', name: '订单一级审批' }), aNode({ key: 'b', name: '订单二级审批', approvers: { kind: 'users', userIds: ['wang'] } })]);
  const running = submitted(v1).instance;
  const v2 = reviseFlow(v1, { nodes: [aNode({ key: 'a', name: '订单一级审批', approvers: { kind: 'users', userIds: ['zhao'] } })] });
  t.is(v2.version, 2);

  const continued = decideBy(running, 'li', 'approve').instance;
  t.is(continued.flow.version, 1);
  t.deepEqual(summary(continued), ['a:li:approved', 'b:wang:pending'], 'the removed node of v1 still runs');

  const fresh = submitted(v2).instance;
  t.is(fresh.flow.version, 2);
  t.deepEqual(summary(fresh), ['a:zhao:pending']);
});

test('the snapshot is the flow as submitted, not a reference that later edits could reach', (t) => {
  const v1 = aFlow([aNode({ key: 'a' })]);
  const running = submitted(v1).instance;
  t.deepEqual(running.flow, v1);
  t.not(running.flow, v1);
  (v1.nodes as unknown as { name: string }[])[0]!.name = 'edited in place';
  t.is(running.flow.nodes[0]?.name, '节点 a');
});
