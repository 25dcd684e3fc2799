// Demo collections of 大鑫金服, through the use cases and the real approval flows (回款审批: 财务 then 运营;
// 结单审批: 财务 or 运营): collection plans on the orders with a confirmed contract, approved receipts, a receipt
// waiting on 赵财务 (回款办理), an overdue instalment, an order closed through 结单 (订单完成), and the brochure's
// 200000-yuan order of 大道公司 with nothing received yet. Dates are relative to the day the demo is seeded.
import { Readable } from 'node:stream';
import type { Crm } from '../composition/create-crm.js';
import type { DemoOrganisation } from './organisation.seed.js';
import { DEMO_SHENGBO } from './inquiries.seed.js';
import type { Actor } from '../../core/organisation/actor.js';
import { buildActor } from '../../core/organisation/build-actor.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { UnitOfWork } from '../../core/shared/ports.js';
import { addDaysToLocalDate, localDate } from '../../core/shared/zoned-time.js';
import type { ReceiptInput } from '../../core/collections/receipt-fields.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** 大道公司: the brochure's order of 200000 yuan, 0 received. */
export const DEMO_DADAO = { companyName: '大道公司', contactName: '陈大道', mobile: '13912345678', amountYuan: 200_000 } as const;

async function actorOf(crm: Crm, tenantId: string, userId: string): Promise<Actor> {
  const org = crm.container.get<OrganisationRepository>(OrganisationRepository);
  return crm.container.get<UnitOfWork>(UnitOfWork).read(async (tx) => {
    const tenant = await org.getTenant(tx, tenantId);
    const user = await org.getUser(tx, tenantId, userId);
    if (!tenant || !user) throw new Error('demo: the demo organisation is missing');
    return buildActor(tenant, user, await org.listRoles(tx, tenantId), await org.listDepartments(tx, tenantId));
  });
}

/** Decides every open task of these approvers on the instance, in turn, until it ends. */
async function approveAll(crm: Crm, approvers: readonly Actor[], instanceId: string): Promise<void> {
  for (let round = 0; round < 5; round++) {
    let decided = false;
    for (const a of approvers) {
      const view = await crm.approvals.get(a, instanceId);
      if (view.status !== 'pending') return;
      for (const taskId of view.myOpenTaskIds) {
        await crm.approvals.decide(a, instanceId, { taskId, decision: 'approve', opinion: '同意（演示数据）' });
        decided = true;
      }
    }
    if (!decided) return;
  }
}

