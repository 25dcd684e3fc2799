// The fee wiring (issue 16): when an application moves (批核, 放款, a corrected disbursed amount, 拒绝) its
// line's fee is worked out again under the line's rule, in the same transaction as the move. The order's
// receivable follows from the stored parts (order_amounts); a success fee that grows after the plan was
// agreed becomes a proposed instalment; one that shrinks, and a refusal's refund under the firm's rule, wait
// for an approval (business type fee_adjustment) when successFeeDecision / rejectionRefund say so. The order's
// timeline says what was computed from what. The order row is locked first, so receipts and plan saves of
// the same order take turns with it.
import {
  REJECTION_REFUND_POLICY_LABELS, rejectionRefund, successFeeDecision, type RejectionRefundPolicy, type SuccessFeeDecision,
} from '../fees/index.js';
import { proposeFeeInstalment, reduceOpenInstalments, type CollectionPlanRepository, type OrderFinance } from '../collections/index.js';
import type { Actor } from '../organisation/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { DomainError, domainError, notFound, type Clock, type EventSink, type IdGenerator, type LocalizedText, type Timeline, type Tx } from '../shared/index.js';
import { lineDueFen, lineFeeState, upFrontOwedFen, type LineFeeState } from './fee-lines.js';
import type { FeeAdjustment, FeeAdjustmentRepository, FeeSettingsRepository, OrderLineRepository, ProductLine } from './ports.js';

/** The approval engine as the fee wiring uses it: a fee adjustment submitted in the caller's transaction. */
export interface FeeApprovals {
  submitIn(tx: Tx, actor: Actor, input: { readonly businessType: 'fee_adjustment'; readonly businessId: string }): Promise<{ readonly id: string; readonly status: string }>;
}
export const FeeApprovals = Symbol.for('yunzhou.products.FeeApprovals');

export interface FeeWiringDeps {
  readonly lines: OrderLineRepository;
  readonly feeSettings: FeeSettingsRepository;
  readonly adjustments: FeeAdjustmentRepository;
  readonly plans: CollectionPlanRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The approval engine, for the adjustments that wait for an approval (absent in the subject deciding them). */
  readonly approvals?: FeeApprovals | undefined;
}

export const DEFAULT_REJECTION_REFUND_POLICY: RejectionRefundPolicy = 'keep';

const yuan = (fen: number): string => formatYuanGrouped(fen);

export const feeAdjustmentPending = (lineId: string): DomainError =>
  domainError('fee.adjustment_pending', 'conflict', '该产品的服务费调整正在审批中，审批结束后再修改', 'A fee adjustment of this line is under approval; change it once it is decided', { lineId });

/** What moved the application, for the decision and the timeline. */
export type FeeTrigger = 'saved' | 'approve' | 'disburse' | 'correct_disbursement' | 'reject' | 'other';

export class FeeWiring {
  constructor(private readonly d: FeeWiringDeps) {}

  /** Works the fee of a line out again (a saved selection, an approval …) and stores it; no plan change. */
  async recompute(tx: Tx, actor: Actor, line: ProductLine): Promise<ProductLine> {
    const state = lineFeeState(line, this.d.clock.now());
    const next = await this.store(tx, { ...line, upFrontDueFen: state.upFrontDueFen, successDueFen: state.successDueFen, feeComputation: state.computation });
    if (line.feeRule !== null && lineDueFen(next) !== lineDueFen(line)) {
      await this.record(tx, actor, line, 'fee.computed', state.fee.text, { computation: state.computation, dueFen: lineDueFen(next) });
    }
    return next;
  }

  /**
   * The application of `before` became `after` (its new status and amounts already saved in `tx`): the fee
   * follows, with what the rules decide for the plan, a refund, or an approval. `reason` is what the person
   * wrote (a corrected disbursement's), kept with an adjustment so the approver reads why.
   */
  async applicationChanged(tx: Tx, actor: Actor, before: ProductLine, after: ProductLine, trigger: FeeTrigger, reason?: string): Promise<ProductLine> {
    if (trigger === 'disburse' || trigger === 'correct_disbursement') return this.disbursed(tx, actor, before, after, reason);
    if (trigger === 'reject') return this.rejected(tx, actor, before, after);
    return this.recompute(tx, actor, after);
  }

  /** Saves the line's fee and gives the line back with its totalFen (what it owes now) worked out again. */
  private async store(tx: Tx, line: ProductLine): Promise<ProductLine> {
    const next = { ...line, totalFen: lineDueFen(line) };
    await this.d.lines.updateLineFee(tx, next);
    return next;
  }

