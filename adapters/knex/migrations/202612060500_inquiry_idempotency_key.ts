// 新建咨询 sent again under the same Idempotency-Key (a console's offline queue retrying) returns the record the
// first request created: the key is kept on the record, unique per tenant and creator, so that of two concurrent
// requests with one key only one row can be inserted.
import type { Knex } from 'knex';

export const name = '202612060500_inquiry_idempotency_key';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table inquiries add column idempotency_key text');
  await knex.raw(`create unique index inquiries_idempotency_key on inquiries (tenant_id, created_by, idempotency_key)
    where idempotency_key is not null`);
}
