// The 共N条 under a list: counting a firm's inquiries of one level (in a data scope) as an index-only scan over
// that level's entries, instead of over every entry of the lifecycle. Measured in docs/performance.md.
import type { Knex } from 'knex';

export const name = '202611262104_inquiry_count_index';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index inquiries_count_level on inquiries (tenant_id, lifecycle, level)
    include (owner_id, department_id, source) where merged_into_id is null`);
}
