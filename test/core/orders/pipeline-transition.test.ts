// What transition() returns besides the target: the new pipeline state, the events for the timeline and the
// outbox, and the refusals of badly formed requests.
import test from 'ava';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { transition, pipelineStateName, type PipelineEvent, type PipelineState, type PipelineTransition } from '../../../core/orders/pipeline.js';
import { DEFAULT_PIPELINE_CONFIG as CFG, type PipelineConfig } from '../../../core/orders/stage-config.js';
import { ALL_MET, anOrder } from './pipeline-fixtures.js';

function ok(order: PipelineState, event: PipelineEvent, config: PipelineConfig = CFG): PipelineTransition {
  const r = transition(order, event, ALL_MET, config);
  if (isDomainError(r)) throw new Error(`unexpected refusal ${r.code}: ${r.message}`);
  return r;
}
function refused(order: PipelineState, event: PipelineEvent, config: PipelineConfig = CFG): DomainError {
  const r = transition(order, event, ALL_MET, config);
  if (!isDomainError(r)) throw new Error(`unexpected success: ${JSON.stringify(r)}`);
  return r;
}

test('下一步 moves to the next stage, keeps the handler and reports both progress figures', (t) => {
  t.deepEqual(ok(anOrder('initial_contact'), { type: 'advance' }), {
    order: { stageKey: 'plan_negotiation', handlerId: 'user-sun' },
    events: [
      {
        type: 'stage_changed',
        trigger: 'advance',
        from: 'initial_contact',
        fromName: '初次沟通',
        fromProgress: 20,
        to: 'plan_negotiation',
        toName: '方案洽谈',
        toProgress: 40,
        reason: null,
      },
    ],
  });
});

test('回退 goes to the chosen earlier stage and records the trimmed reason', (t) => {
  t.deepEqual(ok(anOrder('contract_won'), { type: 'rollback', toStage: 'plan_negotiation', reason: '  方案需重做 ' }), {
    order: { stageKey: 'plan_negotiation', handlerId: 'user-sun' },
    events: [
      {
        type: 'stage_changed',
        trigger: 'rollback',
        from: 'contract_won',
        fromName: '合同赢单',
        fromProgress: 80,
        to: 'plan_negotiation',
        toName: '方案洽谈',
        toProgress: 40,
        reason: '方案需重做',
      },
    ],
  });
});

// [from, target] pairs that are not earlier stages.
const BAD_ROLLBACKS: readonly [string, string][] = [
  ['application_approval', 'application_approval'], // the same stage
  ['application_approval', 'contract_won'], // a later stage
  ['application_approval', 'completed'], // the final stage
  ['application_approval', 'lost'], // an off-pipeline state
  ['application_approval', 'no_such_stage'],
  ['application_approval', ''],
];
for (const [from, toStage] of BAD_ROLLBACKS) {
  test(`回退 from ${from} to "${toStage}" is refused: only an earlier stage can be chosen`, (t) => {
    const e = refused(anOrder(from), { type: 'rollback', toStage, reason: '资料不全' });
    t.is(e.code, 'order.invalid_rollback_target');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.details, { stage: from, toStage, allowed: ['initial_contact', 'plan_negotiation'] });
    t.true(e.text.zh.includes('初次沟通、方案洽谈'));
  });
}

// Every free-text field the timeline needs, blank or whitespace.
const BLANKS: readonly [string, PipelineEvent, 'reason' | 'remark'][] = [
  ['回退', { type: 'rollback', toStage: 'initial_contact', reason: '' }, 'reason'],
  ['回退', { type: 'rollback', toStage: 'initial_contact', reason: ' \n ' }, 'reason'],
  ['输单', { type: 'mark_lost', reason: '' }, 'reason'],
  ['输单', { type: 'mark_lost', reason: '   ' }, 'reason'],
  ['取消', { type: 'cancel', reason: '' }, 'reason'],
  ['取消', { type: 'cancel', reason: '\t' }, 'reason'],
  ['转交', { type: 'hand_over', toUserId: 'user-zheng', remark: '' }, 'remark'],
  ['转交', { type: 'hand_over', toUserId: 'user-zheng', remark: '  ' }, 'remark'],
];
for (const [name, event, field] of BLANKS) {
  test(`${name} with a blank ${field} (${JSON.stringify(event)}) is refused with order.reason_required`, (t) => {
    const e = refused(anOrder('plan_negotiation'), event);
    t.is(e.code, 'order.reason_required');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.details, { event: event.type, field });
  });
}

test('转交 hands the order to another person within the same stage', (t) => {
  t.deepEqual(ok(anOrder('application_approval'), { type: 'hand_over', toUserId: 'user-zheng', remark: ' 请审核 ' }), {
    order: { stageKey: 'application_approval', handlerId: 'user-zheng' },
    events: [{ type: 'handed_over', stage: 'application_approval', fromUserId: 'user-sun', toUserId: 'user-zheng', remark: '请审核' }],
  });
});

