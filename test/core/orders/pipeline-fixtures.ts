// Builders for the pipeline tests: facts, orders and well-formed events.
import type { OrderGuardContext } from '../../../core/orders/order-guards.js';
import type { PipelineEvent, PipelineState } from '../../../core/orders/pipeline.js';
import type { PipelineEventType } from '../../../core/orders/pipeline-machine.js';
import type { PipelineConfig } from '../../../core/orders/stage-config.js';

export const ALL_MET: OrderGuardContext = {
  profileComplete: true,
  hasPlan: true,
  matchedProductCount: 1,
  internalReviewApproved: true,
  contractConfirmed: true,
  fullyCollected: true,
  closeApproved: true,
};

export const NONE_MET: OrderGuardContext = {
  profileComplete: false,
  hasPlan: false,
  matchedProductCount: 0,
  internalReviewApproved: false,
  contractConfirmed: false,
  fullyCollected: false,
  closeApproved: false,
};

export function aContext(overrides: Partial<OrderGuardContext> = {}): OrderGuardContext {
  return { ...ALL_MET, ...overrides };
}

export function anOrder(stageKey: string, overrides: Partial<PipelineState> = {}): PipelineState {
  return { stageKey, handlerId: 'user-sun', ...overrides };
}

/** A well-formed event of each type; a rollback targets the first stage. */
export function anEvent(type: PipelineEventType, config: PipelineConfig): PipelineEvent {
  switch (type) {
    case 'rollback':
      return { type, toStage: config.stages[0]?.key ?? '', reason: '客户资料需补充' };
    case 'hand_over':
      return { type, toUserId: 'user-zheng', remark: '转交郑经理跟进' };
    case 'mark_lost':
      return { type, reason: '客户选择了其他机构' };
    case 'cancel':
      return { type, reason: '客户暂不需要融资' };
    default:
      return { type };
  }
}
