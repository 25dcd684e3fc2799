// The demo inquiries of 大鑫金服: about 200 across levels, sources, owners and pools, the brochure's 盛博科技,
// some overdue, and inside the default recycling rules (its speed is not a test's business: no wall clock here).
import test from 'ava';
import { testCrm } from '../../support/crm.js';
import { seedDemoOrganisation } from '../../../adapters/demo/organisation.seed.js';
import { DEMO_SHENGBO, seedDemoInquiries } from '../../../adapters/demo/inquiries.seed.js';

test('seed --demo adds ~200 inquiries for 大鑫金服 with 盛博科技 owned by 孙露露, follow-ups, overdue and pooled ones', async (t) => {
  const crm = await testCrm('pglite');
  t.teardown(() => crm.close());
  const demo = await seedDemoOrganisation(crm, 'demo123456');
  await seedDemoInquiries(crm, demo);
  const admin = demo.main.admin;
  const all = await crm.inquiries.list(admin, { lifecycles: ['inquiry', 'prospect', 'customer'] }, { limit: 1, withTotal: true });
  const pooled = (await crm.pools.list(admin, 'inquiry', {}, { limit: 1, withTotal: true })).total ?? 0;
  const customerPool = (await crm.pools.list(admin, 'customer', {}, { limit: 1, withTotal: true })).total ?? 0;
  t.is((all.total ?? 0) + pooled + customerPool, 200);
  t.true(pooled > 10 && customerPool > 0);
  t.true(((await crm.inquiries.list(admin, { overdue: true }, { limit: 1, withTotal: true })).total ?? 0) > 10);
  for (const level of ['A', 'B', 'C']) t.true(((await crm.inquiries.list(admin, { level }, { limit: 1, withTotal: true })).total ?? 0) > 10, level);
  const [shengbo] = await crm.inquiries.checkDuplicates(admin, { mobile: DEMO_SHENGBO.mobile });
  t.like(shengbo, { companyName: '盛博科技', contactName: '郑盛', levelLabel: 'B类 潜在价值', ownerName: '孙露露', stage: '咨询' });
  const detail = await crm.inquiries.get(admin, shengbo?.id as string);
  t.like(detail, { source: '电销', propertyType: '按揭房', departmentName: '三：新媒体运营中心', remark: '测试', gender: 'male' });
  t.deepEqual((await crm.followUps.list(admin, detail.id)).map((f) => [f.type, f.content, f.authorName]), [['产品方案', '税贷、发票贷都能做', '孙露露']]);
  const sources = await crm.database.knex('inquiries').where({ tenant_id: demo.main.tenantId }).distinct('source').pluck('source');
  t.true(sources.length >= 5);
  // The other firm has its own few, and the recycler takes nothing back right after seeding.
  t.is((await crm.inquiries.list(demo.small.admin, {}, { limit: 50 })).items.length, 5);
  t.is((await crm.poolRecycler.run()).recycled, 0);
});
