import test from 'ava';
import { randomUUID } from 'node:crypto';
import { FileRepository } from '../../../core/files/ports.js';
import type { FileRecord } from '../../../core/files/types.js';
import type { FileKind } from '../../../core/files/file-kinds.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';

function aFile(tenantId: string, uploadedBy: string, subjectId: string, kind: FileKind, at: string): FileRecord {
  const id = randomUUID();
  return {
    tenantId, id, subjectType: 'order', subjectId, kind, originalName: '方案.pdf', contentType: 'application/pdf', sizeBytes: 6 * 1024 * 1024 - 1,
    sha256: 'a'.repeat(64), storageKey: `${tenantId}/${id.slice(0, 2)}/${id}`, uploadedBy, uploadedAt: new Date(at), supersededBy: null, supersededAt: null,
  };
}

for (const backend of backends()) {
  test(`[${backend}] files round-trip, keep-one kinds hold one current file, history stays, tenants never mix`, async (t) => {
    const crm = await testCrm(backend);
    t.teardown(() => crm.close());
    const repo = crm.container.get<FileRepository>(FileRepository);
    const uow = crm.container.get<UnitOfWork>(UnitOfWork);
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const order = randomUUID();
    const v1 = aFile(firm.tenantId, firm.admin.userId, order, 'plan_attachment', '2026-11-26T08:00:00Z');
    const v2 = aFile(firm.tenantId, firm.admin.userId, order, 'plan_attachment', '2026-11-26T09:00:00Z');
    const extra = [aFile(firm.tenantId, firm.admin.userId, order, 'other', '2026-11-26T08:30:00Z'), aFile(firm.tenantId, firm.admin.userId, order, 'other', '2026-11-26T08:40:00Z')];

    t.true(await uow.run((tx) => repo.insert(tx, v1)));
    t.deepEqual(await uow.read((tx) => repo.get(tx, firm.tenantId, v1.id)), v1);
    t.false(await uow.read((tx) => repo.insert(tx, v2)), 'a second current plan attachment is refused by the database');
    const replaced = await uow.run(async (tx) => {
      const ids = await repo.supersedeCurrent(tx, firm.tenantId, 'order', order, 'plan_attachment', v2.id, v2.uploadedAt);
      await repo.insert(tx, v2);
      return ids;
    });
    t.deepEqual(replaced, [v1.id]);
    for (const f of extra) t.true(await uow.run((tx) => repo.insert(tx, f)), 'other files accumulate');

    const current = await uow.read((tx) => repo.listBySubject(tx, firm.tenantId, 'order', order, false));
    t.deepEqual(current.map((f) => f.id), [v2.id, extra[1]?.id, extra[0]?.id]);
    const all = await uow.read((tx) => repo.listBySubject(tx, firm.tenantId, 'order', order, true));
    t.deepEqual(all.map((f) => f.id), [v2.id, extra[1]?.id, extra[0]?.id, v1.id]);
    const old = all.find((f) => f.id === v1.id);
    t.is(old?.supersededBy, v2.id);
    t.deepEqual(old?.supersededAt, v2.uploadedAt);
    t.is(old?.sizeBytes, 6 * 1024 * 1024 - 1);

    t.is(await uow.read((tx) => repo.get(tx, other.tenantId, v1.id)), null);
    t.deepEqual(await uow.read((tx) => repo.listBySubject(tx, other.tenantId, 'order', order, true)), []);
  });
}
