// Moving an order through its pipeline: one pure function from (order, event, facts, stage configuration) to
// the new pipeline state and the events that describe what happened, for the timeline (订单动态) and the outbox.
import { DomainError, domainError, isDomainError, fire } from '../shared/index.js';
import type { OrderGuardContext } from './order-guards.js';
import { CANCELLED, LOST, OFF_PIPELINE_LABELS, buildPipelineMachine, type OffPipelineState } from './pipeline-machine.js';
import type { PipelineConfig, StageConfig } from './stage-config.js';

/** Where an order stands in the pipeline, and who handles it now (负责人 of the current step). */
export interface PipelineState {
  /** A configured stage key, or `lost` (输单) / `cancelled` (已取消). */
  readonly stageKey: string;
  /** Only while lost or cancelled: the stage the order left, where 重新打开 returns it. */
  readonly stageBeforeOff?: string;
  readonly handlerId: string;
}

export type PipelineEvent =
  | { readonly type: 'advance' }
  | { readonly type: 'rollback'; readonly toStage: string; readonly reason: string }
  | { readonly type: 'hand_over'; readonly toUserId: string; readonly remark: string }
  | { readonly type: 'mark_lost'; readonly reason: string }
  | { readonly type: 'cancel'; readonly reason: string }
  | { readonly type: 'reopen' }
  | { readonly type: 'complete' };

/** What happened, in terms the timeline can print without the configuration (names are as they were then). */
export type PipelineDomainEvent =
  | {
      readonly type: 'stage_changed';
      readonly trigger: 'advance' | 'rollback' | 'complete';
      readonly from: string;
      readonly fromName: string;
      readonly fromProgress: number;
      readonly to: string;
      readonly toName: string;
      readonly toProgress: number;
      /** The 回退 reason; null for moves forward. */
      readonly reason: string | null;
    }
  | { readonly type: 'handed_over'; readonly stage: string; readonly fromUserId: string; readonly toUserId: string; readonly remark: string }
  | { readonly type: 'lost'; readonly stage: string; readonly stageName: string; readonly progress: number; readonly reason: string }
  | { readonly type: 'cancelled'; readonly stage: string; readonly stageName: string; readonly progress: number; readonly reason: string }
  | { readonly type: 'reopened'; readonly from: OffPipelineState; readonly stage: string; readonly stageName: string; readonly progress: number }
  | { readonly type: 'completed'; readonly stage: string; readonly stageName: string; readonly progress: number };

export interface PipelineTransition {
  readonly order: PipelineState;
  readonly events: PipelineDomainEvent[];
}

function stageOf(config: PipelineConfig, key: string): StageConfig {
  const s = config.stages.find((x) => x.key === key);
  if (!s) throw new Error(`stage "${key}" is not configured`); // the machine only returns configured stages
  return s;
}

/** An order stored in a stage the tenant has since removed cannot move until someone fixes its stage. */
export function unknownStage(stage: string): DomainError {
  return domainError(
    'order.unknown_stage',
    'conflict',
    `订单所在阶段「${stage}」已不在阶段配置中，请联系管理员`,
    `The order is in stage "${stage}", which is no longer configured; ask an administrator`,
    { stage },
  );
}

// A reason or remark is what the timeline shows to explain a step back, a loss, a cancellation or a hand-over.
function required(text: string, event: PipelineEvent['type'], field: 'reason' | 'remark'): DomainError | null {
  if (text.trim() !== '') return null;
  return field === 'reason'
    ? domainError('order.reason_required', 'invalid', '请填写原因', 'Give a reason', { event, field })
    : domainError('order.reason_required', 'invalid', '请填写操作备注', 'Give a remark', { event, field });
}

function payloadProblem(order: PipelineState, event: PipelineEvent): DomainError | null {
  switch (event.type) {
    case 'rollback':
    case 'mark_lost':
    case 'cancel':
      return required(event.reason, event.type, 'reason');
    case 'hand_over':
      if (event.toUserId.trim() === '') {
        return domainError('order.handler_required', 'invalid', '请选择下一节点操作人', 'Choose the person to hand the order over to', { event: event.type });
      }
      if (event.toUserId === order.handlerId) {
        return domainError('order.hand_over_to_current_handler', 'invalid', '订单已由该人员负责，请选择其他人', 'The order is already handled by that person; choose someone else', { handlerId: order.handlerId });
      }
      return required(event.remark, event.type, 'remark');
    default:
      return null;
  }
}

