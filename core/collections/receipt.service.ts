// 回款单 (steps 11 and 12): record a receipt (once per Idempotency-Key), allocate it to the instalments while the
// order row is locked (so concurrent receipts can never overpay), edit or delete a draft, submit it to the
// receipt approval flow, request its reversal (冲销) through approval, and the 回款办理 list of approvals
// waiting on a person.
import {
  domainError, notFound, validationFailed, localDate, isDomainError, type Activity, type Tx, type Page,
  type PageRequest,
} from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { BusinessType } from '../approvals/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { allocate } from './allocation.js';
import {
  ORDER_SUBJECT, RECEIPT_SUBJECT, collectionSettings, entry, event, financeOnly, record, recordableFinance, visibleFinance, type CollectionsDeps,
} from './collections-deps.js';
import { idempotencyKeyReused, noPlan, receiptNotEditable, receiptVersionConflict, reversalReasonRequired } from './errors.js';
import { planTotalProblem } from './plan-revision.js';
import { instalmentDeltas } from './receipt-moves.js';
import { fireReceipt, RECEIPT_STATE_LABELS } from './receipt-machine.js';
import { checkReceiptInput, normalizeReceiptInput, receiptFingerprint, type NormalizedReceiptInput, type ReceiptInput } from './receipt-fields.js';
import type { AwaitingReceiptRow, OrderFinance } from './ports.js';
import type { Receipt } from './types.js';

/** Submitting to approval: the approvals use case (ApprovalService.submit), which calls back ReceiptSubject. */
export interface ApprovalSubmitter {
  submit(actor: Actor, input: {
    readonly businessType: BusinessType;
    readonly businessId: string;
    readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
    readonly requestId?: string | undefined;
  }): Promise<{ readonly id: string; readonly status: string; readonly replayed: boolean }>;
}

export interface ReceiptAllocationView {
  readonly instalmentId: string;
  readonly number: number | null;
  readonly dueOn: string | null;
  readonly amountFen: number;
}

/** A receipt as its screen shows it. */
export interface ReceiptDetail extends Receipt {
  readonly stateLabel: string;
  readonly orderTitle: string;
  readonly companyName: string;
  readonly receivedByName: string | null;
  readonly allocationRows: readonly ReceiptAllocationView[];
  /** The receipt's 动态, approvals included, oldest first. */
  readonly timeline: readonly Activity[];
}

export interface CreateReceiptOptions {
  /** The Idempotency-Key: the same request sent again returns the receipt it recorded. */
  readonly idempotencyKey?: string | undefined;
  /** Submit to the receipt approval flow right away. */
  readonly submit?: boolean | undefined;
  readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
}

export interface CreatedReceipt {
  readonly receipt: ReceiptDetail;
  /** The request was a retry: nothing new was recorded. */
  readonly replayed: boolean;
}

export type ReceiptChanges = Partial<Omit<ReceiptInput, 'orderId'>> & { readonly version: number };

export interface ApprovalRequestOptions {
  readonly requestId?: string | undefined;
  readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
}

export interface ReceiptServiceDeps extends CollectionsDeps {
  readonly approvals: ApprovalSubmitter;
}

const MAX_KEY = 200;

export class ReceiptService {
  constructor(private readonly d: ReceiptServiceDeps) {}

  /**
   * Records a receipt as 草稿, its amount allocated to the instalments (named first, then oldest due first).
   * Refused with `collection.overpayment` beyond what is still owed unless the tenant allows it and the
   * receipt is marked; with `collection.no_plan` / `collection.plan_total_mismatch` when the plan is missing or
   * no longer adds up to the receivable. The same Idempotency-Key returns the receipt already recorded (a
   * different request under it is `collection.idempotency_key_reused`).
   */
  async create(actor: Actor, input: ReceiptInput, opts: CreateReceiptOptions = {}): Promise<CreatedReceipt> {
    const key = opts.idempotencyKey?.trim() || null;
    if (key !== null && key.length > MAX_KEY) throw validationFailed([{ path: '/idempotencyKey', code: 'too_long', zh: `幂等键最多 ${MAX_KEY} 字`, en: `at most ${MAX_KEY} characters` }]);
    const r = normalizeReceiptInput(input, actor.userId);
    const fingerprint = receiptFingerprint(r);
    const { receipt, replayed } = await this.d.uow.run(async (tx) => {
      // The lock first: two requests for one order take turns, so the second sees the first's receipt and key.
      const locked = await this.d.plans.lockOrder(tx, actor.tenantId, r.orderId);
      visibleFinance(actor, locked, r.orderId);
      if (key !== null) {
        const prior = await this.replay(tx, actor, key, fingerprint);
        if (prior) return { receipt: prior, replayed: true };
      }
      const order = recordableFinance(actor, locked, r.orderId);
      const created = await this.record(tx, actor, order, r, key, fingerprint);
      if (created === null) {
        // Another request under the same key, for another order, committed between our check and insert.
        const prior = key === null ? null : await this.replay(tx, actor, key, fingerprint);
        if (!prior) throw idempotencyKeyReused(key ?? '');
        return { receipt: prior, replayed: true };
      }
      return { receipt: created, replayed: false };
    });
    if (opts.submit && receipt.state === 'draft') {
      // submit answers the receipt as it now stands: no second read of the same detail.
      return { receipt: await this.submit(actor, receipt.id, { requestId: key === null ? undefined : `receipt:${key}`, chosenApprovers: opts.chosenApprovers }), replayed };
    }
    return { receipt: await this.get(actor, receipt.id), replayed };
  }