test('转交 needs a person, and someone other than the current handler', (t) => {
  t.is(refused(anOrder('plan_negotiation'), { type: 'hand_over', toUserId: ' ', remark: '请跟进' }).code, 'order.handler_required');
  const same = refused(anOrder('plan_negotiation'), { type: 'hand_over', toUserId: 'user-sun', remark: '请跟进' });
  t.is(same.code, 'order.hand_over_to_current_handler');
  t.deepEqual(same.details, { handlerId: 'user-sun' });
});

test('输单 takes the order off the pipeline and remembers the stage it left', (t) => {
  t.deepEqual(ok(anOrder('application_approval'), { type: 'mark_lost', reason: '客户选择了其他机构' }), {
    order: { stageKey: 'lost', stageBeforeOff: 'application_approval', handlerId: 'user-sun' },
    events: [{ type: 'lost', stage: 'application_approval', stageName: '申请批核', progress: 60, reason: '客户选择了其他机构' }],
  });
});

test('取消 takes the order off the pipeline and remembers the stage it left', (t) => {
  t.deepEqual(ok(anOrder('initial_contact'), { type: 'cancel', reason: '客户暂不需要' }), {
    order: { stageKey: 'cancelled', stageBeforeOff: 'initial_contact', handlerId: 'user-sun' },
    events: [{ type: 'cancelled', stage: 'initial_contact', stageName: '初次沟通', progress: 20, reason: '客户暂不需要' }],
  });
});

test('重新打开 returns a lost or cancelled order to the stage it left and forgets it', (t) => {
  for (const off of ['lost', 'cancelled'] as const) {
    t.deepEqual(ok(anOrder(off, { stageBeforeOff: 'contract_won' }), { type: 'reopen' }), {
      order: { stageKey: 'contract_won', handlerId: 'user-sun' },
      events: [{ type: 'reopened', from: off, stage: 'contract_won', stageName: '合同赢单', progress: 80 }],
    });
  }
});

test('重新打开 is refused when the stage the order left is no longer configured', (t) => {
  const e = refused(anOrder('lost', { stageBeforeOff: 'retired_stage' }), { type: 'reopen' });
  t.is(e.code, 'order.reopen_stage_unknown');
  t.is(e.kind, 'conflict');
  t.deepEqual(e.details, { state: 'lost', stageBeforeOff: 'retired_stage' });
});

test('结单 reaches 订单完成 and announces both the stage change and the completion', (t) => {
  t.deepEqual(ok(anOrder('contract_won'), { type: 'complete' }), {
    order: { stageKey: 'completed', handlerId: 'user-sun' },
    events: [
      {
        type: 'stage_changed',
        trigger: 'complete',
        from: 'contract_won',
        fromName: '合同赢单',
        fromProgress: 80,
        to: 'completed',
        toName: '订单完成',
        toProgress: 100,
        reason: null,
      },
      { type: 'completed', stage: 'completed', stageName: '订单完成', progress: 100 },
    ],
  });
});

test('下一步 into 订单完成 is refused and the message says the finance close is the way', (t) => {
  const e = refused(anOrder('contract_won'), { type: 'advance' });
  t.is(e.code, 'order.transition_not_allowed');
  t.deepEqual(e.details, { state: 'contract_won', event: 'advance' });
  t.is(e.text.zh, '当前状态「合同赢单」不能执行「下一步」：「订单完成」只能由财务、运营审批结单后进入');
});

test('a refusal names the stage and the event in words people use', (t) => {
  t.is(refused(anOrder('completed'), { type: 'cancel', reason: '不做了' }).text.zh, '当前状态「订单完成」不能执行「取消订单」');
  t.is(refused(anOrder('lost', { stageBeforeOff: 'initial_contact' }), { type: 'advance' }).text.zh, '当前状态「输单」不能执行「下一步」');
});

test('an order in a stage the tenant no longer has is refused with order.unknown_stage', (t) => {
  const e = refused(anOrder('retired_stage'), { type: 'advance' });
  t.is(e.code, 'order.unknown_stage');
  t.is(e.kind, 'conflict');
  t.deepEqual(e.details, { stage: 'retired_stage' });
});

test('the state is named as people see it', (t) => {
  t.is(pipelineStateName(CFG, 'plan_negotiation'), '方案洽谈');
  t.is(pipelineStateName(CFG, 'lost'), '输单');
  t.is(pipelineStateName(CFG, 'cancelled'), '已取消');
  t.is(pipelineStateName(CFG, 'retired_stage'), 'retired_stage');
});

test('a refusal is a DomainError value, never thrown', (t) => {
  t.true(transition(anOrder('completed'), { type: 'advance' }, ALL_MET, CFG) instanceof DomainError);
});
