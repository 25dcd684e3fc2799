// Builders for the collections tests: a firm with sales, finance and operations people and its receipt and
// close approval flows, an order with a confirmed contract (the receivable), a plan, and receipts decided
// through the approval engine.
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import type { OrderSummary } from '../../../core/orders/types.js';
import type { ReceiptInput } from '../../../core/collections/receipt-fields.js';
import type { ReceiptDetail } from '../../../core/collections/receipt.service.js';
import { aFirm, type TestFirm } from '../../support/tenant.js';
import { aContract, anOrder, upload } from '../orders/order-builders.js';

export interface Person {
  readonly actor: Actor;
  readonly token: string;
}

export interface FinanceFirm {
  readonly firm: TestFirm;
  readonly sales: Person;
  readonly finance: Person;
  readonly operations: Person;
}

/**
 * A firm whose orders go straight from 初次沟通 to 订单完成 (only the finance close's own conditions), with a
 * receipt flow decided by finance and a close flow decided by operations.
 */
export async function aFinanceFirm(crm: Crm, opts: { defaultPipeline?: boolean } = {}): Promise<FinanceFirm> {
  const firm = await aFirm(crm);
  const [sales, finance, operations] = [await firm.person(['sales'], { name: '孙露露' }), await firm.person(['finance'], { name: '赵财务' }), await firm.person(['operations'], { name: '钱运营' })];
  if (!opts.defaultPipeline) await crm.orderSettings.savePipeline(firm.admin, {
    version: 0,
    stages: [
      { key: 'initial_contact', name: '初次沟通', progress: 50, exitGuards: [] },
      { key: 'completed', name: '订单完成', progress: 100, exitGuards: [], final: true },
    ],
  });
  await crm.approvalFlows.create(firm.admin, { businessType: 'receipt', name: '回款审批', nodes: [{ key: 'finance', name: '财务审核', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] });
  await crm.approvalFlows.create(firm.admin, { businessType: 'order_close', name: '结单审批', nodes: [{ key: 'ops', name: '运营审核', approvers: { kind: 'role', role: 'operations' }, mode: 'any' }] });
  return { firm, sales, finance, operations };
}

/** An order of `owner` whose confirmed contract makes `amountFen` receivable. */
export async function anOrderOwing(crm: Crm, firm: TestFirm, owner: Actor, amountFen: number, companyName?: string): Promise<OrderSummary> {
  const order = await anOrder(crm, owner, companyName ? { companyName } : {});
  const v = (await crm.orderContracts.save(firm.admin, order.id, { version: order.version, ...aContract({ amountFen }) } as never)).version;
  await upload(crm, firm.admin, order.id, 'contract_scan', 'pdf');
  await crm.orderContracts.confirm(firm.admin, order.id, { version: v });
  return order;
}

/** An order owing `amountFen` with an equal plan of `count` monthly instalments from `firstDueOn`. */
export async function anOrderWithPlan(crm: Crm, f: FinanceFirm, amountFen: number, count = 2, firstDueOn = '2026-12-01', owner: Actor = f.sales.actor): Promise<OrderSummary> {
  const order = await anOrderOwing(crm, f.firm, owner, amountFen);
  await crm.collectionPlans.save(f.finance.actor, order.id, { version: 0, spec: { method: 'equal', count, firstDueOn } });
  return order;
}

export const aReceipt = (orderId: string, amountFen: number, o: Partial<ReceiptInput> = {}): ReceiptInput => ({
  orderId, receivedOn: '2026-11-20', amountFen, paymentMethod: '转账', payer: '盛博科技有限公司', type: '服务费', invoiceWanted: false, ...o,
});

/** Decides the pending task of `approver` on a record (通过 or 否决). */
export async function decide(crm: Crm, approver: Actor, businessId: string, decision: 'approve' | 'reject' = 'approve'): Promise<void> {
  const tasks = await crm.approvals.myPendingTasks(approver, { limit: 200 });
  const task = tasks.items.find((x) => x.businessId === businessId);
  if (!task) throw new Error(`no pending task of ${approver.name} on ${businessId}`);
  await crm.approvals.decide(approver, task.instanceId, { taskId: task.taskId, decision, opinion: decision === 'reject' ? '金额不符' : '同意' });
}

/** A receipt recorded, submitted and approved by finance. */
export async function anApprovedReceipt(crm: Crm, f: FinanceFirm, orderId: string, amountFen: number, o: Partial<ReceiptInput> = {}): Promise<ReceiptDetail> {
  const { receipt } = await crm.receipts.create(f.finance.actor, aReceipt(orderId, amountFen, o), { submit: true });
  await decide(crm, f.finance.actor, receipt.id);
  return crm.receipts.get(f.finance.actor, receipt.id);
}

/** The code of the DomainError a promise rejects with, or 'ok'. */
export async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

/** A clock that starts at a fixed instant and moves on a millisecond per reading, so records keep their order. */
export class TickingClock {
  private t: number;
  constructor(start = '2026-11-26T08:00:00Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t++);
  }
  set(at: string): void {
    this.t = Date.parse(at);
  }
}
