// An invoice's receipts are the collections area's receipts (202611270201_receipts): the link gets its foreign
// key, so a receipt billed on an invoice can never be deleted from under it.
import type { Knex } from 'knex';

export const name = '202611270302_invoice_receipts_fk';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoice_receipts', (t) => {
    t.foreign(['tenant_id', 'receipt_id']).references(['tenant_id', 'id']).inTable('receipts');
  });
}