  /** A receipt the actor may see (through its order). */
  async get(actor: Actor, id: string): Promise<ReceiptDetail> {
    return this.d.uow.read(async (tx) => {
      const receipt = await this.d.receipts.get(tx, actor.tenantId, id);
      if (!receipt) throw notFound('receipt', '回款单', id);
      const order = await this.d.plans.orderFinance(tx, actor.tenantId, receipt.orderId);
      try {
        visibleFinance(actor, order, receipt.orderId);
      } catch {
        throw notFound('receipt', '回款单', id);
      }
      return this.detail(tx, receipt, order as OrderFinance);
    });
  }

  /** The receipts of an order the actor may see, newest first. */
  async listForOrder(actor: Actor, orderId: string): Promise<Receipt[]> {
    return this.d.uow.read(async (tx) => {
      visibleFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
      return this.d.receipts.listForOrder(tx, actor.tenantId, orderId);
    });
  }

  /** Changes a draft at the version the actor saw; its amount is allocated afresh. */
  async update(actor: Actor, id: string, changes: ReceiptChanges): Promise<ReceiptDetail> {
    await this.d.uow.run(async (tx) => {
      const { receipt, order } = await this.draftForChange(tx, actor, id, changes.version);
      const { version: _v, ...fields } = changes;
      const merged = normalizeReceiptInput({ ...inputOf(receipt), ...fields, orderId: receipt.orderId }, actor.userId);
      // Release the draft's money, then allocate the new amount as if new.
      await this.d.plans.adjustInstalments(tx, actor.tenantId, instalmentDeltas(receipt, receipt.state, null));
      const allocated = await this.allocateFor(tx, actor, order, merged);
      const next: Receipt = { ...receipt, ...stored(merged), allocations: allocated.allocations, excessFen: allocated.excessFen, updatedAt: this.d.clock.now(), version: receipt.version + 1 };
      if (!(await this.d.receipts.update(tx, next))) throw receiptVersionConflict(changes.version, changes.version + 1);
      await this.d.plans.adjustInstalments(tx, actor.tenantId, instalmentDeltas(next, null, next.state));
      const summary = `修改了回款单：¥${formatYuanGrouped(next.amountFen)}（${next.receivedOn}，${next.paymentMethod}）`;
      await record(this.d, tx, [entry(actor.tenantId, RECEIPT_SUBJECT, id, actor.userId, 'receipt.updated', summary, { amountFen: next.amountFen })], [
        event(actor.tenantId, RECEIPT_SUBJECT, id, actor.userId, 'receipt.updated', { orderId: next.orderId, amountFen: next.amountFen }),
      ]);
    });
    return this.get(actor, id);
  }

  /** Deletes a draft (it never counted as received); an approved receipt is never deleted, only reversed. */
  async remove(actor: Actor, id: string, version: number): Promise<void> {
    await this.d.uow.run(async (tx) => {
      const { receipt } = await this.draftForChange(tx, actor, id, version);
      await this.d.plans.adjustInstalments(tx, actor.tenantId, instalmentDeltas(receipt, receipt.state, null));
      if (!(await this.d.receipts.deleteDraft(tx, actor.tenantId, id))) throw receiptVersionConflict(version, version + 1);
      const summary = `删除了回款单草稿 ¥${formatYuanGrouped(receipt.amountFen)}（${receipt.receivedOn}）`;
      await record(this.d, tx, [entry(actor.tenantId, ORDER_SUBJECT, receipt.orderId, actor.userId, 'receipt.deleted', summary, { receiptId: id, amountFen: receipt.amountFen })], [
        event(actor.tenantId, RECEIPT_SUBJECT, id, actor.userId, 'receipt.deleted', { orderId: receipt.orderId, amountFen: receipt.amountFen }),
      ]);
    });
  }

  /** 提交审批: the draft goes to the tenant's receipt flow (待审批). */
  async submit(actor: Actor, id: string, opts: ApprovalRequestOptions = {}): Promise<ReceiptDetail> {
    await this.d.approvals.submit(actor, { businessType: 'receipt', businessId: id, requestId: opts.requestId, chosenApprovers: opts.chosenApprovers });
    return this.get(actor, id);
  }

