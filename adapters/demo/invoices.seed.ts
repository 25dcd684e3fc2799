// Demo invoices of 大鑫金服: its invoicing profile (销售方), the 红冲发票 flow beside the 开票审批 the approvals
// demo made, and, for orders whose approved receipts asked for an invoice, invoices requested from those
// receipts and issued through the flow (by 财务); the first one reversed in part by a red-letter invoice.
// Runs last: it bills what the earlier steps received, and leaves nothing when they received nothing.
import type { Crm } from '../composition/create-crm.js';
import type { DemoOrganisation } from './organisation.seed.js';
import type { Actor } from '../../core/organisation/actor.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { buildActor } from '../../core/organisation/build-actor.js';
import { UnitOfWork } from '../../core/shared/ports.js';
import { isDomainError } from '../../core/shared/domain-error.js';
import { makeUscc } from '../../core/identity/index.js';

/** 大鑫金服's invoicing profile (synthetic but valid tax id). */
export const DEMO_SELLER = {
  name: '大鑫金服（苏州）信息咨询有限公司', taxId: makeUscc('91320594MA20DXJF0'), address: '苏州工业园区星湖街 328 号', phone: '0512-62880000',
  bank: '招商银行苏州分行营业部', account: '512905678910888',
};

const MAX_DEMO_INVOICES = 4;

async function actorOf(crm: Crm, tenantId: string, userId: string): Promise<Actor> {
  const org = crm.container.get<OrganisationRepository>(OrganisationRepository);
  return crm.container.get<UnitOfWork>(UnitOfWork).read(async (tx) => {
    const tenant = await org.getTenant(tx, tenantId);
    const user = await org.getUser(tx, tenantId, userId);
    if (!tenant || !user) throw new Error('demo: the demo organisation is missing');
    return buildActor(tenant, user, await org.listRoles(tx, tenantId), await org.listDepartments(tx, tenantId));
  });
}

async function approveAs(crm: Crm, approver: Actor, instanceId: string): Promise<void> {
  const instance = await crm.approvals.get(approver, instanceId);
  const taskId = instance.myOpenTaskIds[0];
  if (taskId) await crm.approvals.decide(approver, instanceId, { taskId, decision: 'approve', opinion: '同意开票' });
}

export async function seedDemoInvoices(crm: Crm, demo: DemoOrganisation): Promise<void> {
  const { tenantId, admin, users } = demo.main;
  await crm.invoices.saveSettings(admin, { version: 0, seller: DEMO_SELLER, payee: users.finance.name, reviewer: users.finance.name });
  await crm.invoices.saveSettings(demo.small.admin, { version: 0, seller: { ...DEMO_SELLER, name: '大熹金服信息咨询有限公司', taxId: makeUscc('91320594MA20DXJF1') } });
  for (const [who, businessType, name] of [[admin, 'invoice', '开票审批'], [admin, 'red_invoice', '红冲审批']] as const) {
    try {
      await crm.approvalFlows.create(who, { businessType, name, noApproverRule: 'admin', nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] });
    } catch (e) {
      if (!(isDomainError(e) && e.code === 'approval.flow_exists')) throw e;
    }
  }

  // Approved receipts that asked for an invoice and are on none yet, oldest first.
  const rows = (await crm.database.knex('receipts as r')
    .join('orders as o', (j) => j.on('o.tenant_id', 'r.tenant_id').andOn('o.id', 'r.order_id'))
    .where({ 'r.tenant_id': tenantId, 'r.state': 'approved', 'r.invoice_wanted': true })
    .whereNotExists((q) => q.select(1).from('invoice_receipts as ir').whereRaw('ir.tenant_id = r.tenant_id and ir.receipt_id = r.id and ir.active'))
    .orderBy([{ column: 'r.received_on' }, { column: 'r.id' }])
    .limit(MAX_DEMO_INVOICES)
    .select('r.id', 'r.order_id', 'o.owner_id')) as { id: string; order_id: string; owner_id: string }[];
  const finance = await actorOf(crm, tenantId, users.finance.id);
  let first: string | null = null;
  for (const r of rows) {
    const owner = await actorOf(crm, tenantId, r.owner_id);
    try {
      const draft = await crm.invoices.request(owner, {
        orderId: r.order_id, receiptIds: [r.id], kind: 'ordinary', remarks: '服务费（演示数据）',
      });
      const submitted = await crm.invoices.submit(owner, draft.id);
      await approveAs(crm, finance, submitted.approvalId);
      first ??= draft.id;
    } catch (e) {
      // A receipt the demo cannot invoice (e.g. the order's owner left) is simply skipped.
      if (!isDomainError(e)) throw e;
    }
  }
  if (first) {
    const issued = await crm.invoices.get(finance, first);
    if (issued.state === 'issued' && issued.totalFen >= 200) {
      const red = await crm.invoices.requestRedLetter(finance, first, { reason: '部分服务费退还（演示数据）', lines: [{ lineNo: 1, totalFen: Math.floor(issued.totalFen / 2) }] });
      await approveAs(crm, finance, (await crm.invoices.submit(finance, red.id)).approvalId);
    }
  }
}
