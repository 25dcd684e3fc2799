// Step 7 and 8 of the flow on one order: the facts products are matched on, 自动匹配 with reasons, the chosen
// products (order lines: fee, discount, quantity, total) with 手动匹配 warnings, each line's application status
// at its bank, and the repayment comparison shown to the customer. Reading needs `order.read`, changing
// `order.write`; either way the order must be inside the actor's data scope (or the actor handles it), else it
// is "not found".
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import {
  DomainError, domainError, notFound, validationFailed, localDate, type FieldError, type Clock, type EventSink, type IdGenerator,
  type Timeline, type Tx, type UnitOfWork,
} from '../shared/index.js';
import { amountZh } from './amount-text.js';
import { applicationStatusLabel, type ApplicationStatus } from './application-machine.js';
import { applyApplicationEvent, orderDisbursedFen, type ApplicationEvent } from './application.js';
import { compareForProduct, comparisonTerms, type ComparisonRequest, type LineComparison } from './line-comparison.js';
import { matchSubjectOf, validateMatchFacts, type MatchFacts } from './match-facts.js';
import type { MatchSubject } from './match-subject.js';
import { autoMatch, manualMatchWarnings, type MatchReason } from './matching.js';
import { selectionCounts, validateOrderLines, type OrderLine } from './order-line.js';
import type { OrderSource, OrderLineRepository, OrderRef, ProductLine, ProductRepository, StoredProduct, SubmissionCheck } from './ports.js';
import { loadVisibleOrder } from './order-access.js';
import { feeAdjustmentView, type FeeAdjustmentView } from './fee-adjustment-view.js';
import { canSeeOrder } from '../orders/index.js';
import { lineDueFen, lineFeeState, serviceFeeEditable, serviceFeeUnderRule } from './fee-lines.js';
import type { FeeTrigger, FeeWiring } from './fee-wiring.js';
import type { FeeAdjustment, FeeAdjustmentRepository } from './ports.js';
import { checkInteger, checkText, fieldError } from './field-checks.js';

export interface OrderProductsDeps {
  readonly uow: UnitOfWork;
  readonly products: ProductRepository;
  readonly lines: OrderLineRepository;
  readonly orders: OrderSource;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Rules asked before 提交申请 (资料清单's blocking documents); none by default. */
  readonly submissionChecks?: readonly SubmissionCheck[] | undefined;
  /** The fee wiring (issue 16): each line's fee under its rule, the plan and approvals that follow. */
  readonly fees?: FeeWiring | undefined;
  readonly adjustments?: FeeAdjustmentRepository | undefined;
}

/** A line's fee as the console shows it: the rule, the bases, the result, the rounding, and open adjustments. */
export interface LineFeeView {
  readonly lineId: string;
  readonly productName: string;
  readonly status: ApplicationStatus;
  /** 'product': the product's rule copied when the line was chosen; 'fixed': a fixed fee (fixedFeeRule). */
  readonly ruleSource: 'product' | 'fixed';
  /** What the customer owes on the line now: up-front + success − waived. */
  readonly dueFen: number;
  readonly upFrontDueFen: number;
  readonly successDueFen: number;
  readonly feeWaivedFen: number;
  /** The computation now (rule, bases, parts, total, explanation, rounding 'half_up_fen'). */
  readonly computation: Readonly<Record<string, unknown>>;
  readonly adjustments: readonly FeeAdjustment[];
}

/** 更正放款金额: the bank's figure corrected after the disbursement was recorded. */
export interface DisbursementCorrection {
  readonly disbursedAmountFen: number;
  readonly reason: string;
}

const TRIGGERS: Readonly<Record<string, FeeTrigger>> = { approve: 'approve', disburse: 'disburse', reject: 'reject' };

export interface MatchFactsView {
  readonly facts: MatchFacts;
  /** 0 while nothing was recorded. */
  readonly version: number;
  /** What matching will judge, after combining the recorded facts with the profile's. */
  readonly subject: MatchSubject;
}

export interface RankedProduct {
  readonly product: StoredProduct;
  readonly matched: boolean;
  readonly score: number;
  readonly amountFits: boolean | null;
  readonly reasons: readonly MatchReason[];
  /** Already chosen for the order. */
  readonly selected: boolean;
}

export interface AutoMatchResult {
  readonly subject: MatchSubject;
  readonly items: readonly RankedProduct[];
  readonly matchedCount: number;
  readonly counts: { readonly unselected: number; readonly selected: number };
}

export interface LineView extends ProductLine {
  readonly statusLabel: string;
  /** The product's requirements that are unmet or unknown for this order (手动匹配 warnings). */
  readonly warnings: readonly MatchReason[];
}

export interface OrderLinesView {
  readonly orderId: string;
  readonly version: number;
  readonly lines: readonly LineView[];
  /** 应回款 from the products: the sum of the line totals. */
  readonly receivableFen: number;
  /** 放款金额: the sum of the disbursed applications. */
  readonly disbursedFen: number;
  /** 未选 N 已选 M over the active catalogue. */
  readonly counts: { readonly unselected: number; readonly selected: number };
}

/** One line as the client sends it when saving the selection; fee defaults to the product's. */
export interface LineInput {
  readonly productId: string;
  readonly serviceFeeFen?: number | undefined;
  readonly discountFen?: number | undefined;
  readonly quantity?: number | undefined;
}

// A chosen product may leave the order only while nothing is under way at the bank.
const REMOVABLE: readonly ApplicationStatus[] = ['pending', 'withdrawn', 'rejected'];

const staleLines = (): DomainError =>
  domainError('product.lines_version_conflict', 'conflict', '产品明细已被他人修改，请刷新后重试', 'Someone else changed the products of this order first; reload and try again');

export class OrderProductsService {
  constructor(private readonly d: OrderProductsDeps) {}

