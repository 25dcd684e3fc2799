// Builders for the products tests: a tenant's catalogue from the demo products, and an order with a complete
// enterprise profile (legal representative born 1970-09-18, tax id registered in 苏州市吴中区, a 按揭房).
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { DEMO_PRODUCTS } from '../../../core/products/demo-products.js';
import type { StoredProduct } from '../../../core/products/ports.js';
import type { OrderSummary } from '../../../core/orders/types.js';
import { aProfile, anOrder } from '../orders/order-builders.js';

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
