// The demo: 大鑫金服's catalogue in all eight categories with the brochure's products, a few for 大熹金服, and
// matched products with applications on the demo orders (盛博科技's 税E贷 申请中).
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { seedDemo } from '../../../adapters/demo/seed-demo.js';
import type { DemoOrganisation } from '../../../adapters/demo/organisation.seed.js';
import { testCrm } from '../../support/crm.js';

let crm: Crm;
let demo: DemoOrganisation;
test.before(async () => {
  crm = await testCrm('pglite');
  demo = await seedDemo(crm, 'demo-pass-1234');
});
test.after.always(async () => {
  await crm?.close();
});

test('大鑫金服 has at least 30 products across all eight categories, the brochure’s among them; 大熹金服 has its own few', async (t) => {
  const list = await crm.products.listProducts(demo.main.admin, {}, { limit: 200, withTotal: true });
  t.true((list.total ?? 0) >= 30);
  const names = list.items.map((p) => p.name);
  for (const n of ['税E贷', '快贷', 'e商助梦贷', '浦发-银税贷']) t.true(names.includes(n), n);
  t.true((await crm.products.listCategories(demo.main.admin)).every((c) => c.productCount > 0));
  const small = await crm.products.listProducts(demo.small.admin, {}, { limit: 50, withTotal: true });
  t.deepEqual(small.items.map((p) => [p.number, p.name]), [[1, '税E贷'], [2, '快贷'], [3, 'e商助梦贷'], [4, '浦发-银税贷'], [5, '房抵e贷']]);
});

test('盛博科技’s 企业信用贷 has 税E贷 申请中 at 工商银行 beside 快贷, and some demo order has a disbursed application', async (t) => {
  const knex = crm.database.knex;
  const row = await knex('orders').where({ tenant_id: demo.main.tenantId, company_name: '盛博科技' }).first('id', 'owner_id');
  t.truthy(row);
  const view = await knex('order_lines').where({ tenant_id: demo.main.tenantId, order_id: row.id }).orderBy('position').select('product_name', 'institution', 'status', 'total_fen');
  t.deepEqual(view.map((l) => [l.product_name, l.institution, l.status]), [['税E贷', '工商银行', 'applying'], ['快贷', '建设银行', 'pending']]);
  const disbursed = await knex('order_lines').where({ tenant_id: demo.main.tenantId, status: 'disbursed' }).count<{ count: number }[]>('* as count');
  t.true(Number(disbursed[0]?.count) >= 1);
});
