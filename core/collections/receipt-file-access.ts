// The collections area's answer to the files area (SubjectAccess for subject type 'receipt'): a receipt's
// bank slip (银行回单) is read by whoever may see the receipt's order, and attached by whoever may record
// receipts on it while the receipt is a draft (once submitted, the slip is what the approvers judge).
import type { Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { SubjectAccess } from '../files/index.js';
import type { CollectionsDeps } from './collections-deps.js';
import { recordableFinance, visibleFinance } from './collections-deps.js';
import { receiptNotEditable } from './errors.js';
import { receiptNotFound } from './receipt.service.js';

export class ReceiptFileAccess implements SubjectAccess {
  constructor(private readonly d: Pick<CollectionsDeps, 'receipts' | 'plans'>) {}

  async assertCanRead(tx: Tx, actor: Actor, _subjectType: string, receiptId: string): Promise<void> {
    await this.visible(tx, actor, receiptId);
  }

  async assertCanWrite(tx: Tx, actor: Actor, _subjectType: string, receiptId: string): Promise<void> {
    const receipt = await this.visible(tx, actor, receiptId);
    recordableFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, receipt.orderId), receipt.orderId);
    if (receipt.state !== 'draft') throw receiptNotEditable(receipt.state);
  }

  /** The receipt, or "not found" when the actor cannot see its order. */
  private async visible(tx: Tx, actor: Actor, receiptId: string) {
    const receipt = await this.d.receipts.get(tx, actor.tenantId, receiptId);
    if (!receipt) throw receiptNotFound(receiptId);
    try {
      visibleFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, receipt.orderId), receipt.orderId);
    } catch {
      throw receiptNotFound(receiptId);
    }
    return receipt;
  }
}
