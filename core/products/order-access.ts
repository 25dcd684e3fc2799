// Who may work on an order's products: the same people who see the order (core/orders canSeeOrder: data scope,
// or handling its current step). Anything else is "not found".
import type { Actor } from '../organisation/index.js';
import { canSeeOrder } from '../orders/index.js';
import { notFound, type Tx } from '../shared/index.js';
import type { OrderRef, OrderSource } from './ports.js';

/** Loads the order for the actor, or refuses with `order.not_found` when it is missing or out of sight. */
export async function loadVisibleOrder(orders: OrderSource, tx: Tx, actor: Actor, orderId: string): Promise<OrderRef> {
  const order = await orders.findOrder(tx, actor.tenantId, orderId);
  if (!order || !canSeeOrder(actor, order)) throw notFound('order', '订单', orderId);
  return order;
}
