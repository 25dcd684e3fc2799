// Builders for the products tests: a tenant's catalogue from the demo products, and an order with a complete
// enterprise profile (legal representative born 1970-09-18, tax id registered in 苏州市吴中区, a 按揭房).
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { DEMO_PRODUCTS } from '../../../core/products/demo-products.js';
import type { StoredProduct } from '../../../core/products/ports.js';
import type { OrderSummary } from '../../../core/orders/types.js';
import { aProfile, anOrder } from '../orders/order-builders.js';
import { aProductInput } from '../../core/products/builders.js';
import { addDaysToLocalDate, localDate } from '../../../core/shared/zoned-time.js';

/** The demo catalogue (or the named part of it) in the actor's tenant, by product name. */
export async function aCatalogue(crm: Crm, manager: Actor, names?: readonly string[]): Promise<Map<string, StoredProduct>> {
  const out = new Map<string, StoredProduct>();
  for (const p of DEMO_PRODUCTS.filter((x) => !names || names.includes(x.name))) out.set(p.name, await crm.products.createProduct(manager, p));
  return out;
}

/** An order whose profile is complete, with the legal representative's mobile returned for the status page. */
export async function anOrderWithProfile(crm: Crm, owner: Actor): Promise<{ order: OrderSummary; legalPersonMobile: string }> {
  const order = await anOrder(crm, owner, { companyName: `盛博科技${Math.floor(Math.random() * 1e9)}有限公司` });
  const profile = aProfile();
  await crm.orderProfiles.save(owner, order.id, { ...profile, version: order.version } as never);
  return { order, legalPersonMobile: profile.legalPersonMobile as string };
}

/** The code of a DomainError a promise rejects with, or 'ok'. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    throw e;
  }
}

/**
 * A pending 服务费调整 in the actors' firm: a product at 前期 2,000 元 + 1.5 % of the disbursed amount, disbursed
 * 1,000,000 元 after the collection plan was agreed, then corrected to 800,000 元 with a reason — 3,000 元 less,
 * so it waits for approval. Adds the firm's fee_adjustment flow (decided by finance).
 */
export async function aPendingFeeAdjustment(crm: Crm, admin: Actor, sales: Actor, finance: Actor): Promise<{ id: string; orderId: string; lineId: string }> {
  await crm.approvalFlows.create(admin, { businessType: 'fee_adjustment', name: '服务费调整', nodes: [{ key: 'f', name: '财务审核', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] });
  const product = await crm.products.createProduct(admin, aProductInput({ number: undefined, defaultServiceFeeFen: 300_000, amountFen: { min: 0, max: 900_000_000 } }));
  await crm.feeRules.saveProductRule(admin, product.id, product.version, {
    split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5', minFen: null, maxFen: null },
  });
  const { order } = await anOrderWithProfile(crm, sales);
  const lineId = (await crm.orderProducts.saveLines(sales, order.id, 0, [{ productId: product.id }])).lines[0]?.id as string;
  const today = localDate(crm.clock.now(), 'Asia/Shanghai');
  let l = await crm.orderProducts.changeApplication(sales, order.id, lineId, 1, { type: 'submit' });
  l = await crm.orderProducts.changeApplication(sales, order.id, lineId, l.version, { type: 'approve', approvedAmountFen: 200_000_000, annualRatePercent: '3.85', termMonths: 12 });
  await crm.collectionPlans.save(finance, order.id, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: addDaysToLocalDate(today, 20) } });
  l = await crm.orderProducts.changeApplication(sales, order.id, lineId, l.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: today });
  await crm.orderProducts.correctDisbursement(sales, order.id, lineId, l.version, { disbursedAmountFen: 80_000_000, reason: '银行回单金额有误' });
  const [adjustment] = (await crm.orderProducts.lineFee(sales, order.id, lineId)).adjustments;
  if (!adjustment) throw new Error('no fee adjustment was opened');
  return { id: adjustment.id, orderId: order.id, lineId };
}
