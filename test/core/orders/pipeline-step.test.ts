// The stored order after a pipeline move: where it is, who handles it, when it entered the stage, why it left
// and when it was completed. A property: whatever the walk, it is only off the pipeline with a stage to reopen
// into and a reason, exactly as the table's check constraint demands.
import test from 'ava';
import fc from 'fast-check';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { transition } from '../../../core/orders/pipeline.js';
import { orderAfter, pipelineStateOf } from '../../../core/orders/pipeline-step.js';
import { DEFAULT_PIPELINE_CONFIG } from '../../../core/orders/stage-config.js';
import type { Order } from '../../../core/orders/types.js';
import { aWalk } from './pipeline-arbitraries.js';
import { ALL_MET } from './pipeline-fixtures.js';

const T0 = new Date('2026-11-01T00:00:00Z');
const T1 = new Date('2026-11-26T08:00:00Z');
const anOrder = (over: Partial<Order> = {}): Order => ({
  tenantId: 't', id: 'o', inquiryId: 'i', title: '企业信用贷', companyName: '盛博科技', companyKey: '盛博科技', ownerId: 'sun', departmentId: null,
  handlerId: 'sun', stageKey: 'initial_contact', stageBeforeOff: null, stageEnteredAt: T0, offReason: null, completedAt: null,
  createdBy: 'sun', createdAt: T0, updatedAt: T0, version: 1, ...over,
});

function move(order: Order, event: Parameters<typeof transition>[1]): Order {
  const r = transition(pipelineStateOf(order), event, ALL_MET, DEFAULT_PIPELINE_CONFIG);
  if (isDomainError(r)) throw r;
  return { ...order, ...orderAfter(order, r.order, r.events, T1) };
}

test('advancing enters the next stage now; handing over keeps the stage and its entry time', (t) => {
  const advanced = move(anOrder(), { type: 'advance' });
  t.like(advanced, { stageKey: 'plan_negotiation', stageEnteredAt: T1, handlerId: 'sun' });
  const handed = move(anOrder(), { type: 'hand_over', toUserId: 'zhou', remark: '请跟进' });
  t.like(handed, { stageKey: 'initial_contact', stageEnteredAt: T0, handlerId: 'zhou' });
});

test('losing keeps the stage left and the reason; reopening returns there and clears both', (t) => {
  const lost = move(anOrder({ stageKey: 'plan_negotiation' }), { type: 'mark_lost', reason: ' 选择了其他机构 ' });
  t.like(lost, { stageKey: 'lost', stageBeforeOff: 'plan_negotiation', offReason: '选择了其他机构' });
  const reopened = move(lost, { type: 'reopen' });
  t.like(reopened, { stageKey: 'plan_negotiation', stageBeforeOff: null, offReason: null });
});

test('the finance close records when the order was completed', (t) => {
  t.like(move(anOrder({ stageKey: 'contract_won' }), { type: 'complete' }), { stageKey: 'completed', completedAt: T1 });
});

test('off the pipeline exactly when there is a stage to reopen into and a reason, along any walk', (t) => {
  fc.assert(
    fc.property(aWalk, ({ config, steps }) => {
      const first = config.stages[0]?.key ?? '';
      let order = anOrder({ stageKey: first });
      for (const { event, context } of steps) {
        const r = transition(pipelineStateOf(order), event, context, config);
        if (isDomainError(r)) continue;
        order = { ...order, ...orderAfter(order, r.order, r.events, T1) };
        const off = order.stageKey === 'lost' || order.stageKey === 'cancelled';
        if (off !== (order.stageBeforeOff !== null) || off !== (order.offReason !== null)) return false;
      }
      return true;
    }),
  );
  t.pass();
});
