// 服务费调整 (business type 'fee_adjustment') plugged into the approval engine: a success fee lowered after the
// plan was agreed, or a refused application's up-front fee refunded under the rule 审批后退还. Approved, the
// line owes the new amount (or no longer owes the refunded fee) and the plan's open instalments follow, in the
// deciding transaction; rejected or withdrawn, the line keeps what it owed.
import type { ApprovalInstance, ApprovalOutcome, ApprovalSubject, ConditionSubject, SubjectPurpose } from '../approvals/index.js';
import type { Actor } from '../organisation/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { domainError, notFound, type Tx } from '../shared/index.js';
import type { FeeWiring } from './fee-wiring.js';
import { loadVisibleOrder } from './order-access.js';
import type { FeeAdjustment, FeeAdjustmentRepository, OrderLineRepository, OrderSource } from './ports.js';

export interface FeeAdjustmentSubjectDeps {
  readonly adjustments: FeeAdjustmentRepository;
  readonly lines: OrderLineRepository;
  readonly orders: OrderSource;
  /** A wiring without an approval engine: deciding never opens another adjustment. */
  readonly wiring: FeeWiring;
}

const yuan = (fen: number): string => formatYuanGrouped(fen);

/** What the firm gives up by the adjustment: the lower fee, or the refund and the waived rest. */
export function adjustmentAmountFen(a: Pick<FeeAdjustment, 'fromFen' | 'toFen'>): number {
  return a.fromFen - a.toFen;
}

export class FeeAdjustmentSubject implements ApprovalSubject {
  readonly timelineSubjectType = 'fee_adjustment';

  constructor(private readonly d: FeeAdjustmentSubjectDeps) {}

  /** Conditions read amountFen (what the firm gives up), refundFen, title (the order's), kind. Changes nothing. */
  async facts(tx: Tx, actor: Actor, id: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    const a = await this.d.adjustments.get(tx, actor.tenantId, id);
    if (!a) throw notFound('fee_adjustment', '服务费调整', id);
    const order = await loadVisibleOrder(this.d.orders, tx, actor, a.orderId);
    if (purpose === 'submit' && a.state !== 'pending') {
      throw domainError('fee.adjustment_decided', 'rule', '该服务费调整已处理', 'This fee adjustment was already decided', { id });
    }
    return { amountFen: adjustmentAmountFen(a), refundFen: a.refundFen, title: order.title, ownerId: order.ownerId, departmentId: order.departmentId, kind: a.kind };
  }

  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    const a = await this.d.adjustments.getForUpdate(tx, instance.tenantId, instance.businessId);
    if (!a || a.state !== 'pending') return;
    const state = outcome.type === 'approval.approved' ? 'approved' : outcome.type === 'approval.rejected' ? 'rejected' : 'withdrawn';
    const at = outcome.at;
    if (!(await this.d.adjustments.decide(tx, a.tenantId, a.id, state, at))) return;
    const line = await this.d.lines.getLine(tx, a.tenantId, a.orderId, a.lineId);
    if (!line) return;
    const actor = { tenantId: a.tenantId, userId: outcome.actorId ?? instance.submitterId } as Actor;
    if (state !== 'approved') {
      const zh = a.kind === 'success_reduction'
        ? `${line.productName}：成功服务费调整未获批准，仍按 ${yuan(a.fromFen)} 元收取`
        : `${line.productName}：前期服务费退还未获批准，仍按 ${yuan(a.fromFen)} 元收取`;
      const en = `${line.productName}: the fee adjustment was ${state}; ${yuan(a.fromFen)} yuan stays due`;
      await this.d.wiring.record(tx, actor, line, 'fee.adjustment_not_approved', { zh, en }, { adjustmentId: a.id, state });
      return;
    }
    if (a.kind === 'success_reduction') {
      const zh = `${line.productName}：审批通过，成功服务费由 ${yuan(a.fromFen)} 元调整为 ${yuan(a.toFen)} 元${a.refundFen > 0 ? `，应退还客户 ${yuan(a.refundFen)} 元` : ''}`;
      await this.d.wiring.reduceSuccessFee(tx, actor, line, a.toFen, zh);
      await this.d.wiring.record(tx, actor, line, 'fee.adjustment_approved', { zh, en: `${line.productName}: approved; success fee from ${yuan(a.fromFen)} to ${yuan(a.toFen)} yuan` },
        { adjustmentId: a.id, kind: a.kind, fromFen: a.fromFen, toFen: a.toFen, refundFen: a.refundFen });
      return;
    }
    const zh = `${line.productName}：审批通过，退还已收前期服务费 ${yuan(a.refundFen)} 元，免收未收部分 ${yuan(a.waiveFen)} 元`;
    await this.d.wiring.waive(tx, actor, line, a.refundFen + a.waiveFen, a.waiveFen, zh);
    await this.d.wiring.record(tx, actor, line, 'fee.adjustment_approved', { zh, en: `${line.productName}: approved; refund ${yuan(a.refundFen)} yuan, waive ${yuan(a.waiveFen)} yuan` },
      { adjustmentId: a.id, kind: a.kind, refundFen: a.refundFen, waiveFen: a.waiveFen });
  }
}
