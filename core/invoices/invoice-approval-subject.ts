// 发票 ('invoice') and 红冲发票 ('red_invoice') plugged into the approval engine. Submitting reads the invoice's
// facts (refusing one that cannot be submitted, changing nothing) and, once the instance is stored in the same
// transaction, moves it 草稿 → 待审批 (onSubmitted); so a submission the engine refuses (no flow, already
// pending, bad approvers) leaves the draft as it was, whichever way it was submitted (POST
// /invoices/:id/submit or POST /approvals). The outcome arrives in the deciding transaction: approved → 已开具
// with its number; rejected or withdrawn → back to 草稿.
import { notFound, type Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { ConditionSubject, ApprovalInstance, ApprovalOutcome, ApprovalSubject, SubjectPurpose } from '../approvals/index.js';
import { issueApproved, returnToDraft } from './invoice-issuing.js';
import {
  fireInvoice, INVOICE_SUBJECT, invoiceSettings, invoiceName, recordInvoiceChange, requireInvoiceAccess, saveInvoice, visibleInvoice, type InvoiceRecordDeps,
} from './invoice-records.js';
import { sellerMissing } from './invoice-document.js';
import type { InvoiceDirection } from './types.js';

export class InvoiceApprovalSubject implements ApprovalSubject {
  readonly timelineSubjectType = INVOICE_SUBJECT;

  constructor(private readonly d: InvoiceRecordDeps, private readonly direction: InvoiceDirection) {}

  /**
   * Conditions read amountFen (the invoice's 价税合计, as a positive amount on a red-letter invoice), totalFen,
   * kind (ordinary/special), direction, orderId, ownerId and departmentId of the order, buyerName.
   */
  async facts(tx: Tx, actor: Actor, id: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    if (purpose === 'submit') requireInvoiceAccess(actor, 'write');
    const { invoice, order } = await visibleInvoice(this.d, tx, actor, id, purpose === 'submit');
    if (invoice.direction !== this.direction) throw notFound('invoice', '发票', id);
    if (purpose === 'submit') {
      if ((await invoiceSettings(this.d, tx, actor.tenantId)).seller === null) throw sellerMissing();
      fireInvoice(invoice, 'submit'); // refuses what is not a draft, before the engine does anything
    }
    return {
      amountFen: Math.abs(invoice.totalFen), totalFen: invoice.totalFen, kind: invoice.kind, direction: invoice.direction,
      orderId: order.id, ownerId: order.ownerId, departmentId: order.departmentId, buyerName: invoice.buyer.name,
    };
  }

  /** 提交审批: the draft becomes 待审批 with the instance that now decides it. */
  async onSubmitted(tx: Tx, actor: Actor, instance: ApprovalInstance): Promise<void> {
    const invoice = await this.d.invoices.getForUpdate(tx, instance.tenantId, instance.businessId);
    if (!invoice) throw notFound('invoice', '发票', instance.businessId);
    const submitted = await saveInvoice(this.d, tx, invoice, { state: fireInvoice(invoice, 'submit') }, actor.userId);
    await recordInvoiceChange(this.d, tx, submitted, actor.userId, 'invoice.submitted', `提交${invoiceName(submitted)}审批`);
  }

  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    if (outcome.type === 'approval.approved') await issueApproved(this.d, tx, instance.tenantId, instance.businessId, outcome.actorId);
    else await returnToDraft(this.d, tx, instance.tenantId, instance.businessId, outcome.type === 'approval.rejected' ? 'reject' : 'withdraw', outcome.actorId);
  }
}
