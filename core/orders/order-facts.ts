// The facts the pipeline's guards read (OrderGuardContext), gathered before a transition: the orders area's
// own (profile complete, plan, confirmed contract) and those later areas contribute through the OrderFacts
// port (matched products, internal review, collection and close).
import type { Tx } from '../shared/index.js';
import type { OrderGuardContext } from './order-guards.js';

/** Facts owned by other areas; each is 0/false until its area exists and contributes it. */
export interface ContributedOrderFacts {
  /** Products area: the order's product lines (自动匹配 / 手动匹配). */
  readonly matchedProductCount: number;
  /** Approvals area: the internal review (内部审核) chain approved the order. */
  readonly internalReviewApproved: boolean;
  /** Collections area: every instalment received. */
  readonly fullyCollected: boolean;
  /** Collections area: finance and operations approved the close (结单). */
  readonly closeApproved: boolean;
}

export const NO_CONTRIBUTED_FACTS: ContributedOrderFacts = { matchedProductCount: 0, internalReviewApproved: false, fullyCollected: false, closeApproved: false };

/**
 * Loads the contributed facts of one order in the caller's transaction. The Knex adapter reads them from the
 * views order_product_totals, order_review_status and order_close_status, which the products, approvals and
 * collections areas replace with real queries in their migrations (docs/orders.md).
 */
export interface OrderFacts {
  load(tx: Tx, tenantId: string, orderId: string): Promise<ContributedOrderFacts>;
}
export const OrderFacts = Symbol.for('yunzhou.OrderFacts');

/** The orders area's own facts. */
export interface OwnOrderFacts {
  readonly profileComplete: boolean;
  readonly hasPlan: boolean;
  readonly contractConfirmed: boolean;
}

/** Every fact a guard may ask, from the area's own and the contributed ones. */
export function guardContextOf(own: OwnOrderFacts, contributed: ContributedOrderFacts): OrderGuardContext {
  return {
    profileComplete: own.profileComplete,
    hasPlan: own.hasPlan,
    contractConfirmed: own.contractConfirmed,
    matchedProductCount: contributed.matchedProductCount,
    internalReviewApproved: contributed.internalReviewApproved,
    fullyCollected: contributed.fullyCollected,
    closeApproved: contributed.closeApproved,
  };
}
