// Against the database: re-sealing a column after rotation, and the sensitive-read log.
import test from 'ava';
import { randomBytes, randomUUID } from 'node:crypto';
import { AesGcmCipher } from '../../../adapters/security/aes-gcm-cipher.js';
import { reencryptColumns } from '../../../adapters/security/reencrypt-column.js';
import { SensitiveReadLog } from '../../../core/security/ports.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';

const key = (): string => randomBytes(32).toString('base64');

for (const backend of backends()) {
  test(`[${backend}] reencryptColumns re-seals every old value under the current key, in batches, and leaves current ones alone`, async (t) => {
    const crm = await testCrm(backend);
    t.teardown(() => crm.close());
    const knex = crm.database.knex;
    const table = `reseal_${randomBytes(4).toString('hex')}`;
    await knex.schema.createTable(table, (tb) => {
      tb.uuid('tenant_id').notNullable();
      tb.uuid('id').notNullable();
      tb.text('id_number');
      tb.text('bank_card');
      tb.primary(['tenant_id', 'id']);
    });
    t.teardown(() => knex.schema.dropTable(table));
    const k1 = key();
    const old = AesGcmCipher.fromConfig('s', { currentKeyId: 'kX1', keys: { kX1: k1 } });
    const rows = Array.from({ length: 7 }, (_, i) => ({
      tenant_id: randomUUID(), id: randomUUID(), id_number: old.encrypt(`ID${i}`), bank_card: i % 2 ? null : old.encrypt(`CARD${i}`),
    }));
    await knex(table).insert(rows);
    // 'k_1' as a LIKE pattern would also match 'kX1': the escape matters
    const rotated = AesGcmCipher.fromConfig('s', { currentKeyId: 'k_1', keys: { kX1: k1, k_1: key() } });
    await knex(table).insert({ tenant_id: randomUUID(), id: randomUUID(), id_number: rotated.encrypt('already current'), bank_card: null });

    const changed = await reencryptColumns(knex, rotated, { table, columns: ['id_number', 'bank_card'], batchSize: 3 });
    t.is(changed, 7 + 4);
    const after = await knex(table).select();
    t.true(after.every((r) => rotated.keyIdOf(r.id_number) === 'k_1' && (r.bank_card === null || rotated.keyIdOf(r.bank_card) === 'k_1')));
    const byId = new Map(after.map((r) => [r.id, r]));
    rows.forEach((r, i) => {
      t.is(rotated.decrypt(byId.get(r.id).id_number), `ID${i}`);
      t.is(byId.get(r.id).bank_card === null ? null : rotated.decrypt(byId.get(r.id).bank_card), i % 2 ? null : `CARD${i}`);
    });
    t.is(await reencryptColumns(knex, rotated, { table, columns: ['id_number', 'bank_card'] }), 0, 'a second run finds nothing');
  });

  test(`[${backend}] the sensitive-read log records who saw which field of which record, and lists it per record and tenant`, async (t) => {
    const crm = await testCrm(backend);
    t.teardown(() => crm.close());
    const log = crm.container.get<SensitiveReadLog>(SensitiveReadLog);
    const uow = crm.container.get<UnitOfWork>(UnitOfWork);
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const order = randomUUID();
    await uow.run((tx) => log.record(tx, [
      { tenantId: firm.tenantId, actorId: firm.admin.userId, subjectType: 'order', subjectId: order, field: 'idNumber' },
      { tenantId: firm.tenantId, actorId: firm.admin.userId, subjectType: 'order', subjectId: order, field: 'bankCard' },
    ]));
    await uow.run((tx) => log.record(tx, [{ tenantId: other.tenantId, actorId: other.admin.userId, subjectType: 'order', subjectId: order, field: 'idNumber' }]));
    const entries = await uow.read((tx) => log.list(tx, firm.tenantId, { subjectType: 'order', subjectId: order }, 10));
    t.deepEqual(entries.map((e) => [e.field, e.actorId, e.tenantId]), [['bankCard', firm.admin.userId, firm.tenantId], ['idNumber', firm.admin.userId, firm.tenantId]]);
    t.true(entries.every((e) => e.at instanceof Date));
    t.is((await uow.read((tx) => log.list(tx, other.tenantId, {}, 10))).length, 1);
  });
}
