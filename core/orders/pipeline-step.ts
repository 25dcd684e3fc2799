// Between a stored order and the pure pipeline: the state transition() reads, and the stored order after a move.
import { CANCELLED, LOST } from './pipeline-machine.js';
import type { PipelineDomainEvent, PipelineState } from './pipeline.js';
import type { Order } from './types.js';

/** The pipeline state of a stored order, as transition() reads it. */
export function pipelineStateOf(order: Order): PipelineState {
  return order.stageBeforeOff === null
    ? { stageKey: order.stageKey, handlerId: order.handlerId }
    : { stageKey: order.stageKey, stageBeforeOff: order.stageBeforeOff, handlerId: order.handlerId };
}

/** The stored order after a move: stage, handler, when the stage was entered, why it left, when completed. */
export function orderAfter(order: Order, next: PipelineState, events: readonly PipelineDomainEvent[], now: Date): Partial<Order> {
  const off = next.stageKey === LOST || next.stageKey === CANCELLED;
  const reason = events.find((e): e is Extract<PipelineDomainEvent, { type: 'lost' | 'cancelled' }> => e.type === 'lost' || e.type === 'cancelled')?.reason;
  return {
    stageKey: next.stageKey,
    stageBeforeOff: next.stageBeforeOff ?? null,
    handlerId: next.handlerId,
    stageEnteredAt: next.stageKey === order.stageKey ? order.stageEnteredAt : now,
    offReason: off ? (reason ?? order.offReason) : null,
    completedAt: events.some((e) => e.type === 'completed') ? now : order.completedAt,
  };
}