  private async lockFinance(tx: Tx, line: ProductLine): Promise<OrderFinance> {
    const order = await this.d.plans.lockOrder(tx, line.tenantId, line.orderId);
    if (!order) throw notFound('order', '订单', line.orderId);
    return order;
  }

  private async disbursed(tx: Tx, actor: Actor, before: ProductLine, after: ProductLine, reason: string | undefined): Promise<ProductLine> {
    if (await this.d.adjustments.pendingForLine(tx, after.tenantId, after.id)) throw feeAdjustmentPending(after.id);
    const order = await this.lockFinance(tx, after);
    const state = lineFeeState(after, this.d.clock.now());
    const previousFen = before.status === 'disbursed' ? before.successDueFen : null;
    const planApproved = (await this.d.plans.getPlan(tx, after.tenantId, after.orderId)) !== null;
    // Money received counts towards every other part first: what is left of it was paid towards this success fee.
    const collectedFen = Math.min(previousFen ?? 0, Math.max(0, order.receivedFen - (order.receivableFen - (previousFen ?? 0))));
    const decision = successFeeDecision({ previousFen, newFen: state.successDueFen, planApproved, collectedFen });
    if (decision instanceof DomainError) throw decision;
    const basis = this.basisText(after, state);
    const data = { lineId: after.id, decision: decision.action, computation: state.computation, previousFen, newFen: state.successDueFen, planApproved, collectedFen };
    if (decision.action === 'needs_approval') {
      // The customer owes the old amount until an approver agrees; the computation shows the new one.
      const kept = await this.store(tx, { ...after, upFrontDueFen: state.upFrontDueFen, successDueFen: before.status === 'disbursed' ? before.successDueFen : 0, feeComputation: state.computation });
      await this.openAdjustment(tx, actor, kept, {
        kind: 'success_reduction', fromFen: previousFen ?? 0, toFen: state.successDueFen, refundFen: decision.refundFen, waiveFen: decision.reductionFen - decision.refundFen,
        detail: { text: decision.text, basis, computation: state.computation, ...(reason === undefined ? {} : { reason }) },
      });
      await this.record(tx, actor, after, 'fee.success_fee_for_approval', join(basis, decision.text), data);
      return kept;
    }
    const next = await this.store(tx, { ...after, upFrontDueFen: state.upFrontDueFen, successDueFen: state.successDueFen, feeComputation: state.computation });
    if (decision.action === 'propose_instalment') await this.propose(tx, actor, next, decision, order);
    if (decision.action === 'none' && after.feeRule === null) return next; // a fixed fee: nothing to say
    await this.record(tx, actor, after, 'fee.success_fee_computed', join(basis, decision.text), data);
    return next;
  }

  private async propose(tx: Tx, actor: Actor, line: ProductLine, decision: Extract<SuccessFeeDecision, { action: 'propose_instalment' }>, order: OrderFinance): Promise<void> {
    const saved = await proposeFeeInstalment(this.d.plans, tx, {
      tenantId: line.tenantId, orderId: line.orderId, actorId: actor.userId, now: this.d.clock.now(), id: this.d.ids.id(),
      amountFen: decision.amountFen, dueOn: line.disbursedOn, reason: `${line.productName}：${decision.text.zh}`,
    });
    if (!saved) throw domainError('collection.plan_version_conflict', 'conflict', '回款计划已被他人修改，请刷新后重试', 'Someone else changed the collection plan first; reload and try again', { orderId: order.orderId });
  }

