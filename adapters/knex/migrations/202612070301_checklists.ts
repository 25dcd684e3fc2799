// 资料清单: a product's checklist (documents with validity and whether they block submission), and which
// uploaded file is which document, with the date or period its validity runs from. A file's facts are kept
// once per document, so one file satisfies that document for every product on the order that needs it.
import type { Knex } from 'knex';

export const name = '202612070301_checklists';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('product_documents', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('product_id').notNullable();
    t.jsonb('documents').notNullable(); // DocumentRequirement[] as validated by core/checklists
    t.integer('version').notNullable();
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'product_id']);
    t.foreign(['tenant_id', 'product_id']).references(['tenant_id', 'id']).inTable('products').onDelete('CASCADE');
  });
  await knex.schema.createTable('file_documents', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('file_id').notNullable();
    t.text('document').notNullable();
    t.date('document_date');
    t.date('covers_from');
    t.date('covers_to');
    t.date('expires_on');
    t.boolean('long_term').notNullable().defaultTo(false);
    t.uuid('marked_by').notNullable();
    t.timestamp('marked_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'file_id', 'document']);
    t.foreign(['tenant_id', 'file_id']).references(['tenant_id', 'id']).inTable('files').onDelete('CASCADE');
  });
}