export async function seedDemoCollections(crm: Crm, demo: DemoOrganisation): Promise<void> {
  const { tenantId, users } = demo.main;
  const knex = crm.database.knex;
  const [sun, finance, operations] = [await actorOf(crm, tenantId, users.sunLulu.id), await actorOf(crm, tenantId, users.finance.id), await actorOf(crm, tenantId, users.operations.id)];
  const approvers = [finance, operations];
  const today = localDate(crm.clock.now(), sun.timeZone);
  const day = (n: number): string => addDaysToLocalDate(today, n);

  const receipt = async (owner: Actor, orderId: string, amountYuan: number, receivedOn: string, o: Partial<ReceiptInput> = {}, approve = true): Promise<void> => {
    const payer = (await knex('orders').where({ tenant_id: tenantId, id: orderId }).first('company_name')).company_name as string;
    const { receipt: r } = await crm.receipts.create(owner, {
      orderId, receivedOn, amountFen: amountYuan * 100, paymentMethod: '转账', payer, type: '服务费', invoiceWanted: false, ...o,
    }, { submit: true });
    if (!approve) return;
    const instance = (await crm.approvals.listForBusiness(owner, 'receipt', r.id))[0];
    if (instance) await approveAll(crm, approvers, instance.id);
  };

  // 盛博科技 (200000 元, 申请批核): 30% deposit received, the rest due when the bank disburses.
  const shengbo = await knex('orders').where({ tenant_id: tenantId, company_name: DEMO_SHENGBO.companyName }).first('id', 'owner_id');
  if (shengbo) {
    const owner = await actorOf(crm, tenantId, shengbo.owner_id);
    await crm.collectionPlans.save(owner, shengbo.id, { version: 0, spec: { method: 'deposit', depositPercent: 30, depositDueOn: day(-16) } });
    await receipt(owner, shengbo.id, 60_000, day(-17), { paymentMethod: '微信', invoiceWanted: true, invoiceKind: 'normal' });
  }

  // Orders won with a confirmed contract: one paying by instalments with one late and one receipt waiting on
  // 赵财务, one fully paid and closed through 结单.
  const won = (await knex('orders as o')
    .join('order_contracts as c', (j) => j.on('c.tenant_id', 'o.tenant_id').andOn('c.order_id', 'o.id'))
    .where({ 'o.tenant_id': tenantId, 'o.stage_key': 'contract_won' })
    .whereNotNull('c.confirmed_at')
    .orderBy('c.amount_fen', 'desc')
    .select('o.id', 'o.owner_id', 'c.amount_fen')) as { id: string; owner_id: string; amount_fen: number }[];
  const [byInstalments, toClose] = won;
  if (byInstalments) {
    const owner = await actorOf(crm, tenantId, byInstalments.owner_id);
    await crm.collectionPlans.save(owner, byInstalments.id, { version: 0, spec: { method: 'equal', count: 3, firstDueOn: day(-40), intervalMonths: 1 } });
    await receipt(owner, byInstalments.id, Math.floor(Number(byInstalments.amount_fen) / 300), day(-39), { paymentMethod: '转账' });
    await receipt(owner, byInstalments.id, 30_000, day(-1), { paymentMethod: '支付宝', invoiceWanted: true, invoiceKind: 'special' }, false);
  }
  if (toClose) {
    const owner = await actorOf(crm, tenantId, toClose.owner_id);
    const amountYuan = Number(toClose.amount_fen) / 100;
    await crm.collectionPlans.save(owner, toClose.id, { version: 0, spec: { method: 'manual', instalments: [{ dueOn: day(-5), amountFen: Number(toClose.amount_fen) }] } });
    await receipt(owner, toClose.id, amountYuan, day(-6), { paymentMethod: '转账', invoiceWanted: true, invoiceKind: 'special' });
    const close = await crm.closes.requestClose(finance, toClose.id);
    await approveAll(crm, [operations, finance], close.instanceId);
  }

  // 大道公司: the brochure's 200000-yuan 企业信用贷 of 孙露露, its plan made, nothing received yet.
  const inquiry = await crm.inquiries.create(sun, {
    companyName: DEMO_DADAO.companyName, mobile: DEMO_DADAO.mobile, contactName: DEMO_DADAO.contactName, gender: 'male', level: 'A', source: '电销',
    propertyType: '按揭房', remark: '宣传册示例订单（演示数据）', nextFollowUpAt: new Date(crm.clock.now().getTime() + 2 * 86_400_000),
  });
  const dadao = await crm.orders.create(sun, { inquiryId: inquiry.id, title: '企业信用贷' });
  const saved = await crm.orderContracts.save(sun, dadao.id, {
    version: dadao.version, number: 'DX-HT-2026-DADAO', amountFen: DEMO_DADAO.amountYuan * 100, signedOn: today, customerParty: DEMO_DADAO.companyName, firmParty: '大鑫金服',
  });
  await crm.files.upload(sun, { subjectType: 'order', subjectId: dadao.id, kind: 'contract_scan', fileName: '服务合同.pdf', content: Readable.from([PDF]) });
  await crm.orderContracts.confirm(sun, dadao.id, { version: saved.version });
  await crm.collectionPlans.save(sun, dadao.id, { version: 0, spec: { method: 'equal', count: 2, firstDueOn: day(20) } });
}
