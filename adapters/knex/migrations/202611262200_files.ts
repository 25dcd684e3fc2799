// Files of records (身份证, 营业执照, 方案附件, 合同扫描件 …): metadata here, bytes in the FileStore. A replaced file
// stays as history (superseded_*); at most one current file per record and kind for keep-one kinds.
import type { Knex } from 'knex';

export const name = '202611262200_files';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('files', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('subject_type').notNullable();
    t.uuid('subject_id').notNullable();
    t.text('kind').notNullable();
    t.boolean('keeps_one').notNullable(); // the kind's rule when uploaded: a new file replaces the current one
    t.text('original_name').notNullable();
    t.text('content_type').notNullable();
    t.bigInteger('size_bytes').notNullable();
    t.text('sha256').notNullable();
    t.text('storage_key').notNullable();
    t.uuid('uploaded_by').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable();
    t.uuid('superseded_by'); // no foreign key: the replacing row is inserted after the replaced one is marked
    t.timestamp('superseded_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'uploaded_by']).references(['tenant_id', 'id']).inTable('users');
    t.index(['tenant_id', 'subject_type', 'subject_id', 'uploaded_at']);
  });
  await knex.raw(
    'create unique index files_one_current on files (tenant_id, subject_type, subject_id, kind) where keeps_one and superseded_at is null',
  );
}