  /**
   * 冲销: finance asks to reverse an approved receipt, with a reason; the receipt flow decides (冲销中 until
   * then). On approval it no longer counts as received and its money leaves the instalments.
   */
  async requestReversal(actor: Actor, id: string, reason: string, opts: ApprovalRequestOptions = {}): Promise<ReceiptDetail> {
    const why = reason.trim();
    if (!why) throw reversalReasonRequired();
    if (why.length > 500) throw validationFailed([{ path: '/reason', code: 'too_long', zh: '最多 500 字', en: 'at most 500 characters' }]);
    await this.d.uow.run(async (tx) => {
      const receipt = await this.d.receipts.getForUpdate(tx, actor.tenantId, id);
      if (!receipt) throw notFound('receipt', '回款单', id);
      this.seeOrHide(actor, await this.d.plans.orderFinance(tx, actor.tenantId, receipt.orderId), receipt, 'finance');
      if (receipt.state === 'reversing' && receipt.reversalReason === why) return; // a retry
      const allowed = fireReceipt(receipt.state, 'request_reversal');
      if (isDomainError(allowed)) throw allowed;
      // The reason waits on the receipt; the approval's submission moves it to 冲销中 in its own transaction.
      const next: Receipt = { ...receipt, reversalReason: why, reversalRequestedBy: actor.userId, updatedAt: this.d.clock.now(), version: receipt.version + 1 };
      if (!(await this.d.receipts.update(tx, next))) throw receiptVersionConflict(receipt.version, receipt.version + 1);
    });
    await this.d.approvals.submit(actor, { businessType: 'receipt', businessId: id, requestId: opts.requestId, chosenApprovers: opts.chosenApprovers });
    return this.get(actor, id);
  }

  /** 回款办理: receipts whose approval waits on the actor (未办理), oldest first; the work center lists them. */
  async awaitingMe(actor: Actor, page: PageRequest): Promise<Page<AwaitingReceiptRow>> {
    requirePermission(actor, PERMISSIONS.financeRead);
    return this.d.uow.read((tx) => this.d.accounts.awaitingApprover(tx, actor.tenantId, actor.userId, page));
  }

  private async replay(tx: Tx, actor: Actor, key: string, fingerprint: string): Promise<Receipt | null> {
    const prior = await this.d.receipts.findByKey(tx, actor.tenantId, key);
    if (!prior) return null;
    if (prior.fingerprint !== fingerprint) throw idempotencyKeyReused(key);
    return prior;
  }

  /** Checks, allocates and stores a new draft; null when the idempotency key was taken meanwhile. */
  private async record(tx: Tx, actor: Actor, order: OrderFinance, r: NormalizedReceiptInput, key: string | null, fingerprint: string): Promise<Receipt | null> {
    const allocated = await this.allocateFor(tx, actor, order, r);
    const now = this.d.clock.now();
    const receipt: Receipt = {
      tenantId: actor.tenantId, id: this.d.ids.id(), ...stored(r), allocations: allocated.allocations, excessFen: allocated.excessFen, state: 'draft',
      idempotencyKey: key, fingerprint, submittedAt: null, confirmedAt: null, confirmedBy: null, reversalReason: null, reversalRequestedBy: null, reversedAt: null,
      createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
    };
    if (!(await this.d.receipts.insert(tx, receipt))) return null;
    await this.d.plans.adjustInstalments(tx, actor.tenantId, instalmentDeltas(receipt, null, 'draft'));
    const summary = `登记回款 ¥${formatYuanGrouped(receipt.amountFen)}（${receipt.receivedOn}，${receipt.paymentMethod}，付款人 ${receipt.payer}）`;
    const data = { receiptId: receipt.id, amountFen: receipt.amountFen, receivedOn: receipt.receivedOn, excessFen: receipt.excessFen };
    await record(
      this.d, tx,
      [entry(actor.tenantId, RECEIPT_SUBJECT, receipt.id, actor.userId, 'receipt.created', summary, data), entry(actor.tenantId, ORDER_SUBJECT, order.orderId, actor.userId, 'receipt.created', summary, data)],
      [event(actor.tenantId, RECEIPT_SUBJECT, receipt.id, actor.userId, 'receipt.created', { ...data, orderId: order.orderId, orderTitle: order.title })],
    );
    return receipt;
  }

