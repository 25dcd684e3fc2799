// 新建跟进 sent again under the same Idempotency-Key returns the follow-up the first request logged: the key is
// kept on the follow-up, unique per tenant and author, so that concurrent retries log it once.
import type { Knex } from 'knex';

export const name = '202612060501_follow_up_idempotency_key';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table inquiry_follow_ups add column idempotency_key text');
  await knex.raw(`create unique index inquiry_follow_ups_idempotency_key on inquiry_follow_ups (tenant_id, author_id, idempotency_key)
    where idempotency_key is not null`);
}
