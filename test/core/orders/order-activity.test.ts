// 订单动态: each pipeline event reads as one sentence, and its outbox event carries the same data (a hand-over
// names its recipient for the work center).
import test from 'ava';
import { pipelineRecords, pipelineSummary } from '../../../core/orders/order-activity.js';
import type { PipelineDomainEvent } from '../../../core/orders/pipeline.js';

const names: Record<string, string> = { sun: '孙露露', zhou: '周销售' };
const nameOf = (id: string): string => names[id] ?? id;

const CASES: readonly [PipelineDomainEvent, string][] = [
  [{ type: 'stage_changed', trigger: 'advance', from: 'a', fromName: '初次沟通', fromProgress: 20, to: 'b', toName: '方案洽谈', toProgress: 40, reason: null }, '从「初次沟通」（20%）推进到「方案洽谈」（40%）'],
  [{ type: 'stage_changed', trigger: 'rollback', from: 'b', fromName: '方案洽谈', fromProgress: 40, to: 'a', toName: '初次沟通', toProgress: 20, reason: '资料不全' }, '从「方案洽谈」回退到「初次沟通」：资料不全'],
  [{ type: 'stage_changed', trigger: 'complete', from: 'd', fromName: '合同赢单', fromProgress: 80, to: 'e', toName: '订单完成', toProgress: 100, reason: null }, '结单：从「合同赢单」进入「订单完成」'],
  [{ type: 'handed_over', stage: 'a', fromUserId: 'sun', toUserId: 'zhou', remark: '请编写方案' }, '转交给 周销售：请编写方案'],
  [{ type: 'lost', stage: 'b', stageName: '方案洽谈', progress: 40, reason: '选择了其他机构' }, '在「方案洽谈」输单：选择了其他机构'],
  [{ type: 'cancelled', stage: 'a', stageName: '初次沟通', progress: 20, reason: '暂不需要' }, '在「初次沟通」取消订单：暂不需要'],
  [{ type: 'reopened', from: 'lost', stage: 'b', stageName: '方案洽谈', progress: 40 }, '重新打开输单的订单，回到「方案洽谈」'],
  [{ type: 'reopened', from: 'cancelled', stage: 'a', stageName: '初次沟通', progress: 20 }, '重新打开已取消的订单，回到「初次沟通」'],
  [{ type: 'completed', stage: 'e', stageName: '订单完成', progress: 100 }, '订单完成'],
];
for (const [event, sentence] of CASES) {
  test(`${event.type}${'trigger' in event ? ` (${event.trigger})` : ''} reads: ${sentence}`, (t) => {
    t.is(pipelineSummary(event, nameOf), sentence);
  });
}

test('a hand-over becomes a timeline line and an order.handed_over event naming its recipient', (t) => {
  const { entries, outbox } = pipelineRecords({ tenantId: 't', id: 'o', title: '企业信用贷', companyName: '盛博科技' }, 'sun', [CASES[3]![0]], nameOf);
  t.deepEqual(entries.map((e) => [e.action, e.subjectType, e.subjectId, e.actorId]), [['order.handed_over', 'order', 'o', 'sun']]);
  t.is(outbox[0]?.type, 'order.handed_over');
  t.like(outbox[0]?.data, { recipientId: 'zhou', fromUserId: 'sun', orderTitle: '企业信用贷', companyName: '盛博科技', remark: '请编写方案' });
});
