// What the import builds on, against the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): the
// inquiries repository's bulk insert that claims mobiles and its 查重 of many mobiles at once, and the import
// job's lease (one runner at a time, a lapsed lease taken over, a chunk committed only under the lease).
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm, aMobile } from '../../support/tenant.js';
import { someRecords } from '../inquiries/fixtures.js';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { InquiryRepository } from '../../../core/inquiries/ports.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { sql } from '../../../adapters/knex/unit-of-work.js';
import { importExportPlugin, ImportJobStore } from '../../../plugins/import-export/index.js';

for (const backend of backends()) {
  let crm: Crm;
  test.before(async () => {
    crm = await testCrm(backend, { plugins: [importExportPlugin()], migrate: true });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] a bulk insert claiming mobiles skips a mobile already claimed and returns the ids it inserted; 查重 finds many mobiles at once`, async (t) => {
    const firm = await aFirm(crm);
    const repo = crm.container.get<InquiryRepository>(InquiryRepository);
    const uow = crm.container.get<UnitOfWork>(UnitOfWork);
    const taken = aMobile();
    const existing = await crm.inquiries.create(firm.admin, {
      companyName: '已有公司', mobile: taken, contactName: '郑盛', gender: 'male', level: 'A', nextFollowUpAt: new Date(Date.now() + 86_400_000), source: '电销', propertyType: '按揭房', remark: 'r',
    });
    const [fresh, clash] = await someRecords(crm, firm.tenantId, [{ companyName: '模板一' }, { companyName: '模板二' }]);
    const a = { ...(fresh as NonNullable<typeof fresh>), id: randomUUID(), mobile: aMobile(), ownerId: firm.admin.userId };
    const b = { ...(clash as NonNullable<typeof clash>), id: randomUUID(), mobile: taken };
    const inserted = await uow.run((tx) => repo.insertMany(tx, [a, b], { exclusiveMobile: true }));
    t.deepEqual(inserted, [a.id]);
    const found = await uow.read((tx) => repo.findByMobiles(tx, firm.tenantId, [taken, a.mobile, aMobile()]));
    t.deepEqual(found.map((r) => [r.id, r.ownerName]).sort(), [[a.id, '管理员'], [existing.id, '管理员']].sort());
    const other = await aFirm(crm);
    t.deepEqual(await uow.read((tx) => repo.findByMobiles(tx, other.tenantId, [taken])), [], 'another firm’s mobiles are not its duplicates');
    await uow.run((tx) => repo.refreshStatistics(tx));
  });

  test.serial(`[${backend}] an import job is run by one runner at a time; a lapsed lease is taken over and the old runner can no longer commit`, async (t) => {
    const firm = await aFirm(crm);
    const store = new ImportJobStore(() => crm.database.knex);
    const id = randomUUID();
    const t0 = new Date();
    const at = (s: number): Date => new Date(t0.getTime() + s * 1000);
    await store.insert({ tenantId: firm.tenantId, id, createdBy: firm.admin.userId, fileName: 'x.csv', format: 'csv', sizeBytes: 10, storageKey: 'k', columns: ['企业名称'], ignoredColumns: [], at: t0 });
    const first = await store.claim(firm.tenantId, id, 'runner-1', at(0), at(60));
    t.is(first?.status, 'running');
    t.is(await store.claim(firm.tenantId, id, 'runner-2', at(30), at(90)), null, 'the lease still holds');
    t.truthy(await store.claim(firm.tenantId, id, 'runner-2', at(61), at(121)), 'the lease ran out');
    const commit = (runner: string): Promise<boolean> => crm.container.get<UnitOfWork>(UnitOfWork).run((tx) => store.commitChunk(sql(tx), firm.tenantId, id, runner, {
      chunk: 0, firstIndex: 0, results: [{ row: 2, outcome: 'imported', message: '已导入', cells: [] }], leaseUntil: at(200), now: at(62),
    }));
    t.false(await commit('runner-1'));
    t.true(await commit('runner-2'));
    t.false(await store.finish(firm.tenantId, id, 'runner-1', 'succeeded', null, at(63)));
    t.true(await store.finish(firm.tenantId, id, 'runner-2', 'succeeded', null, at(63)));
    const done = await store.get(firm.tenantId, id);
    t.deepEqual([done?.status, done?.processed, done?.imported, done?.storageKey], ['succeeded', 1, 1, null]);
    t.is(await store.claim(firm.tenantId, id, 'runner-3', at(999), at(1100)), null, 'a finished job is never claimed again');
  });
}
