// 开票 (step 13): request an invoice for an order from its approved receipts or on its own, correct the draft,
// submit it to the invoice approval flow (approval issues it with its number), give a draft up, reverse an
// issued invoice by a red-letter invoice, and 账务管理's lists, export and the tenant's invoice settings.
import {
  domainError, validationFailed, requireDrawable, undrawableFields, type FieldError, type Activity, type Tx,
  type PageRequest, type DocumentTexts,
} from '../shared/index.js';
import { settingsChange } from '../audit/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { requirePermission, scopeFilter, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { OrderSummary } from '../orders/index.js';
import { invoiceTotals, type InvoiceDocument } from '../documents/index.js';
import { checkBuyer, type BuyerInput } from './buyer.js';
import { buildInvoiceDocument } from './invoice-document.js';
import { buildBlueLines, type LineInput } from './invoice-lines.js';
import { invoiceStateLabel } from './invoice-machine.js';
import {
  fireInvoice, INVOICE_SUBJECT, invoiceChanged, invoiceName, invoiceSettings, orderFacts, recordInvoiceChange, requireInvoiceAccess, saveInvoice,
  visibleInvoice, visibleOrderSummary, type InvoiceRecordDeps,
} from './invoice-records.js';
import { applySettingsChange, defaultRate, type InvoiceSettingsChange } from './invoice-settings.js';
import { invoiceView, type InvoiceView } from './invoice-view.js';
import { invoiceableAmounts, requestProblem, type InvoiceableAmounts } from './invoiceable.js';
import type { InvoiceApprovals, InvoiceListFilter, InvoicePage, ReceiptForInvoice } from './ports.js';
import { planRedLetter, reversalsByLine, type RedLineRequest } from './red-letter.js';
import type { Invoice, InvoiceKind, InvoiceSettings } from './types.js';

export interface InvoicesDeps extends InvoiceRecordDeps {
  readonly approvals: InvoiceApprovals;
}

/** 申请开票: from approved receipts (their total, their invoice type) or on its own with lines; the buyer defaults from the order's enterprise profile. */
export interface InvoiceRequest {
  readonly orderId: string;
  readonly kind?: InvoiceKind | undefined;
  readonly receiptIds?: readonly string[] | undefined;
  readonly buyer?: BuyerInput | undefined;
  readonly lines?: readonly LineInput[] | undefined;
  readonly remarks?: string | null | undefined;
}

/** A draft's correction: what is given replaces what it had. */
export interface InvoiceDraftChange extends Omit<InvoiceRequest, 'orderId'> {
  readonly version: number;
}

export interface RedLetterRequest {
  /** 红冲原因, e.g. 开票有误, 服务中止. */
  readonly reason: string;
  /** Lines to reverse and how much of each; everything left on the invoice when absent. */
  readonly lines?: readonly RedLineRequest[] | undefined;
  readonly remarks?: string | null | undefined;
}

export interface SubmitInvoiceInput {
  readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
  readonly requestId?: string | undefined;
}

/** An order's receipt for the invoice request screen: may it be invoiced, and on which invoice it already is. */
export interface InvoiceableReceipt extends ReceiptForInvoice {
  readonly invoiceId: string | null;
  readonly selectable: boolean;
}

export interface InvoiceableView extends InvoiceableAmounts {
  readonly orderId: string;
  readonly receipts: readonly InvoiceableReceipt[];
}

/** The invoice with what was done to it: its red-letter invoices (on a blue one) and its timeline. */
export interface InvoiceDetail extends InvoiceView {
  readonly redLetters: readonly { readonly id: string; readonly number: string | null; readonly state: string; readonly stateLabel: string; readonly totalFen: number }[];
  /** 已红冲: what issued red-letter invoices took off (a positive amount). */
  readonly reversedFen: number;
}

interface Prepared {
  readonly kind: InvoiceKind;
  readonly buyer: Invoice['buyer'];
  readonly lines: Invoice['lines'];
  readonly receiptIds: readonly string[];
}

