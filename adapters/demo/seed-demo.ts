// `yunzhou seed --demo`: the demo firms, then each area's demo data in flow order, so a new user sees a
// living CRM. Each later area adds its step to DEMO_STEPS.
import type { Crm } from '../composition/create-crm.js';
import { DEMO_LOGINS, seedDemoOrganisation, type DemoLogin, type DemoOrganisation } from './organisation.seed.js';
import { seedDemoInquiries } from './inquiries.seed.js';
import { seedDemoOrders } from './orders.seed.js';
import { seedDemoProducts } from './products.seed.js';
import { seedDemoApprovals } from './approvals.seed.js';
import { seedDemoInvoices } from './invoices.seed.js';
import { seedDemoCollections } from './collections.seed.js';

export const DEFAULT_DEMO_PASSWORD = 'demo123456';

export type DemoStep = (crm: Crm, demo: DemoOrganisation) => Promise<void>;

/** Area seeds in the order of the flow (inquiries → orders → products → …). */
// Invoices stay last: they bill the money the earlier steps received.
export const DEMO_STEPS: DemoStep[] = [seedDemoInquiries, seedDemoOrders, seedDemoProducts, seedDemoApprovals, seedDemoCollections, seedDemoInvoices];

export async function seedDemo(crm: Crm, password = process.env.YUNZHOU_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD): Promise<DemoOrganisation> {
  const demo = await seedDemoOrganisation(crm, password);
  for (const step of DEMO_STEPS) await step(crm, demo);
  return demo;
}

/** Seeds only an empty embedded database: a fresh install shows the demo, a real one is never touched. */
export async function seedDemoIfEmpty(crm: Crm): Promise<DemoOrganisation | null> {
  const { knex } = crm.database;
  const [{ count }] = (await knex('tenants').count('* as count')) as [{ count: number }];
  if (Number(count) > 0) return null;
  return seedDemo(crm);
}

/** The demo people this database holds (none on a real install): what a restart over the demo prints. */
export async function demoLoginsPresent(crm: Crm): Promise<DemoLogin[]> {
  const rows = (await crm.database.knex('users')
    .join('tenants', 'tenants.id', 'users.tenant_id')
    .whereIn('users.mobile', DEMO_LOGINS.map((l) => l.mobile))
    .whereIn('tenants.name', [...new Set(DEMO_LOGINS.map((l) => l.tenant))])
    .select('users.mobile', 'tenants.name as tenant')) as { mobile: string; tenant: string }[];
  const present = new Set(rows.map((r) => `${r.tenant}/${r.mobile}`));
  return DEMO_LOGINS.filter((l) => present.has(`${l.tenant}/${l.mobile}`));
}
