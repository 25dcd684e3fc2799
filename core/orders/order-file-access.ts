// The orders area's answer to the files area (SubjectAccess for subject type 'order'): an order's files are
// read by whoever may see the order, and uploaded by whoever may change it while it is open.
import type { Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { SubjectAccess } from '../files/index.js';
import { orderSettings, type OrdersDeps } from './order-records.js';
import { requireOpen, visibleOrder, writableOrder } from './order-visibility.js';

export class OrderFileAccess implements SubjectAccess {
  constructor(private readonly d: Pick<OrdersDeps, 'orders' | 'settings'>) {}

  /** Reading an order's files needs order.read and the order in scope (or handled by the actor). */
  async assertCanRead(tx: Tx, actor: Actor, _subjectType: string, orderId: string): Promise<void> {
    visibleOrder(actor, await this.d.orders.get(tx, actor.tenantId, orderId), orderId);
  }

  /** Uploading needs order.write on an open order the actor can see. */
  async assertCanWrite(tx: Tx, actor: Actor, _subjectType: string, orderId: string): Promise<void> {
    const order = writableOrder(actor, await this.d.orders.get(tx, actor.tenantId, orderId), orderId);
    requireOpen((await orderSettings(this.d, tx, actor.tenantId)).pipeline, order);
  }
}