  private async rejected(tx: Tx, actor: Actor, before: ProductLine, after: ProductLine): Promise<ProductLine> {
    const order = await this.lockFinance(tx, after);
    const state = lineFeeState(after, this.d.clock.now());
    // The up-front part as it was owed before the refusal (a rate on an approved amount never got its base).
    const owed = upFrontOwedFen(before);
    const stored = await this.store(tx, { ...after, upFrontDueFen: before.upFrontDueFen, successDueFen: 0, feeComputation: state.computation });
    const policy = (await this.d.feeSettings.get(tx, after.tenantId))?.rejectionRefundPolicy ?? DEFAULT_REJECTION_REFUND_POLICY;
    const paid = Math.min(owed, Math.max(0, order.receivedFen - (order.receivableFen - owed)));
    const outcome = rejectionRefund({ policy, upFrontDueFen: owed, upFrontCollectedFen: paid });
    if (outcome instanceof DomainError) throw outcome;
    const data = { lineId: after.id, policy, action: outcome.action, refundFen: outcome.refundFen, waiveFen: outcome.waiveFen, keptFen: outcome.keptFen, upFrontDueFen: owed, collectedFen: paid };
    const rule = REJECTION_REFUND_POLICY_LABELS[policy];
    const text = { zh: `${after.productName}：${outcome.text.zh}（退费规则：${rule.zh}）`, en: `${after.productName}: ${outcome.text.en} (refund rule: ${rule.en})` };
    if (outcome.action === 'nothing') return stored;
    if (outcome.action === 'request_approval') {
      await this.openAdjustment(tx, actor, stored, {
        kind: 'rejection_refund', fromFen: owed, toFen: 0, refundFen: outcome.refundFen, waiveFen: outcome.waiveFen, detail: { text: outcome.text, policy },
      });
      await this.record(tx, actor, after, 'fee.refund_for_approval', text, data);
      return stored;
    }
    const next = outcome.action === 'refund' ? await this.waive(tx, actor, stored, outcome.refundFen + outcome.waiveFen, outcome.waiveFen, text.zh) : stored;
    await this.record(tx, actor, after, outcome.action === 'refund' ? 'fee.refunded' : 'fee.kept', text, data);
    return next;
  }

  /** The line no longer asks for `waivedFen` of its up-front fee; the plan's open instalments lose the unpaid part. */
  async waive(tx: Tx, actor: Actor, line: ProductLine, waivedFen: number, unpaidFen: number, reason: string): Promise<ProductLine> {
    const next = await this.store(tx, { ...line, feeWaivedFen: line.feeWaivedFen + waivedFen });
    await reduceOpenInstalments(this.d.plans, tx, {
      tenantId: line.tenantId, orderId: line.orderId, actorId: actor.userId, now: this.d.clock.now(), amountFen: unpaidFen, reason, ids: () => this.d.ids.id(), from: 'dated',
    });
    return next;
  }

  /** An approved success-fee reduction: the line owes the new amount, the plan's open instalments lose the difference. */
  async reduceSuccessFee(tx: Tx, actor: Actor, line: ProductLine, toFen: number, reason: string): Promise<ProductLine> {
    const cut = line.successDueFen - toFen;
    const next = await this.store(tx, { ...line, successDueFen: toFen });
    if (cut > 0) {
      await reduceOpenInstalments(this.d.plans, tx, {
        tenantId: line.tenantId, orderId: line.orderId, actorId: actor.userId, now: this.d.clock.now(), amountFen: cut, reason, ids: () => this.d.ids.id(), from: 'on_disbursement',
      });
    }
    return next;
  }

  private async openAdjustment(tx: Tx, actor: Actor, line: ProductLine, a: Pick<FeeAdjustment, 'kind' | 'fromFen' | 'toFen' | 'refundFen' | 'waiveFen' | 'detail'>): Promise<void> {
    const adjustment: FeeAdjustment = {
      tenantId: line.tenantId, id: this.d.ids.id(), orderId: line.orderId, lineId: line.id, state: 'pending', createdBy: actor.userId, createdAt: this.d.clock.now(), decidedAt: null, ...a,
    };
    if (!(await this.d.adjustments.insert(tx, adjustment))) throw feeAdjustmentPending(line.id);
    if (!this.d.approvals) throw new Error('the fee wiring has no approval engine to submit to');
    await this.d.approvals.submitIn(tx, actor, { businessType: 'fee_adjustment', businessId: adjustment.id });
  }

  private basisText(line: ProductLine, state: LineFeeState): LocalizedText {
    const amount = line.disbursedAmountFen ?? 0;
    return {
      zh: `${line.productName}放款 ${yuan(amount)} 元（${line.disbursedOn ?? ''}）。${state.fee.success.text.zh}`,
      en: `${line.productName} disbursed ${yuan(amount)} yuan (${line.disbursedOn ?? ''}). ${state.fee.success.text.en}`,
    };
  }

  async record(tx: Tx, actor: Actor, line: ProductLine, action: string, text: LocalizedText, data: Record<string, unknown>): Promise<void> {
    await this.d.timeline.record(tx, [{
      tenantId: line.tenantId, subjectType: 'order', subjectId: line.orderId, actorId: actor.userId, action, summary: text.zh, data: { ...data, en: text.en },
    }]);
    await this.d.events.publish(tx, [{
      type: action, tenantId: line.tenantId, subjectType: 'order', subjectId: line.orderId, actorId: actor.userId, data: { lineId: line.id, productName: line.productName, summary: text.zh },
    }]);
  }
}

function join(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { zh: `${a.zh}；${b.zh}`, en: `${a.en}; ${b.en}` };
}
