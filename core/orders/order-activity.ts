// What the 订单动态 timeline says and what the outbox announces for each pipeline move: who, from which stage
// to which, and why. One mapping, so that the timeline and the events never disagree.
import type { ActivityEntry, DomainEvent } from '../shared/index.js';
import { CANCELLED, OFF_PIPELINE_LABELS } from './pipeline-machine.js';
import type { PipelineDomainEvent } from './pipeline.js';
import type { Order } from './types.js';

/** A person's name for the timeline, by id; an unknown id prints as the id. */
export type NameOf = (userId: string) => string;

/** The timeline's sentence for one pipeline event, in Chinese as the screens show it. */
export function pipelineSummary(e: PipelineDomainEvent, nameOf: NameOf): string {
  switch (e.type) {
    case 'stage_changed':
      if (e.trigger === 'rollback') return `从「${e.fromName}」回退到「${e.toName}」：${e.reason ?? ''}`;
      if (e.trigger === 'complete') return `结单：从「${e.fromName}」进入「${e.toName}」`;
      return `从「${e.fromName}」（${e.fromProgress}%）推进到「${e.toName}」（${e.toProgress}%）`;
    case 'handed_over':
      return `转交给 ${nameOf(e.toUserId)}：${e.remark}`;
    case 'lost':
      return `在「${e.stageName}」输单：${e.reason}`;
    case 'cancelled':
      return `在「${e.stageName}」取消订单：${e.reason}`;
    case 'reopened':
      return `重新打开${e.from === CANCELLED ? '已取消' : OFF_PIPELINE_LABELS.lost}的订单，回到「${e.stageName}」`;
    case 'completed':
      return '订单完成';
  }
}

/**
 * The timeline entries and outbox events of a pipeline move. Event types are `order.<type>`; a hand-over's
 * event names its recipient (`recipientId`), so the work center can tell that person.
 */
export function pipelineRecords(
  order: Pick<Order, 'tenantId' | 'id' | 'title' | 'companyName'>,
  actorId: string | null,
  events: readonly PipelineDomainEvent[],
  nameOf: NameOf,
): { entries: ActivityEntry[]; outbox: DomainEvent[] } {
  const entries: ActivityEntry[] = [];
  const outbox: DomainEvent[] = [];
  for (const e of events) {
    const data: Record<string, unknown> = { ...e };
    if (e.type === 'handed_over') data.recipientId = e.toUserId;
    entries.push({ tenantId: order.tenantId, subjectType: 'order', subjectId: order.id, actorId, action: `order.${e.type}`, summary: pipelineSummary(e, nameOf), data });
    outbox.push({
      type: `order.${e.type}`, tenantId: order.tenantId, subjectType: 'order', subjectId: order.id, actorId,
      data: { ...data, orderTitle: order.title, companyName: order.companyName },
    });
  }
  return { entries, outbox };
}