const MAX_REMARKS = 200;
const MAX_EXPORT_ROWS = 10_000;

const remarksOf = (v: string | null | undefined): string | null => (v === null || v === undefined || v.trim() === '' ? null : v.trim().slice(0, MAX_REMARKS));

// Text fields of a nested object by their request path ('/buyer/name').
function prefixed(prefix: string, fields: object): DocumentTexts {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}/${k}`, typeof v === 'string' ? v : null]));
}

export class InvoicesService {
  constructor(private readonly d: InvoicesDeps) {}

  /** The tenant's invoice settings (seller profile, rates, cap rule). */
  async settings(actor: Actor): Promise<InvoiceSettings> {
    requireInvoiceAccess(actor, 'read');
    return this.d.uow.read((tx) => invoiceSettings(this.d, tx, actor.tenantId));
  }

  /** Administrators set the seller profile, the rates and the cap rule; a stale version is a conflict. */
  async saveSettings(actor: Actor, change: InvoiceSettingsChange): Promise<InvoiceSettings> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const seller = change.seller ?? {};
    requireDrawable(this.d.charset, {
      ...prefixed('/seller', seller), '/defaultServiceName': change.defaultServiceName, '/payee': change.payee, '/reviewer': change.reviewer, '/drawer': change.drawer,
    });
    return this.d.uow.run(async (tx) => {
      const current = await invoiceSettings(this.d, tx, actor.tenantId);
      if (current.version !== change.version) throw staleSettings(change.version, current.version);
      const next = applySettingsChange(current, change);
      if (!(await this.d.settings.save(tx, actor.tenantId, next, actor.userId, this.d.clock.now()))) throw staleSettings(change.version, current.version);
      await this.d.operations?.record(tx, [settingsChange(actor, 'invoice', current, next)]);
      return next;
    });
  }

  /** What an order may still be invoiced for, and its receipts with whether each can be picked. */
  async invoiceable(actor: Actor, orderId: string): Promise<InvoiceableView> {
    requireInvoiceAccess(actor, 'read');
    return this.d.uow.read(async (tx) => {
      const order = await visibleOrderSummary(this.d, tx, actor, orderId);
      const settings = await invoiceSettings(this.d, tx, actor.tenantId);
      const amounts = invoiceableAmounts(settings.capBasis, await orderFacts(this.d, tx, order));
      const receipts = await this.d.receipts.ofOrder(tx, actor.tenantId, orderId);
      const inUse = await this.d.invoices.receiptsInUse(tx, actor.tenantId, receipts.map((r) => r.id), null);
      return {
        orderId, ...amounts,
        receipts: receipts.map((r) => ({ ...r, invoiceId: inUse.get(r.id) ?? null, selectable: r.approved && r.invoiceWanted && !inUse.has(r.id) })),
      };
    });
  }

  /** 申请开票: a draft within what the order may still be invoiced for (received, or the contract amount by tenant rule). */
  async request(actor: Actor, input: InvoiceRequest): Promise<InvoiceDetail> {
    requireInvoiceAccess(actor, 'write');
    return this.d.uow.run(async (tx) => {
      const order = await visibleOrderSummary(this.d, tx, actor, input.orderId);
      const settings = await invoiceSettings(this.d, tx, actor.tenantId);
      const prepared = await this.prepare(tx, actor, order, settings, input, null);
      const totals = invoiceTotals(prepared.lines);
      const problem = requestProblem(totals.totalFen, invoiceableAmounts(settings.capBasis, await orderFacts(this.d, tx, order)));
      if (problem) throw problem;
      const now = this.d.clock.now();
      const invoice: Invoice = {
        tenantId: actor.tenantId, id: this.d.ids.id(), orderId: order.id, direction: 'blue', originalId: null, kind: prepared.kind, state: 'draft',
        number: null, issueDate: null, issuedAt: null, issuedBy: null, seller: null, payee: null, reviewer: null, drawer: null,
        buyer: prepared.buyer, lines: prepared.lines, ...totals, remarks: remarksOf(input.remarks), reason: null, receiptIds: prepared.receiptIds,
        createdBy: actor.userId, createdAt: now, updatedBy: actor.userId, updatedAt: now, version: 1,
      };
      await this.d.invoices.insert(tx, invoice);
      await recordInvoiceChange(this.d, tx, invoice, actor.userId, 'invoice.requested', `申请开具${invoiceName(invoice)}`, { kind: invoice.kind, receiptIds: invoice.receiptIds });
      return this.detail(tx, actor.tenantId, invoice.id);
    });
  }

  /** Corrects a draft (before submitting, or after a rejection); issued invoices are never edited. */
  async update(actor: Actor, id: string, change: InvoiceDraftChange): Promise<InvoiceDetail> {
    requireInvoiceAccess(actor, 'write');
    return this.d.uow.run(async (tx) => {
      const { invoice, order } = await visibleInvoice(this.d, tx, actor, id, true);
      if (invoice.version !== change.version) throw invoiceChanged(id);
      if (invoice.state !== 'draft' || invoice.direction !== 'blue') throw notEditable(invoice);
      const settings = await invoiceSettings(this.d, tx, actor.tenantId);
      const merged: InvoiceRequest = {
        orderId: invoice.orderId,
        kind: change.kind ?? invoice.kind,
        receiptIds: change.receiptIds ?? invoice.receiptIds,
        // The buyer's fields given replace the draft's; an account kept as it was needs no second confirmation.
        buyer: { ...invoice.buyer, ...change.buyer, accountConfirmed: change.buyer?.account === undefined ? true : change.buyer.accountConfirmed },
        lines: change.lines ?? (change.receiptIds !== undefined ? undefined : invoice.lines.map((l) => ({ name: l.name, quantity: l.quantity, totalFen: l.totalFen, taxRate: l.taxRate }))),
        remarks: change.remarks,
      };
      const prepared = await this.prepare(tx, actor, order, settings, merged, invoice.id);
      const totals = invoiceTotals(prepared.lines);
      const facts = await orderFacts(this.d, tx, order);
      // The draft's own amount is among the reserved; it is replaced, not added.
      const problem = requestProblem(totals.totalFen, invoiceableAmounts(settings.capBasis, { ...facts, reservedFen: facts.reservedFen - invoice.totalFen }));
      if (problem) throw problem;
      const saved = await saveInvoice(this.d, tx, invoice, {
        kind: prepared.kind, buyer: prepared.buyer, lines: prepared.lines, ...totals, receiptIds: prepared.receiptIds,
        remarks: change.remarks === undefined ? invoice.remarks : remarksOf(change.remarks),
      }, actor.userId);
      await recordInvoiceChange(this.d, tx, saved, actor.userId, 'invoice.draft_changed', `修改${invoiceName(saved)}草稿`);
      return this.detail(tx, actor.tenantId, id);
    });
  }

  /**
   * 提交审批: the draft goes to the tenant's invoice (or 红冲发票) flow and becomes 待审批; approval issues it.
   * One transaction: the invoice's move, its approval instance and the answer, or nothing at all.
   */
  async submit(actor: Actor, id: string, input: SubmitInvoiceInput = {}): Promise<InvoiceDetail & { approvalId: string }> {
    requireInvoiceAccess(actor, 'write');
    return this.d.uow.run(async (tx) => {
      const { invoice } = await visibleInvoice(this.d, tx, actor, id);
      const approval = await this.d.approvals.submitIn(tx, actor, {
        businessType: invoice.direction === 'red' ? 'red_invoice' : 'invoice', businessId: id, chosenApprovers: input.chosenApprovers, requestId: input.requestId,
      });
      return { ...(await this.detail(tx, actor.tenantId, id)), approvalId: approval.id };
    });
  }

  /** 作废草稿: a draft that will not be submitted; its receipts and its amount are free again. */
  async cancel(actor: Actor, id: string, input: { readonly version: number }): Promise<InvoiceDetail> {
    requireInvoiceAccess(actor, 'write');
    return this.d.uow.run(async (tx) => {
      const { invoice } = await visibleInvoice(this.d, tx, actor, id, true);
      if (invoice.version !== input.version) throw invoiceChanged(id);
      const saved = await saveInvoice(this.d, tx, invoice, { state: fireInvoice(invoice, 'cancel') }, actor.userId);
      await this.d.invoices.releaseReceipts(tx, actor.tenantId, id);
      await recordInvoiceChange(this.d, tx, saved, actor.userId, 'invoice.cancelled', `作废${invoiceName(saved)}草稿`);
      return this.detail(tx, actor.tenantId, id);
    });
  }

  /**
   * 申请红冲: a red-letter draft reversing all that is left of an issued invoice, or the named part of its
   * lines; it goes through the 红冲发票 flow and, once issued, makes the original 部分红冲 or 已红冲.
   */
  async requestRedLetter(actor: Actor, id: string, input: RedLetterRequest): Promise<InvoiceDetail> {
    requireInvoiceAccess(actor, 'write');
    const reason = input.reason.trim();
    if (reason === '') throw validationFailed([{ path: '/reason', code: 'required', zh: '请填写红冲原因', en: 'give the reason for the reversal' }]);
    requireDrawable(this.d.charset, { '/reason': input.reason, '/remarks': input.remarks });
    return this.d.uow.run(async (tx) => {
      const { invoice: original } = await visibleInvoice(this.d, tx, actor, id, true);
      fireInvoice(original, 'reverse_partially'); // refuses a draft, a pending, a fully reversed or a red-letter invoice
      const reds = await this.d.invoices.redLettersOf(tx, actor.tenantId, id);
      const lines = planRedLetter(original.lines, reversalsByLine(reds.flatMap((r) => r.lines)), input.lines);
      const now = this.d.clock.now();
      const red: Invoice = {
        tenantId: actor.tenantId, id: this.d.ids.id(), orderId: original.orderId, direction: 'red', originalId: original.id, kind: original.kind, state: 'draft',
        number: null, issueDate: null, issuedAt: null, issuedBy: null, seller: null, payee: null, reviewer: null, drawer: null,
        buyer: original.buyer, lines, ...invoiceTotals(lines), remarks: remarksOf(input.remarks), reason: reason.slice(0, MAX_REMARKS), receiptIds: [],
        createdBy: actor.userId, createdAt: now, updatedBy: actor.userId, updatedAt: now, version: 1,
      };
      await this.d.invoices.insert(tx, red);
      await recordInvoiceChange(this.d, tx, red, actor.userId, 'invoice.red_letter_requested', `申请红冲${invoiceName(original)}：${invoiceName(red)}，原因：${red.reason ?? ''}`, { originalId: original.id });
      return this.detail(tx, actor.tenantId, red.id);
    });
  }

  /** One invoice with its red-letter invoices; `invoice.not_found` outside the actor's scope or tenant. */
  async get(actor: Actor, id: string): Promise<InvoiceDetail> {
    requireInvoiceAccess(actor, 'read');
    return this.d.uow.read(async (tx) => {
      await visibleInvoice(this.d, tx, actor, id);
      return this.detail(tx, actor.tenantId, id);
    });
  }

  /** 账务管理 → 发票: the invoices of orders in the actor's scope, newest first, filtered; sums with withTotal. */
  async list(actor: Actor, filter: InvoiceListFilter, page: PageRequest): Promise<Omit<InvoicePage, 'items'> & { items: InvoiceView[] }> {
    requireInvoiceAccess(actor, 'read');
    requirePermission(actor, PERMISSIONS.orderRead);
    const result = await this.d.uow.read((tx) => this.d.invoices.list(tx, actor.tenantId, filter, { userId: actor.userId, scope: scopeFilter(actor) }, page));
    return { ...result, items: result.items.map(invoiceView) };
  }

  /** The same list for an export (at most 10,000 rows, newest first). */
  async exportRows(actor: Actor, filter: InvoiceListFilter): Promise<InvoiceView[]> {
    requireInvoiceAccess(actor, 'read');
    requirePermission(actor, PERMISSIONS.orderRead);
    const rows = await this.d.uow.read((tx) => this.d.invoices.exportRows(tx, actor.tenantId, filter, { userId: actor.userId, scope: scopeFilter(actor) }, MAX_EXPORT_ROWS));
    return rows.map(invoiceView);
  }

  /** The invoice's timeline (申请, 提交, 审批, 开具, 红冲 …), oldest first. */
  async timeline(actor: Actor, id: string): Promise<Activity[]> {
    requireInvoiceAccess(actor, 'read');
    return this.d.uow.read(async (tx) => {
      await visibleInvoice(this.d, tx, actor, id);
      return this.d.timeline.list(tx, actor.tenantId, INVOICE_SUBJECT, id);
    });
  }

  /** The issued invoice as plain document data for the PDF renderer (the seller as it was at issue). */
  async document(actor: Actor, id: string): Promise<InvoiceDocument> {
    requireInvoiceAccess(actor, 'read');
    return this.d.uow.read(async (tx) => {
      const { invoice } = await visibleInvoice(this.d, tx, actor, id);
      const original = invoice.originalId ? await this.d.invoices.get(tx, actor.tenantId, invoice.originalId) : null;
      return buildInvoiceDocument(invoice, original);
    });
  }

  private async detail(tx: Tx, tenantId: string, id: string): Promise<InvoiceDetail> {
    const row = await this.d.invoices.getRow(tx, tenantId, id);
    if (!row) throw new Error(`invoice ${id} vanished inside its transaction`);
    const reds = row.direction === 'blue' ? await this.d.invoices.redLettersOf(tx, tenantId, id) : [];
    return {
      ...invoiceView(row),
      redLetters: reds.map((r) => ({ id: r.id, number: r.number, state: r.state, stateLabel: invoiceStateLabel(r.state), totalFen: r.totalFen })),
      reversedFen: 0 - invoiceTotals(reds.filter((r) => r.number !== null)).totalFen,
    };
  }

  // Kind, buyer, lines and receipts of a request, checked together so that every field's problem is listed.
  private async prepare(tx: Tx, actor: Actor, order: OrderSummary, settings: InvoiceSettings, input: InvoiceRequest, invoiceId: string | null): Promise<Prepared> {
    const problems: FieldError[] = [];
    const receiptIds = [...new Set(input.receiptIds ?? [])];
    let kind: InvoiceKind = input.kind ?? 'ordinary';
    let lineInputs: readonly LineInput[] | undefined = input.lines;
    if (receiptIds.length > 0) {
      const picked = await this.pickReceipts(tx, actor, order.id, receiptIds, invoiceId, problems);
      const kinds = [...new Set(picked.map((r) => r.invoiceKind).filter((k): k is InvoiceKind => k !== null))];
      if (input.kind === undefined && kinds.length === 1) kind = kinds[0] as InvoiceKind;
      if (kinds.length > 1 && input.kind === undefined) {
        problems.push({ path: '/kind', code: 'invoice.receipt_kinds_differ', zh: '所选回款单的发票类型不一致，请指定发票类型', en: 'The receipts ask for different invoice kinds; choose the kind' });
      }
      const receivedFen = picked.reduce((s, r) => s + r.amountFen, 0);
      // One line of the receipts' total; when a receipt cannot be used, its problem is the one reported.
      if (lineInputs === undefined) lineInputs = picked.length === receiptIds.length ? [{ totalFen: receivedFen }] : undefined;
      else if (picked.length === receiptIds.length && lineInputs.reduce((s, l) => s + l.totalFen, 0) !== receivedFen) {
        problems.push({
          path: '/lines', code: 'invoice.lines_differ_from_receipts',
          zh: `发票金额应等于所选回款单合计 ¥${formatYuanGrouped(receivedFen)}`, en: `The lines must add up to the receipts' total, ${formatYuanGrouped(receivedFen)}`,
        });
      }
    }
    const profile = await this.d.profiles.get(tx, actor.tenantId, order.id);
    const given = input.buyer ?? {};
    const buyerInput: BuyerInput = { ...given, name: given.name ?? order.companyName, taxId: given.taxId === undefined ? profile?.taxId ?? null : given.taxId };
    const { buyer, problems: buyerProblems } = checkBuyer(kind, buyerInput);
    const skipLines = lineInputs === undefined && receiptIds.length > 0;
    const { lines, problems: lineProblems } = skipLines ? { lines: [], problems: [] } : buildBlueLines(lineInputs ?? [], { rate: defaultRate(settings), serviceName: settings.defaultServiceName });
    problems.push(...buyerProblems, ...lineProblems);
    // What the invoice will print must be printable: refused now rather than issued and never printed.
    const lineNames = Object.fromEntries((lineInputs ?? []).map((l, i) => [`/lines/${i}/name`, l.name]));
    const { accountConfirmed: _confirmed, ...buyerTexts } = buyerInput;
    problems.push(...undrawableFields(this.d.charset, { ...prefixed('/buyer', buyerTexts), ...lineNames, '/remarks': input.remarks }));
    if (problems.length > 0) throw validationFailed(problems);
    return { kind, buyer, lines, receiptIds };
  }

  // The named receipts must be this order's, approved, marked 开票, and on no other live invoice.
  private async pickReceipts(tx: Tx, actor: Actor, orderId: string, ids: readonly string[], invoiceId: string | null, problems: FieldError[]): Promise<ReceiptForInvoice[]> {
    const all = new Map((await this.d.receipts.ofOrder(tx, actor.tenantId, orderId)).map((r) => [r.id, r]));
    const inUse = await this.d.invoices.receiptsInUse(tx, actor.tenantId, ids, invoiceId);
    const picked: ReceiptForInvoice[] = [];
    ids.forEach((id, i) => {
      const r = all.get(id);
      const path = `/receiptIds/${i}`;
      if (!r) problems.push({ path, code: 'invoice.receipt_not_found', zh: '该订单没有此回款单', en: 'The order has no such receipt' });
      else if (!r.approved) problems.push({ path, code: 'invoice.receipt_not_approved', zh: '回款单尚未审批通过，不能开票', en: 'The receipt is not approved yet, so it cannot be invoiced' });
      else if (!r.invoiceWanted) problems.push({ path, code: 'invoice.receipt_no_invoice_wanted', zh: '回款单未勾选“开票”', en: 'The receipt does not ask for an invoice' });
      else if (inUse.has(id)) problems.push({ path, code: 'invoice.receipt_already_invoiced', zh: '回款单已在其他发票中开票', en: 'The receipt is already on another invoice' });
      else picked.push(r);
    });
    return picked;
  }
}

function staleSettings(expected: number, current: number) {
  return domainError('invoice.settings_version_conflict', 'conflict', '发票设置已被他人修改，请刷新后重试', 'Someone else changed the invoice settings first; reload and try again',
    { expectedVersion: expected, currentVersion: current });
}

function notEditable(invoice: Invoice) {
  return domainError('invoice.not_editable', 'rule', `发票处于「${invoiceStateLabel(invoice.state)}」，只能修改草稿；已开具的发票只能红冲`,
    `Only a draft can be changed; this invoice is ${invoice.state} (an issued invoice is reversed by a red-letter invoice)`, { state: invoice.state });
}
