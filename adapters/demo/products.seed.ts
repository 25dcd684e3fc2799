// Demo products: 大鑫金服's catalogue (every demo product, in all eight categories, the brochure's 税E贷, 快贷,
// e商助梦贷 and 浦发-银税贷 among them) and a few for 大熹金服; then, on the demo orders that have reached the
// application stage, the facts matching reads, matched products and their applications: 盛博科技's 税E贷 申请中,
// approvals and disbursements on the won and completed orders. All through the use cases, so timelines, the
// outbox and the orders' amounts are real.
import type { Crm } from '../composition/create-crm.js';
import type { DemoOrganisation } from './organisation.seed.js';
import { DEMO_SHENGBO } from './inquiries.seed.js';
import type { Actor } from '../../core/organisation/actor.js';
import { buildActor } from '../../core/organisation/build-actor.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { DEMO_PRODUCTS } from '../../core/products/demo-products.js';
import type { LineInput } from '../../core/products/order-products.service.js';
import { UnitOfWork } from '../../core/shared/ports.js';

/** The products 大熹金服 places (renumbered from 1 in its own catalogue). */
const SMALL_FIRM_PRODUCTS = ['税E贷', '快贷', 'e商助梦贷', '浦发-银税贷', '房抵e贷'];

/** Facts the sales people recorded for matching on the demo orders. */
const FACTS = {
  companyRegisteredOn: '2019-06-18', taxCreditRating: 'A', annualTaxPaidFen: 8_600_000, annualInvoicingFen: 620_000_000,
  regionName: '江苏省苏州市吴中区', ownsVehicle: true, existingDebtFen: 80_000_000, requestedAmountFen: 100_000_000,
} as const;

async function actorOf(crm: Crm, tenantId: string, userId: string): Promise<Actor> {
  const org = crm.container.get<OrganisationRepository>(OrganisationRepository);
  return crm.container.get<UnitOfWork>(UnitOfWork).read(async (tx) => {
    const tenant = await org.getTenant(tx, tenantId);
    const user = await org.getUser(tx, tenantId, userId);
    if (!tenant || !user) throw new Error('demo: the demo organisation is missing');
    return buildActor(tenant, user, await org.listRoles(tx, tenantId), await org.listDepartments(tx, tenantId));
  });
}

type Outcome = 'applying' | 'approved' | 'disbursed';

/** Records the facts, picks the named products and moves the first line's application as far as `outcome`. */
async function matchAndApply(crm: Crm, actor: Actor, orderId: string, lines: readonly LineInput[], outcome: Outcome, today: string): Promise<void> {
  await crm.orderProducts.saveMatchFacts(actor, orderId, 0, FACTS);
  const saved = await crm.orderProducts.saveLines(actor, orderId, 0, lines, 'auto');
  const first = saved.lines[0];
  if (!first) return;
  let line = await crm.orderProducts.changeApplication(actor, orderId, first.id, first.version, { type: 'submit' });
  if (outcome === 'applying') return;
  line = await crm.orderProducts.changeApplication(actor, orderId, first.id, line.version, { type: 'approve', approvedAmountFen: 100_000_000, annualRatePercent: '3.85', termMonths: 12 });
  if (outcome === 'approved') return;
  await crm.orderProducts.changeApplication(actor, orderId, first.id, line.version, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: today });
}

export async function seedDemoProducts(crm: Crm, demo: DemoOrganisation): Promise<void> {
  const { tenantId, admin } = demo.main;
  const ids = new Map<string, string>();
  for (const p of DEMO_PRODUCTS) ids.set(p.name, (await crm.products.createProduct(admin, p)).id);
  for (const [i, name] of SMALL_FIRM_PRODUCTS.entries()) {
    const p = DEMO_PRODUCTS.find((x) => x.name === name);
    if (p) await crm.products.createProduct(demo.small.admin, { ...p, number: i + 1 });
  }

  const knex = crm.database.knex;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(crm.clock.now());
  const orders = await knex('orders as o')
    .join('inquiries as i', (j) => j.on('i.tenant_id', 'o.tenant_id').andOn('i.id', 'o.inquiry_id'))
    .where('o.tenant_id', tenantId)
    .whereIn('o.stage_key', ['application_approval', 'contract_won', 'completed'])
    .orderBy('o.created_at')
    .select('o.id', 'o.owner_id', 'o.stage_key', 'i.company_name');
  const id = (name: string): string => ids.get(name) as string;
  for (const o of orders) {
    const actor = await actorOf(crm, tenantId, o.owner_id as string);
    if (o.company_name === DEMO_SHENGBO.companyName) {
      // The brochure: 盛博科技's 税E贷 at 工商银行, 申请中; 快贷 chosen as well, not yet applied for.
      await matchAndApply(crm, actor, o.id as string, [{ productId: id('税E贷') }, { productId: id('快贷'), discountFen: 100_000 }], 'applying', today);
    } else if (o.stage_key === 'application_approval') {
      await matchAndApply(crm, actor, o.id as string, [{ productId: id('e商助梦贷') }], 'applying', today);
    } else if (o.stage_key === 'contract_won') {
      await matchAndApply(crm, actor, o.id as string, [{ productId: id('浦发-银税贷') }, { productId: id('经营快贷') }], 'approved', today);
    } else {
      await matchAndApply(crm, actor, o.id as string, [{ productId: id('税E贷') }], 'disbursed', today);
    }
  }
}