  /** The facts recorded for matching, and the subject matching judges. */
  async getMatchFacts(actor: Actor, orderId: string): Promise<MatchFactsView> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      return this.factsView(tx, actor, orderId);
    });
  }

  /** Records the facts the profile has no field for; every present field is checked, a stale version refused. */
  async saveMatchFacts(actor: Actor, orderId: string, version: number, input: unknown): Promise<MatchFactsView> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const now = this.d.clock.now();
    const facts = validateMatchFacts(input, localDate(now, actor.timeZone));
    if (facts instanceof DomainError) throw facts;
    return this.d.uow.run(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      if (!(await this.d.lines.saveMatchFacts(tx, actor.tenantId, orderId, facts, version, actor.userId, now))) {
        throw domainError('product.match_facts_version_conflict', 'conflict', '匹配信息已被他人修改，请刷新后重试', 'Someone else changed the matching facts first; reload and try again');
      }
      await this.d.timeline.record(tx, [{
        tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId,
        action: 'products.match_facts_updated', summary: '更新了产品匹配信息', data: { facts },
      }]);
      return this.factsView(tx, actor, orderId);
    });
  }

  /** 自动匹配: the active catalogue ranked for the order, each product with its per-requirement reasons. */
  async autoMatch(actor: Actor, orderId: string): Promise<AutoMatchResult> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      const { subject } = await this.factsView(tx, actor, orderId);
      const products = await this.d.products.activeProducts(tx, actor.tenantId);
      const chosen = new Set((await this.d.lines.listLines(tx, actor.tenantId, orderId)).map((l) => l.productId));
      const ranked = autoMatch(products, subject).map(({ product, evaluation: e }) => ({
        product: product as StoredProduct, matched: e.matched, score: e.score, amountFits: e.amountFits, reasons: e.reasons, selected: chosen.has(product.id),
      }));
      return { subject, items: ranked, matchedCount: ranked.filter((r) => r.matched).length, counts: selectionCounts(products, [...chosen]) };
    });
  }

  /** The order's chosen products with totals, receivable, disbursed amount and the picker's counts. */
  async listLines(actor: Actor, orderId: string): Promise<OrderLinesView> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      return this.linesView(tx, actor, orderId);
    });
  }

  /**
   * Saves the order's selection (选择产品 → 确定): products not on the order are added with the product's fee
   * and an application 待申请; lines left out are removed (only while nothing is under way at the bank); fees,
   * discounts and quantities are updated. Totals are checked (never negative, discount at most fee × quantity),
   * the receivable follows from the lines, and the timeline records what changed.
   */
  async saveLines(actor: Actor, orderId: string, version: number, input: readonly LineInput[], source: 'auto' | 'manual' = 'manual'): Promise<OrderLinesView> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      const current = await this.d.lines.listLines(tx, actor.tenantId, orderId);
      const byProduct = new Map(current.map((l) => [l.productId, l]));
      const newIds = input.map((l) => l.productId).filter((id) => !byProduct.has(id));
      const products = new Map((await this.d.products.getProducts(tx, actor.tenantId, newIds)).map((p) => [p.id, p]));
      const errors = input.flatMap((l, i) => {
        if (byProduct.has(l.productId)) return [];
        const p = products.get(l.productId);
        if (!p) return [fieldError(`/lines/${i}/productId`, 'unknown_product', '没有这个产品', 'there is no such product')];
        return p.active ? [] : [fieldError(`/lines/${i}/productId`, 'inactive_product', `「${p.name}」已停用，不能再选择`, `"${p.name}" is deactivated and cannot be chosen`)];
      });
      if (errors.length > 0) throw validationFailed(errors);
      // A line keeps the rule it was chosen under; a new one takes its product's rule (null: the fixed fee).
      const ruleOf = (productId: string) => { const old = byProduct.get(productId); return old ? old.feeRule : (products.get(productId)?.feeRule ?? null); };
      const feeErrors = input.flatMap((l, i) => {
        const rule = ruleOf(l.productId);
        if (serviceFeeEditable(rule) || l.serviceFeeFen === undefined) return [];
        const current = byProduct.get(l.productId)?.serviceFeeFen ?? (rule ? serviceFeeUnderRule(rule) : 0);
        return l.serviceFeeFen === current ? [] : [fieldError(`/lines/${i}/serviceFeeFen`, 'set_by_rule', '该产品按收费规则计算服务费，不能直接修改', 'this product\'s fee is worked out by its fee rule and cannot be set here')];
      });
      if (feeErrors.length > 0) throw validationFailed(feeErrors);
      const wanted: OrderLine[] = input.map((l) => {
        const old = byProduct.get(l.productId);
        const p = products.get(l.productId);
        const rule = ruleOf(l.productId);
        const fee = old ? old.serviceFeeFen : rule ? serviceFeeUnderRule(rule) : (p?.defaultServiceFeeFen ?? 0);
        return {
          productId: l.productId, serviceFeeFen: l.serviceFeeFen ?? fee, discountFen: l.discountFen ?? old?.discountFen ?? 0, quantity: l.quantity ?? old?.quantity ?? 1,
          feeByRule: rule !== null,
        };
      });
      const valid = validateOrderLines(wanted);
      if (valid instanceof DomainError) throw valid;
      const keep = new Set(wanted.map((l) => l.productId));
      const removed = current.filter((l) => !keep.has(l.productId));
      const busy = removed.filter((l) => !REMOVABLE.includes(l.status));
      if (busy.length > 0) {
        throw domainError('product.line_in_progress', 'rule',
          `${busy.map((l) => `「${l.productName}」${applicationStatusLabel(l.status)}`).join('、')}，不能移除；请先撤回申请`,
          `${busy.map((l) => `"${l.productName}" is ${l.status}`).join(', ')}: it cannot be removed; withdraw the application first`,
          { lineIds: busy.map((l) => l.id) });
      }
      if (!(await this.d.lines.bumpLinesVersion(tx, actor.tenantId, orderId, version, now))) throw staleLines();

      const added: string[] = [];
      const changed: string[] = [];
      for (const l of removed) await this.d.lines.deleteLine(tx, actor.tenantId, orderId, l.id);
      for (const [position, l] of wanted.entries()) {
        const old = byProduct.get(l.productId);
        if (old) {
          const amounts = old.serviceFeeFen !== l.serviceFeeFen || old.discountFen !== l.discountFen || old.quantity !== l.quantity;
          if (amounts) changed.push(old.productName);
          if (amounts || old.position !== position) {
            await this.d.lines.updateLineAmounts(tx, { ...old, serviceFeeFen: l.serviceFeeFen, discountFen: l.discountFen, quantity: l.quantity, position });
          }
          continue;
        }
        const p = products.get(l.productId) as StoredProduct;
        added.push(p.name);
        await this.d.lines.insertLine(tx, {
          tenantId: actor.tenantId, id: this.d.ids.id(), orderId, productId: p.id, productName: p.name, institution: p.institution,
          serviceFeeFen: l.serviceFeeFen, discountFen: l.discountFen, quantity: l.quantity, totalFen: l.serviceFeeFen * l.quantity - l.discountFen,
          source, position, status: 'pending', approvedAmountFen: null, approvedAnnualRatePercent: null, approvedTermMonths: null,
          rejectionReason: null, withdrawalReason: null, disbursedAmountFen: null, disbursedOn: null, submittedAt: null, decidedAt: null,
          createdAt: now, statusChangedAt: now, version: 1,
          feeRule: p.feeRule ?? null, upFrontDueFen: null, successDueFen: 0, feeWaivedFen: 0, feeComputation: null,
        });
      }
      // Each line's fee under its rule, stored with its computation; the receivable is their sum.
      let receivableFen = 0;
      for (const line of await this.d.lines.listLines(tx, actor.tenantId, orderId)) {
        receivableFen += lineDueFen(this.d.fees ? await this.d.fees.recompute(tx, actor, line) : line);
      }
      const parts = [
        added.length ? `选择了${added.map((n) => `「${n}」`).join('')}` : '',
        removed.length ? `移除了${removed.map((l) => `「${l.productName}」`).join('')}` : '',
        changed.length ? `修改了${changed.map((n) => `「${n}」`).join('')}的费用` : '',
      ].filter(Boolean);
      await this.d.timeline.record(tx, [{
        tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId, action: 'products.lines_saved',
        summary: `${parts.join('，') || '保存了产品明细'}；产品应收合计 ${amountZh(receivableFen)}`,
        data: { added, removed: removed.map((l) => l.productName), changed, receivableFen, source },
      }]);
      await this.d.events.publish(tx, [{
        type: 'order.products_changed', tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId,
        data: { receivableFen, lineCount: wanted.length },
      }]);
      return this.linesView(tx, actor, orderId);
    });
  }

  /**
   * Moves one application by an event of its status table (提交申请, 批核, 拒绝, 放款, 撤回): the change goes on the
   * order's timeline and an `application.status_changed` event tells the order's owner.
   */
  async changeApplication(actor: Actor, orderId: string, lineId: string, version: number, event: ApplicationEvent): Promise<LineView> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const order = await this.visibleOrder(tx, actor, orderId);
      const line = await this.d.lines.getLine(tx, actor.tenantId, orderId, lineId);
      if (!line) throw notFound('order_line', '产品明细', lineId);
      if (line.version !== version) throw domainError('product.application_version_conflict', 'conflict', '申请状态已被他人修改，请刷新后重试', 'Someone else changed this application first; reload and try again');
      if (event.type === 'submit' && line.status === 'pending') {
        for (const c of this.d.submissionChecks ?? []) {
          const refused = await c.check(tx, actor.tenantId, orderId, line.productId, now, actor.timeZone);
          if (refused) throw refused;
        }
      }
      const applied = applyApplicationEvent(line, event, now, actor.timeZone);
      if (applied instanceof DomainError) throw applied;
      const a = applied.application;
      const next: ProductLine = {
        ...line, ...a,
        submittedAt: a.status === 'applying' ? now : line.submittedAt,
        decidedAt: a.status === 'approved' || a.status === 'rejected' ? now : line.decidedAt,
        version: line.version + 1,
      };
      if (!(await this.d.lines.updateApplication(tx, next))) throw domainError('product.application_version_conflict', 'conflict', '申请状态已被他人修改，请刷新后重试', 'Someone else changed this application first; reload and try again');
      const withFee = this.d.fees ? await this.d.fees.applicationChanged(tx, actor, line, next, TRIGGERS[event.type] ?? 'other') : next;
      const all = await this.d.lines.listLines(tx, actor.tenantId, orderId);
      const disbursedFen = orderDisbursedFen(all);
      await this.d.timeline.record(tx, [{
        tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId,
        action: `application.${applied.transition.event}`, summary: applied.description.zh,
        data: { lineId, productId: line.productId, from: applied.transition.from, to: applied.transition.to, en: applied.description.en, disbursedFen },
      }]);
      await this.d.events.publish(tx, [{
        type: 'application.status_changed', tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId,
        data: {
          lineId, productName: line.productName, institution: line.institution, from: applied.transition.from, to: applied.transition.to,
          notifyUserIds: order.ownerId && order.ownerId !== actor.userId ? [order.ownerId] : [], ownerId: order.ownerId,
          summary: applied.description.zh, orderDisbursedFen: disbursedFen,
        },
      }]);
      const product = await this.d.products.getProduct(tx, actor.tenantId, line.productId);
      const { subject } = await this.factsView(tx, actor, orderId);
      return this.present(withFee, product, subject);
    });
  }

  /**
   * 更正放款金额: the bank's disbursed amount of a disbursed application, corrected (at most the approved amount,
   * with a reason). The success fee follows in the same transaction, through an approval when it lowers what
   * the customer owes after the plan was agreed; refused while an earlier adjustment of the line is pending.
   */
  async correctDisbursement(actor: Actor, orderId: string, lineId: string, version: number, input: DisbursementCorrection): Promise<LineView> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const errors: FieldError[] = [];
    const amount = checkInteger(input.disbursedAmountFen, '/disbursedAmountFen', errors, 1, Number.MAX_SAFE_INTEGER);
    const reason = checkText(input.reason, '/reason', errors, 500);
    if (errors.length > 0 || amount === undefined || reason === undefined) throw validationFailed(errors);
    return this.d.uow.run(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      const line = await this.d.lines.getLine(tx, actor.tenantId, orderId, lineId);
      if (!line) throw notFound('order_line', '产品明细', lineId);
      if (line.version !== version) throw domainError('product.application_version_conflict', 'conflict', '申请状态已被他人修改，请刷新后重试', 'Someone else changed this application first; reload and try again');
      if (line.status !== 'disbursed') {
        throw domainError('product.not_disbursed', 'rule', `「${line.productName}」尚未放款，不能更正放款金额`, `"${line.productName}" is not disbursed: there is no disbursed amount to correct`, { lineId });
      }
      if (line.approvedAmountFen !== null && amount > line.approvedAmountFen) {
        throw validationFailed([fieldError('/disbursedAmountFen', 'above_approved', `放款金额不能超过批核金额 ${amountZh(line.approvedAmountFen)}`, `must not exceed the approved amount`)]);
      }
      const next: ProductLine = { ...line, disbursedAmountFen: amount, version: line.version + 1 };
      if (!(await this.d.lines.updateApplication(tx, next))) throw domainError('product.application_version_conflict', 'conflict', '申请状态已被他人修改，请刷新后重试', 'Someone else changed this application first; reload and try again');
      await this.d.timeline.record(tx, [{
        tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId, action: 'application.disbursement_corrected',
        summary: `${line.productName}（${line.institution}）放款金额由 ${amountZh(line.disbursedAmountFen ?? 0)}更正为 ${amountZh(amount)}：${reason}`,
        data: { lineId, fromFen: line.disbursedAmountFen, toFen: amount, reason },
      }]);
      const withFee = this.d.fees ? await this.d.fees.applicationChanged(tx, actor, line, next, 'correct_disbursement', reason) : next;
      const product = await this.d.products.getProduct(tx, actor.tenantId, line.productId);
      const { subject } = await this.factsView(tx, actor, orderId);
      return this.present(withFee, product, subject);
    });
  }

  /** The line's fee: rule, bases, result and rounding, worked out now, with the adjustments of the line. */
  async lineFee(actor: Actor, orderId: string, lineId: string): Promise<LineFeeView> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      const line = await this.d.lines.getLine(tx, actor.tenantId, orderId, lineId);
      if (!line) throw notFound('order_line', '产品明细', lineId);
      const state = lineFeeState(line, this.d.clock.now());
      const adjustments = this.d.adjustments ? (await this.d.adjustments.ofOrder(tx, actor.tenantId, orderId)).filter((a) => a.lineId === lineId) : [];
      return {
        lineId, productName: line.productName, status: line.status, ruleSource: line.feeRule === null ? 'fixed' : 'product', dueFen: lineDueFen(line),
        upFrontDueFen: line.upFrontDueFen ?? line.serviceFeeFen * line.quantity - line.discountFen, successDueFen: line.successDueFen, feeWaivedFen: line.feeWaivedFen,
        computation: line.feeComputation ?? state.computation, adjustments,
      };
    });
  }

  /** 服务费调整 as its approver reads it; seen by whoever sees the order, anything else is "not found". */
  async feeAdjustment(actor: Actor, id: string): Promise<FeeAdjustmentView> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      const a = this.d.adjustments ? await this.d.adjustments.get(tx, actor.tenantId, id) : null;
      const order = a ? await this.d.orders.findOrder(tx, actor.tenantId, a.orderId) : null;
      const line = a && order && canSeeOrder(actor, order) ? await this.d.lines.getLine(tx, actor.tenantId, a.orderId, a.lineId) : null;
      if (!a || !order || !line) throw notFound('fee_adjustment', '服务费调整', id);
      return feeAdjustmentView(a, order, line);
    });
  }

  /** The four repayment methods side by side for one chosen product (terms approved, given, or from the product). */
  async lineComparison(actor: Actor, orderId: string, lineId: string, request: ComparisonRequest): Promise<LineComparison & { lineId: string; productName: string }> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      const line = await this.d.lines.getLine(tx, actor.tenantId, orderId, lineId);
      if (!line) throw notFound('order_line', '产品明细', lineId);
      const product = await this.d.products.getProduct(tx, actor.tenantId, line.productId);
      if (!product) throw notFound('product', '产品', line.productId);
      const facts = await this.d.lines.getMatchFacts(tx, actor.tenantId, orderId);
      const terms = comparisonTerms(product, line, request, facts?.facts.requestedAmountFen ?? null);
      if (terms instanceof DomainError) throw terms;
      return { lineId, productName: line.productName, ...compareForProduct(product, terms) };
    });
  }

  private visibleOrder(tx: Tx, actor: Actor, orderId: string): Promise<OrderRef> {
    return loadVisibleOrder(this.d.orders, tx, actor, orderId);
  }

  private async factsView(tx: Tx, actor: Actor, orderId: string): Promise<MatchFactsView> {
    const stored = await this.d.lines.getMatchFacts(tx, actor.tenantId, orderId);
    const profile = await this.d.orders.profileFacts(tx, actor.tenantId, orderId);
    const facts = stored?.facts ?? {};
    return { facts, version: stored?.version ?? 0, subject: matchSubjectOf(profile, facts, this.d.clock.now(), actor.timeZone) };
  }

  private present(line: ProductLine, product: StoredProduct | null, subject: MatchSubject): LineView {
    return { ...line, statusLabel: applicationStatusLabel(line.status), warnings: product ? manualMatchWarnings(product, subject) : [] };
  }

  private async linesView(tx: Tx, actor: Actor, orderId: string): Promise<OrderLinesView> {
    const lines = await this.d.lines.listLines(tx, actor.tenantId, orderId);
    const version = await this.d.lines.linesVersion(tx, actor.tenantId, orderId);
    const { subject } = await this.factsView(tx, actor, orderId);
    const products = new Map((await this.d.products.getProducts(tx, actor.tenantId, lines.map((l) => l.productId))).map((p) => [p.id, p]));
    const active = await this.d.products.activeProducts(tx, actor.tenantId);
    return {
      orderId,
      version,
      lines: lines.map((l) => this.present(l, products.get(l.productId) ?? null, subject)),
      receivableFen: lines.reduce((s, l) => s + l.totalFen, 0),
      disbursedFen: orderDisbursedFen(lines),
      counts: selectionCounts(active, lines.map((l) => l.productId)),
    };
  }
}
