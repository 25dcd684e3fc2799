// 结单 (business type 'order_close', one per order) plugged into the approval engine: finance or operations
// submit a fully collected order; when the flow approves, the order reaches 订单完成 through the pipeline's
// `complete` event, in the deciding transaction (the close_approved fact is read from that same approval).
import type { DomainError, Tx } from '../shared/index.js';
import { PERMISSIONS, type Actor } from '../organisation/index.js';
import type { ConditionSubject, ApprovalInstance, ApprovalOutcome, ApprovalSubject, SubjectPurpose } from '../approvals/index.js';
import { ORDER_SUBJECT, collectionSettings, event, financeOnly, visibleFinance, type CollectionsDeps } from './collections-deps.js';
import { closeNotReady, closeProblems } from './close-rules.js';
import { orderCompleted } from './errors.js';
import { outcomeKind } from './approval-outcome.js';
import type { OrderFinance } from './ports.js';

/** The orders area's pipeline, for its final move (OrderPipeline): both in the caller's transaction. */
export interface OrderCompletion {
  /** Fires the pipeline's `complete` (订单完成). */
  complete(tx: Tx, actor: Actor, orderId: string): Promise<unknown>;
  /** What the pipeline would refuse of that move once collected and approved (null: it would pass); changes nothing. */
  completionRefusal(tx: Tx, tenantId: string, orderId: string): Promise<DomainError | null>;
}

export interface CloseSubjectDeps extends CollectionsDeps {
  readonly completion: OrderCompletion;
}

/** Whether the order may be submitted for closing: the collections conditions of closeProblems, as one refusal. */
export async function checkClosable(d: CollectionsDeps, tx: Tx, actor: Actor, order: OrderFinance): Promise<void> {
  if (order.completedAt !== null) throw orderCompleted(order.orderId);
  const settings = await collectionSettings(d, tx, actor.tenantId);
  const unmet = closeProblems({
    receivableFen: order.receivableFen, receivedFen: order.receivedFen, invoicedFen: order.invoicedFen, invoiceWantedFen: order.invoiceWantedFen,
    requireInvoiced: settings.requireInvoicedToClose,
  });
  if (unmet.length) throw closeNotReady(order.orderId, unmet);
}

/**
 * The approval decided the close, so it is the authority for completing the order: the decider (or, for a
 * decision the system took, the submitter) acts with finance.write across the tenant for this one step.
 */
export function closeActor(tenantId: string, userId: string, timeZone: string): Actor {
  return {
    tenantId, userId, name: '结单审批', departmentId: null, roles: [], permissions: new Set([PERMISSIONS.financeWrite, PERMISSIONS.orderRead]),
    dataScope: 'tenant', visibleDepartmentIds: [], timeZone,
  };
}

export class CloseSubject implements ApprovalSubject {
  readonly timelineSubjectType = ORDER_SUBJECT;

  constructor(private readonly d: CloseSubjectDeps) {}

  /** Conditions read amountFen (the receivable), receivedFen, invoicedFen, title, ownerId, departmentId, stageKey. Changes nothing. */
  async facts(tx: Tx, actor: Actor, orderId: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    let order: OrderFinance;
    if (purpose === 'submit') {
      order = financeOnly(actor, await this.d.plans.lockOrder(tx, actor.tenantId, orderId), orderId);
      await checkClosable(this.d, tx, actor, order);
    } else {
      order = visibleFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
    }
    return {
      amountFen: order.receivableFen, receivedFen: order.receivedFen, invoicedFen: order.invoicedFen, title: order.title, companyName: order.companyName,
      ownerId: order.ownerId, departmentId: order.departmentId, stageKey: order.stageKey,
    };
  }

  /** Approved: the order completes (订单完成) now; rejected or withdrawn: it stays open and the owner is told. */
  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    const kind = outcomeKind(outcome);
    if (kind === 'approved') {
      const tenant = await this.d.org.getTenant(tx, instance.tenantId);
      const actor = closeActor(instance.tenantId, outcome.actorId ?? instance.submitterId, tenant?.timeZone ?? 'Asia/Shanghai');
      await this.d.completion.complete(tx, actor, instance.businessId);
      return;
    }
    await this.d.events.publish(tx, [
      event(instance.tenantId, ORDER_SUBJECT, instance.businessId, outcome.actorId, kind === 'rejected' ? 'order.close_rejected' : 'order.close_withdrawn', { instanceId: instance.id }),
    ]);
  }
}
