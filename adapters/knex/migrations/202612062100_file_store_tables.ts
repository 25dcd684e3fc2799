// Files on shared storage: the chunks of the PostgreSQL file store (for operators with no object store), and
// which files `yunzhou files migrate` has copied and verified in which store (so a re-run skips them).
import type { Knex } from 'knex';

export const name = '202612062100_file_store_tables';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('file_chunks', (t) => {
    t.uuid('tenant_id').notNullable(); // no foreign key: the files row owns the record, these are its key's bytes
    t.text('storage_key').notNullable(); // the key's own tenant prefix repeats tenant_id: one layout in every store
    t.integer('seq').notNullable();
    t.binary('bytes').notNullable();
    t.primary(['tenant_id', 'storage_key', 'seq']);
  });
  await knex.schema.createTable('file_store_moves', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('file_id').notNullable();
    t.text('store').notNullable(); // a store's location, e.g. s3:http://127.0.0.1:9000/crm/
    t.timestamp('moved_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'file_id', 'store']);
    t.foreign(['tenant_id', 'file_id']).references(['tenant_id', 'id']).inTable('files').onDelete('CASCADE');
  });
}
