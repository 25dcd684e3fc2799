// Builders for the invoices tests: a firm with its invoicing profile and its invoice and 红冲发票 flows (one
// finance node), an order with a confirmed contract, and approving what waits on a person.
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { makeUscc } from '../../../core/identity/index.js';
import type { InvoiceCapBasis } from '../../../core/invoices/types.js';
import { aFirm, type TestFirm } from '../../support/tenant.js';
import { aContract, anOrder, aProfile, upload } from '../orders/order-builders.js';

export const SELLER = {
  name: '大鑫金服（苏州）信息咨询有限公司', taxId: makeUscc('91320594MA20ABCD1'), address: '苏州工业园区星湖街 328 号', phone: '0512-62880000',
  bank: '招商银行苏州分行营业部', account: '512905678910888',
};

export interface InvoicingFirm extends TestFirm {
  readonly finance: { actor: Actor; token: string };
}

/** A firm whose invoices and red-letter invoices go through one 财务审批 node (any finance person), capped as asked. */
export async function anInvoicingFirm(crm: Crm, capBasis: InvoiceCapBasis = 'contract'): Promise<InvoicingFirm> {
  const firm = await aFirm(crm);
  await crm.invoices.saveSettings(firm.admin, { version: 0, seller: SELLER, capBasis, drawer: '张犇' });
  for (const businessType of ['invoice', 'red_invoice'] as const) {
    await crm.approvalFlows.create(firm.admin, {
      businessType, name: businessType === 'invoice' ? '开票审批' : '红冲审批',
      nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
    });
  }
  const finance = await firm.person(['finance'], { name: '李淼' });
  return { ...firm, finance };
}

/** An order of the owner with its profile's tax id and a confirmed contract of the amount (合同金额). */
export async function aContractedOrder(crm: Crm, owner: Actor, amountFen = 20_000_000): Promise<{ id: string; taxId: string }> {
  const order = await anOrder(crm, owner);
  const profile = aProfile();
  await crm.orderProfiles.save(owner, order.id, { ...profile, version: order.version } as never);
  const afterProfile = await crm.orders.get(owner, order.id);
  const saved = await crm.orderContracts.save(owner, order.id, { ...aContract({ amountFen }), version: afterProfile.order.version } as never);
  await upload(crm, owner, order.id, 'contract_scan', 'pdf');
  await crm.orderContracts.confirm(owner, order.id, { version: saved.version });
  return { id: order.id, taxId: profile.taxId as string };
}

/** Approves the approval instance's open task as the approver (its 财务审批 node). */
export async function approve(crm: Crm, approver: Actor, instanceId: string, decision: 'approve' | 'reject' = 'approve'): Promise<void> {
  const instance = await crm.approvals.get(approver, instanceId);
  const taskId = instance.myOpenTaskIds[0];
  if (!taskId) throw new Error(`no open task of ${approver.name} on ${instanceId}`);
  await crm.approvals.decide(approver, instanceId, { taskId, decision, opinion: decision === 'reject' ? '抬头有误' : '同意' });
}

/** The firm's receipt flow (one 财务审批 node), for tests that invoice approved receipts. */
export async function aReceiptFlow(crm: Crm, firm: TestFirm): Promise<void> {
  await crm.approvalFlows.create(firm.admin, {
    businessType: 'receipt', name: '回款审批', nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
  });
}

/** A one-instalment collection plan and a receipt of the amount asking for an invoice of the kind, approved by finance. */
export async function anApprovedReceipt(
  crm: Crm, owner: Actor, finance: Actor, orderId: string, amountFen: number, invoiceKind: 'normal' | 'special' = 'special',
): Promise<string> {
  const plan = await crm.collectionPlans.get(owner, orderId);
  if (plan.plan === null) await crm.collectionPlans.save(owner, orderId, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2026-12-01' } });
  const { receipt } = await crm.receipts.create(owner, {
    orderId, receivedOn: '2026-11-25', amountFen, paymentMethod: '转账', payer: '盛博科技有限公司', type: '服务费', invoiceWanted: true, invoiceKind,
  }, { submit: true });
  const [instance] = await crm.approvals.listForBusiness(owner, 'receipt', receipt.id);
  if (!instance) throw new Error('the receipt was not submitted');
  await approve(crm, finance, instance.id);
  return receipt.id;
}