  /** Field checks, the plan's checks and the allocation, with the order row locked by the caller. */
  private async allocateFor(tx: Tx, actor: Actor, order: OrderFinance, r: NormalizedReceiptInput) {
    const settings = await collectionSettings(this.d, tx, actor.tenantId);
    const errors = checkReceiptInput(r, settings, localDate(this.d.clock.now(), actor.timeZone));
    const staff = await this.d.org.getUser(tx, actor.tenantId, r.receivedBy);
    if (!staff || !staff.active) errors.push({ path: '/receivedBy', code: 'unknown_user', zh: '收款人员须为本公司在职人员', en: 'must be an active member of the firm' });
    if (errors.length) throw validationFailed(errors);
    const instalments = await this.d.plans.instalments(tx, actor.tenantId, order.orderId);
    if (instalments.length === 0) throw noPlan(order.orderId);
    const mismatch = planTotalProblem(instalments, order.receivableFen);
    if (mismatch) throw mismatch;
    const allocated = allocate({
      amountFen: r.amountFen, instalments, namedInstalmentId: r.instalmentId, overpaymentAllowed: settings.allowOverpayment, markedOverpayment: r.overpayment,
    });
    if (isDomainError(allocated)) throw allocated;
    return allocated;
  }

  private async draftForChange(tx: Tx, actor: Actor, id: string, version: number): Promise<{ receipt: Receipt; order: OrderFinance }> {
    const first = await this.d.receipts.get(tx, actor.tenantId, id);
    if (!first) throw notFound('receipt', '回款单', id);
    // Lock the order before the receipt, as every allocation does, so that changes never wait on each other in a circle.
    const order = await this.d.plans.lockOrder(tx, actor.tenantId, first.orderId);
    const receipt = await this.d.receipts.getForUpdate(tx, actor.tenantId, id);
    if (!receipt) throw notFound('receipt', '回款单', id);
    const o = this.seeOrHide(actor, order, receipt, 'record');
    if (receipt.state !== 'draft') throw receiptNotEditable(receipt.state);
    if (receipt.version !== version) throw receiptVersionConflict(version, receipt.version);
    return { receipt, order: o };
  }

  /** The order behind a receipt under the access asked; a receipt the actor cannot see is "not found". */
  private seeOrHide(actor: Actor, order: OrderFinance | null, receipt: Receipt, access: 'record' | 'finance'): OrderFinance {
    try {
      visibleFinance(actor, order, receipt.orderId);
    } catch {
      throw notFound('receipt', '回款单', receipt.id);
    }
    return access === 'record' ? recordableFinance(actor, order, receipt.orderId) : financeOnly(actor, order, receipt.orderId);
  }

  private async detail(tx: Tx, receipt: Receipt, order: OrderFinance): Promise<ReceiptDetail> {
    const instalments = await this.d.plans.instalments(tx, receipt.tenantId, receipt.orderId);
    const byId = new Map(instalments.map((i) => [i.id, i]));
    const staff = await this.d.org.getUser(tx, receipt.tenantId, receipt.receivedBy);
    return {
      ...receipt,
      stateLabel: RECEIPT_STATE_LABELS[receipt.state],
      orderTitle: order.title,
      companyName: order.companyName,
      receivedByName: staff?.name ?? null,
      allocationRows: receipt.allocations.map((a) => ({
        instalmentId: a.instalmentId, number: byId.get(a.instalmentId)?.number ?? null, dueOn: byId.get(a.instalmentId)?.dueOn ?? null, amountFen: a.amountFen,
      })),
      timeline: await this.d.timeline.list(tx, receipt.tenantId, RECEIPT_SUBJECT, receipt.id),
    };
  }
}

/** The fields of a receipt as a person entered them (for editing a draft). */
function inputOf(r: Receipt): ReceiptInput {
  return {
    orderId: r.orderId, receivedOn: r.receivedOn, amountFen: r.amountFen, instalmentId: r.instalmentId, paymentMethod: r.paymentMethod, payer: r.payer,
    receivedBy: r.receivedBy, type: r.type, invoiceWanted: r.invoiceWanted, invoiceKind: r.invoiceKind, remark: r.remark, overpayment: r.overpayment,
  };
}

function stored(r: NormalizedReceiptInput): Pick<Receipt, 'orderId' | 'receivedOn' | 'amountFen' | 'instalmentId' | 'paymentMethod' | 'payer' | 'receivedBy' | 'type' | 'invoiceWanted' | 'invoiceKind' | 'remark' | 'overpayment'> {
  return {
    orderId: r.orderId, receivedOn: r.receivedOn, amountFen: r.amountFen, instalmentId: r.instalmentId, paymentMethod: r.paymentMethod, payer: r.payer,
    receivedBy: r.receivedBy, type: r.type, invoiceWanted: r.invoiceWanted, invoiceKind: r.invoiceKind, remark: r.remark, overpayment: r.overpayment,
  };
}

/** A receipt id that is not a receipt of the tenant. */
export function receiptNotFound(id: string): ReturnType<typeof domainError> {
  return notFound('receipt', '回款单', id);
}
