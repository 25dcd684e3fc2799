// 结单 (step 12): finance or operations ask to close a fully collected order (and, by tenant rule, fully
// invoiced); the order_close approval flow decides, and its approval completes the order (CloseSubject).
import type { UnmetCondition, Tx } from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { collectionSettings, financeOnly, visibleFinance, type CollectionsDeps } from './collections-deps.js';
import { closeNotReady, closeProblems } from './close-rules.js';
import { checkClosable, type OrderCompletion } from './close-subject.js';
import type { ApprovalRequestOptions, ApprovalSubmitter } from './receipt.service.js';
import type { OrderFinance } from './ports.js';

export interface CloseServiceDeps extends CollectionsDeps {
  readonly approvals: ApprovalSubmitter;
  /** The orders area's pipeline, asked whether its final move would pass. */
  readonly completion: Pick<OrderCompletion, 'completionRefusal'>;
}

export interface CloseStatus {
  readonly orderId: string;
  readonly completedAt: Date | null;
  readonly receivableFen: number;
  readonly receivedFen: number;
  readonly invoicedFen: number;
  /** What still stops a close request (empty: it may be requested). */
  readonly unmet: readonly UnmetCondition[];
}

export class CloseService {
  constructor(private readonly d: CloseServiceDeps) {}

  /** Where the order stands for 结单: amounts and whatever still stops a close request. */
  async status(actor: Actor, orderId: string): Promise<CloseStatus> {
    return this.d.uow.read(async (tx) => {
      const order = visibleFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
      const settings = await collectionSettings(this.d, tx, actor.tenantId);
      const unmet = order.completedAt !== null ? [] : [
        ...closeProblems({
          receivableFen: order.receivableFen, receivedFen: order.receivedFen, invoicedFen: order.invoicedFen, invoiceWantedFen: order.invoiceWantedFen,
          requireInvoiced: settings.requireInvoicedToClose,
        }),
        ...(await this.pipelineProblems(tx, order)),
      ];
      return { orderId, completedAt: order.completedAt, receivableFen: order.receivableFen, receivedFen: order.receivedFen, invoicedFen: order.invoicedFen, unmet };
    });
  }

  /**
   * 申请结单: refused with `collection.close_not_ready` listing what is missing (money outstanding, invoices,
   * or a condition the pipeline asks of its final move, such as the confirmed contract), else submitted to the
   * tenant's order_close flow. Needs finance.write.
   */
  async requestClose(actor: Actor, orderId: string, opts: ApprovalRequestOptions = {}): Promise<{ instanceId: string; status: string; replayed: boolean }> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    await this.d.uow.read(async (tx) => {
      const o = financeOnly(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
      await checkClosable(this.d, tx, actor, o);
      await this.checkPipeline(tx, o);
    });
    const r = await this.d.approvals.submit(actor, { businessType: 'order_close', businessId: orderId, requestId: opts.requestId, chosenApprovers: opts.chosenApprovers });
    return { instanceId: r.id, status: r.status, replayed: r.replayed };
  }

  /** The final move must be possible once collected and approved: the order in the stage before 订单完成, its other conditions met. */
  private async checkPipeline(tx: Tx, o: OrderFinance): Promise<void> {
    const r = await this.d.completion.completionRefusal(tx, o.tenantId, o.orderId);
    if (!r) return;
    if (r.code === 'order.guard_failed') throw closeNotReady(o.orderId, (r.details.unmet as UnmetCondition[] | undefined) ?? []);
    throw r;
  }

  /** What the pipeline would refuse of the final move, as conditions 结单 shows before anyone asks (e.g. still at 申请批核). */
  private async pipelineProblems(tx: Tx, o: OrderFinance): Promise<UnmetCondition[]> {
    const r = await this.d.completion.completionRefusal(tx, o.tenantId, o.orderId);
    if (!r) return [];
    if (r.code === 'order.guard_failed') return [...((r.details.unmet as UnmetCondition[] | undefined) ?? [])];
    return [{ code: 'stage', zh: r.text.zh, en: r.text.en }];
  }
}
