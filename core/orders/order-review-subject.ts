// 订单内审 (order_review) plugged into the approval engine: what the node conditions read about an order, who
// may submit it or see its approvals (the pipeline's own load: an open order the actor may change, or one they
// see), and its reaction to the outcome. The pipeline guard "internal review approved" reads the latest
// non-withdrawn order_review instance through the order_review_status view (migration 202611270102), so the
// outcome is visible in the same transaction.
import type { DomainEvent, EventSink, Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { ConditionSubject, ApprovalInstance, ApprovalOutcome, ApprovalSubject, SubjectPurpose } from '../approvals/index.js';
import { ORDER_SUBJECT } from './order-records.js';
import type { OrderPipeline } from './order-pipeline.js';
import type { OrderRepository } from './ports.js';

/** The product categories of an order's lines (选择产品), each once. */
export interface OrderProductCategories {
  of(tx: Tx, tenantId: string, orderId: string): Promise<{ code: string; name: string }[]>;
}
export const OrderProductCategories = Symbol.for('yunzhou.OrderProductCategories');

export interface OrderReviewDeps {
  readonly pipeline: Pick<OrderPipeline, 'load'>;
  readonly orders: Pick<OrderRepository, 'summary'>;
  readonly categories: OrderProductCategories;
  readonly events: EventSink;
}

const OUTCOME_EVENT: Readonly<Record<ApprovalOutcome['type'], string>> = {
  'approval.approved': 'order.internal_review_approved',
  'approval.rejected': 'order.internal_review_rejected',
  'approval.withdrawn': 'order.internal_review_withdrawn',
};

/**
 * An order goes to internal review by someone who may change it while it is open; its approvals are seen by
 * whoever sees the order. Conditions read amountFen (应回款: the confirmed contract's amount, else the products'
 * total), contractFen, productTotalFen, productCategories (names, e.g. 企业经营性抵押贷) and productCategoryCodes.
 * Submitting changes nothing on the order: the review's state is the instance's own.
 */
export class OrderReviewSubject implements ApprovalSubject {
  readonly timelineSubjectType = ORDER_SUBJECT;

  constructor(private readonly d: OrderReviewDeps) {}

  async facts(tx: Tx, actor: Actor, orderId: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    await this.d.pipeline.load(tx, actor, orderId, purpose === 'submit' ? 'change' : 'read');
    const summary = await this.d.orders.summary(tx, actor.tenantId, orderId);
    if (!summary) throw new Error(`order ${orderId} vanished inside its transaction`);
    const categories = await this.d.categories.of(tx, actor.tenantId, orderId);
    return {
      amountFen: summary.amounts.receivableFen,
      contractFen: summary.amounts.contractFen,
      productTotalFen: summary.amounts.productTotalFen,
      productCategories: categories.map((c) => c.name),
      productCategoryCodes: categories.map((c) => c.code),
      title: summary.title,
      stageKey: summary.stageKey,
      ownerId: summary.ownerId,
      departmentId: summary.departmentId,
    };
  }

  /** The order announces its review's end (订单动态 already has the approval's own lines). */
  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    const event: DomainEvent = {
      type: OUTCOME_EVENT[outcome.type], tenantId: instance.tenantId, subjectType: ORDER_SUBJECT, subjectId: instance.businessId,
      actorId: outcome.actorId, data: { instanceId: instance.id, flowName: instance.flow.name, flowVersion: instance.flow.version },
    };
    await this.d.events.publish(tx, [event]);
  }
}