// 下一步 from the stage before 订单完成 is refused like any other disallowed move, but says what to do instead.
function explainRefusal(e: DomainError, event: PipelineEvent, config: PipelineConfig, stage: string): DomainError {
  const at = config.stages.findIndex((s) => s.key === stage);
  const final = config.stages[at + 1];
  if (e.code !== 'order.transition_not_allowed' || event.type !== 'advance' || !final?.final) return e;
  return new DomainError(
    e.code,
    e.kind,
    {
      zh: `${e.text.zh}：「${final.name}」只能由财务、运营审批结单后进入`,
      en: `${e.text.en}: "${final.key}" is reached only by the finance close`,
    },
    { ...e.details },
  );
}

/**
 * Applies one pipeline event: the order's new pipeline state and what happened, or a DomainError naming the
 * stage and the event (`order.transition_not_allowed`), listing every unmet condition (`order.guard_failed`),
 * or saying what is wrong with the request (`order.invalid_rollback_target`, `order.reason_required` …).
 */
export function transition(
  order: PipelineState,
  event: PipelineEvent,
  context: OrderGuardContext,
  config: PipelineConfig,
): PipelineTransition | DomainError {
  const def = buildPipelineMachine(config);
  if (!def.states.includes(order.stageKey)) return unknownStage(order.stageKey);
  const payload = { toStage: event.type === 'rollback' ? event.toStage : undefined, stageBeforeOff: order.stageBeforeOff };
  const fired = fire(def, order.stageKey, event.type, context, payload);
  if (isDomainError(fired)) return explainRefusal(fired, event, config, order.stageKey);
  const problem = payloadProblem(order, event);
  if (problem) return problem;

  const handlerId = order.handlerId;
  switch (event.type) {
    case 'advance':
    case 'rollback':
    case 'complete': {
      const from = stageOf(config, fired.from);
      const to = stageOf(config, fired.to);
      const changed: PipelineDomainEvent = {
        type: 'stage_changed',
        trigger: event.type,
        from: from.key,
        fromName: from.name,
        fromProgress: from.progress,
        to: to.key,
        toName: to.name,
        toProgress: to.progress,
        reason: event.type === 'rollback' ? event.reason.trim() : null,
      };
      const events: PipelineDomainEvent[] = [changed];
      if (event.type === 'complete') events.push({ type: 'completed', stage: to.key, stageName: to.name, progress: to.progress });
      return { order: { stageKey: to.key, handlerId }, events };
    }
    case 'hand_over':
      return {
        order: { stageKey: order.stageKey, handlerId: event.toUserId },
        events: [{ type: 'handed_over', stage: order.stageKey, fromUserId: handlerId, toUserId: event.toUserId, remark: event.remark.trim() }],
      };
    case 'mark_lost':
    case 'cancel': {
      const left = stageOf(config, order.stageKey);
      const off = event.type === 'mark_lost' ? LOST : CANCELLED;
      const reason = event.reason.trim();
      const what = { stage: left.key, stageName: left.name, progress: left.progress, reason };
      return {
        order: { stageKey: off, stageBeforeOff: left.key, handlerId },
        events: [off === LOST ? { type: 'lost', ...what } : { type: 'cancelled', ...what }],
      };
    }
    case 'reopen': {
      const back = stageOf(config, fired.to);
      const from = order.stageKey === LOST ? LOST : CANCELLED;
      return {
        order: { stageKey: back.key, handlerId },
        events: [{ type: 'reopened', from, stage: back.key, stageName: back.name, progress: back.progress }],
      };
    }
  }
}

/** The name people see for an order's position: the stage's name, or 输单 / 已取消. */
export function pipelineStateName(config: PipelineConfig, stage: string): string {
  if (stage === LOST || stage === CANCELLED) return OFF_PIPELINE_LABELS[stage];
  return config.stages.find((s) => s.key === stage)?.name ?? stage;
}
