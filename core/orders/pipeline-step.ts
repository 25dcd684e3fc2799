// One pipeline move of a stored order inside a use case's transaction: facts loaded, transition() applied,
// the order saved under its version, and the timeline and outbox written with it.
import { isDomainError, type Tx } from '../shared/index.js';
import { pipelineRecords } from './order-activity.js';
import { guardContext, namesOf, record, saveOrder, type OrdersDeps } from './order-records.js';
import { CANCELLED, LOST } from './pipeline-machine.js';
import { transition, type PipelineDomainEvent, type PipelineEvent, type PipelineState } from './pipeline.js';
import type { Order, OrderSettings } from './types.js';

export interface PipelineStepResult {
  readonly order: Order;
  readonly events: readonly PipelineDomainEvent[];
}

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

/**
 * Applies pipeline events one after the other (提交到下一步 is 下一步 then 转交) with the facts of the order, and
 * saves once. Throws the first refusal; `note` is added to the first timeline line (the submit's remark).
 */
export async function applyPipelineEvents(
  d: OrdersDeps,
  tx: Tx,
  actorId: string | null,
  order: Order,
  events: readonly PipelineEvent[],
  settings: OrderSettings,
  note?: string,
): Promise<PipelineStepResult> {
  const context = await guardContext(d, tx, order, settings);
  let state = pipelineStateOf(order);
  const raised: PipelineDomainEvent[] = [];
  for (const event of events) {
    const moved = transition(state, event, context, settings.pipeline);
    if (isDomainError(moved)) throw moved;
    state = moved.order;
    raised.push(...moved.events);
  }
  const saved = await saveOrder(d, tx, order, orderAfter(order, state, raised, d.clock.now()));
  const people = raised.flatMap((e) => (e.type === 'handed_over' ? [e.fromUserId, e.toUserId] : []));
  const { entries, outbox } = pipelineRecords(saved, actorId, raised, await namesOf(d, tx, order.tenantId, people));
  const first = entries[0];
  if (note !== undefined && first) entries[0] = { ...first, summary: `${first.summary}（备注：${note}）`, data: { ...first.data, remark: note } };
  await record(d, tx, entries, outbox);
  return { order: saved, events: raised };
}
