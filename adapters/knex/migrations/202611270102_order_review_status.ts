// The orders area's contribution view order_review_status (202611262302_order_amounts) answered by approvals:
// an order's internal review is approved when its latest order_review instance that was not withdrawn is
// approved. A resubmission (pending) or a rejection clears it; withdrawing a resubmission restores the
// previous outcome. Columns kept as the orders area declared them: tenant_id, order_id, approved.
import type { Knex } from 'knex';

export const name = '202611270102_order_review_status';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create or replace view order_review_status as
    select distinct on (i.tenant_id, i.business_id) i.tenant_id, i.business_id as order_id, (i.status = 'approved') as approved
      from approval_instances i
     where i.business_type = 'order_review' and i.status <> 'withdrawn'
     order by i.tenant_id, i.business_id, i.submitted_at desc, i.id desc`);
}
